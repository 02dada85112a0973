import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
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

/** Failed sign-in counters per account and per client address, shared by every portal instance. */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull().default(0),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [index('login_throttle_locked_until_idx').on(t.lockedUntil)],
);
