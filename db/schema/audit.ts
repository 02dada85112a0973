import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { userRole } from './users';

/**
 * Append-only record of every command. A trigger (see the custom migration) rejects UPDATE and
 * DELETE, so not even the application can rewrite history; a hash chain makes any change made
 * around the trigger (by a superuser, or in a restored copy) detectable by `npm run audit:verify`. Actor fields are copied, not joined,
 * so the row keeps saying who acted with which role even after the user changes.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id'),
    actorEmail: text('actor_email'),
    actorRole: userRole('actor_role'),
    actorRegionId: integer('actor_region_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    regionId: integer('region_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    /** Tamper evidence: each row's hash covers its content and the previous row's hash (see lib/audit/chain.ts). */
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_entity_idx').on(t.entityType, t.entityId), index('audit_log_actor_idx').on(t.actorUserId)],
);
