import type { protocolEntries } from '@/db/schema';
import { LINE_KEYS, signedAtFromDate, type LineKey, type ProtocolFigures } from './definition';

type Entry = typeof protocolEntries.$inferSelect;

/** A stored copy as figures (converted entries have no signatures). */
export function entryFigures(entry: Entry, votes: Record<number, number>): ProtocolFigures {
  const lines = Object.fromEntries(LINE_KEYS.map((key) => [key, entry[key]])) as Record<LineKey, number>;
  const signed = entry.chairName !== null && entry.signedAt !== null;
  return {
    ...lines,
    votesAgainstAll: entry.votesAgainstAll,
    votes,
    signatures: signed
      ? {
          chairName: entry.chairName!,
          secretaryName: entry.secretaryName!,
          membersTotal: entry.membersTotal!,
          membersPresent: entry.membersPresent!,
          membersSigning: entry.membersSigning!,
          dissentAttached: entry.dissentAttached!,
          signedAt: signedAtFromDate(entry.signedAt!),
        }
      : null,
  };
}
