import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { regions } from './regions';

export const userRole = pgEnum('user_role', ['admin', 'operator', 'reviewer', 'observer']);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    fullName: text('full_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: userRole('role').notNull(),
    /** null = every region; only admins and observers may have it. */
    regionId: integer('region_id').references(() => regions.id),
    active: boolean('active').notNull().default(true),
    /** Bumped on deactivation, role or region change, password change: older sessions stop working. */
    sessionVersion: integer('session_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('users_email_lower_unique').on(sql`lower(${t.email})`),
    check('users_region_scope', sql`${t.role} in ('admin', 'observer') or ${t.regionId} is not null`),
    check('users_admin_all_regions', sql`${t.role} <> 'admin' or ${t.regionId} is null`),
  ],
);

/**
 * Server-side sessions: the session cookie (an Auth.js JWT) carries the id of one row here, and
 * every request checks the row still exists, so signing out or being signed out ends it at once.
 */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent').notNull().default(''),
    address: text('address').notNull().default(''),
  },
  (t) => [index('staff_sessions_user_idx').on(t.userId), index('staff_sessions_expires_at_idx').on(t.expiresAt)],
);

/** Every failed sign-in (the e-mail as typed, lower-cased, and the client address), kept a day. */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    account: text('account').notNull(),
    address: text('address').notNull(),
  },
  (t) => [
    index('sign_in_failures_account_at_idx').on(t.account, t.at),
    index('sign_in_failures_address_at_idx').on(t.address, t.at),
    index('sign_in_failures_at_idx').on(t.at),
  ],
);

/**
 * Sign-in blocks of an (account, address) pair or of an address, and where their failure counts
 * start: a successful sign-in or an admin clearing the block starts the count again.
 */
export const signInBlocks = pgTable('sign_in_blocks', {
  key: text('key').primaryKey(),
  scope: text('scope', { enum: ['pair', 'address'] }).notNull(),
  account: text('account'),
  address: text('address').notNull(),
  blockedAt: timestamp('blocked_at', { withTimezone: true }),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
  countsFrom: timestamp('counts_from', { withTimezone: true }).notNull().defaultNow(),
});
