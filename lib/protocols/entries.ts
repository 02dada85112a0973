import type { protocolEntries, protocolEntryVotes } from '@/db/schema';
import { LINE_KEYS, signedAtFromDate, type LineKey, type ProtocolFigures, type SignatureKey } from './definition';

/** What a stored copy's figures are made of: its row (the lines and signatures) and vote rows. */
type StoredEntry = Pick<typeof protocolEntries.$inferSelect, 'id' | LineKey | 'votesAgainstAll' | SignatureKey>;
type StoredVote = Pick<typeof protocolEntryVotes.$inferSelect, 'entryId' | 'candidateId' | 'votes'>;

/**
 * A stored copy as figures, from its row and vote rows; other entries' votes are skipped, so a few
 * entries can share one list (for thousands, group the votes by entry first). Converted entries
 * have no signatures.
 */
export function figuresOf(entry: StoredEntry, votes: readonly StoredVote[]): ProtocolFigures {
  const lines = Object.fromEntries(LINE_KEYS.map((key) => [key, entry[key]])) as Record<LineKey, number>;
  const signed = entry.chairName !== null && entry.signedAt !== null;
  return {
    ...lines,
    votesAgainstAll: entry.votesAgainstAll,
    votes: Object.fromEntries(votes.filter((vote) => vote.entryId === entry.id).map((vote) => [vote.candidateId, vote.votes])),
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
