import { createHash } from 'node:crypto';

/**
 * The audit log's hash chain: every row stores the hash of the previous row and its own hash over
 * its content plus that previous hash, so editing, deleting or reordering any row breaks every
 * link after it. Content is hashed in a canonical form (sorted keys) so the JSONB round trip,
 * which reorders keys, does not change it.
 */
export type ChainedContent = {
  at: Date;
  actorUserId: number | null;
  actorEmail: string | null;
  actorRole: string | null;
  actorRegionId: number | null;
  action: string;
  entityType: string;
  entityId: string | null;
  regionId: number | null;
  before: unknown;
  after: unknown;
};

export const GENESIS_HASH = '0'.repeat(64);

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** Hashes exactly the chained fields (a stored row also carries its id and hashes, which are not content). */
export function auditRowHash(c: ChainedContent, prevHash: string): string {
  const content = {
    at: c.at.toISOString(),
    actorUserId: c.actorUserId,
    actorEmail: c.actorEmail,
    actorRole: c.actorRole,
    actorRegionId: c.actorRegionId,
    action: c.action,
    entityType: c.entityType,
    entityId: c.entityId,
    regionId: c.regionId,
    before: c.before,
    after: c.after,
  };
  return createHash('sha256')
    .update(canonical({ ...content, prevHash }))
    .digest('hex');
}

/** What JSONB will give back: plain JSON (dates as strings, no undefined). */
export const asStoredJson = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

export type ChainBreak = { id: number; reason: 'prev_hash_mismatch' | 'hash_mismatch' };
