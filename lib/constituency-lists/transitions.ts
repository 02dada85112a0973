import type { Role } from '@/lib/auth/permissions';
import type { ListContent } from './schemas';
import type { MessageKey } from '@/lib/i18n/keys';

/**
 * The life of a constituency-list revision:
 *   draft ──submit──▶ submitted ──approve──▶ approved ──(newer approved)──▶ superseded
 *     ▲                   │
 *     └──── returned ◀─return (with a comment); a returned revision is edited and resubmitted.
 * Pure rules; lib/constituency-lists/commands.ts applies them inside a transaction.
 */
export type RevisionStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'superseded';
export type RevisionFacts = { status: RevisionStatus; submittedBy: number | null };
export type Refusal = { ok: false; reason: MessageKey };
export type Allowed<T = object> = { ok: true } & T;

const refuse = (reason: MessageKey): Refusal => ({ ok: false, reason });

export const isEditable = (status: RevisionStatus) => status === 'draft' || status === 'returned';

export function checkEdit(revision: RevisionFacts): Allowed | Refusal {
  return isEditable(revision.status) ? { ok: true } : refuse('lists.errors.locked');
}

export function checkSubmit(revision: RevisionFacts, content: ListContent): Allowed | Refusal {
  if (!isEditable(revision.status)) return refuse('lists.errors.notEditable');
  if (content.constituencies.length === 0) return refuse('lists.errors.emptyList');
  if (content.constituencies.some((c) => c.precincts.length === 0)) return refuse('lists.errors.constituencyWithoutPrecincts');
  return { ok: true };
}

export function checkReturn(revision: RevisionFacts): Allowed | Refusal {
  return revision.status === 'submitted' ? { ok: true } : refuse('lists.errors.notSubmitted');
}

/**
 * Four-eyes: the submitter never approves their own revision. Calendar: lists are approved before
 * nomination opens; after that only an admin may approve, with a written reason (audited).
 */
export function checkApprove(
  revision: RevisionFacts,
  actor: { id: number; role: Role },
  calendar: { today: string; nominationOpensOn: string },
  overrideReason: string | undefined,
): Allowed<{ calendarOverride: boolean }> | Refusal {
  if (revision.status !== 'submitted') return refuse('lists.errors.notSubmitted');
  if (revision.submittedBy === actor.id) return refuse('lists.errors.ownSubmission');
  if (calendar.today < calendar.nominationOpensOn) return { ok: true, calendarOverride: false };
  if (actor.role !== 'admin') return refuse('lists.errors.nominationOpened');
  if (!overrideReason) return refuse('lists.errors.overrideReasonRequired');
  return { ok: true, calendarOverride: true };
}

export type ListChange =
  | { type: 'constituencyAdded' | 'constituencyRemoved'; code: string; name: string; precincts: number; voters: number }
  | { type: 'constituencyChanged'; code: string; name: string; fields: string[] }
  | { type: 'precinctAdded' | 'precinctRemoved'; code: string; number: number; votersOnList: number }
  | { type: 'precinctChanged'; code: string; number: number; fields: string[]; votersBefore: number; votersAfter: number };

const sizeOf = (constituency: ListContent['constituencies'][number]) => ({
  precincts: constituency.precincts.length,
  voters: constituency.precincts.reduce((sum, precinct) => sum + precinct.votersOnList, 0),
});

/** What a revision changes against the list in force (null = no approved list yet: all added). */
export function diffLists(before: ListContent | null, after: ListContent): ListChange[] {
  const changes: ListChange[] = [];
  const previous = new Map((before?.constituencies ?? []).map((c) => [c.code, c]));
  for (const constituency of after.constituencies) {
    const old = previous.get(constituency.code);
    previous.delete(constituency.code);
    if (!old) {
      changes.push({ type: 'constituencyAdded', code: constituency.code, name: constituency.nameEn, ...sizeOf(constituency) });
      continue;
    }
    const fields = (['kind', 'nameKk', 'nameRu', 'nameEn'] as const).filter((field) => old[field] !== constituency[field]);
    if (fields.length) changes.push({ type: 'constituencyChanged', code: constituency.code, name: constituency.nameEn, fields });
    const oldPrecincts = new Map(old.precincts.map((p) => [p.number, p]));
    for (const precinct of constituency.precincts) {
      const was = oldPrecincts.get(precinct.number);
      oldPrecincts.delete(precinct.number);
      if (!was) changes.push({ type: 'precinctAdded', code: constituency.code, number: precinct.number, votersOnList: precinct.votersOnList });
      else {
        const changed = (['address', 'votersOnList'] as const).filter((field) => was[field] !== precinct[field]);
        if (changed.length)
          changes.push({
            type: 'precinctChanged',
            code: constituency.code,
            number: precinct.number,
            fields: changed,
            votersBefore: was.votersOnList,
            votersAfter: precinct.votersOnList,
          });
      }
    }
    for (const removed of oldPrecincts.values())
      changes.push({ type: 'precinctRemoved', code: constituency.code, number: removed.number, votersOnList: removed.votersOnList });
  }
  for (const removed of previous.values()) changes.push({ type: 'constituencyRemoved', code: removed.code, name: removed.nameEn, ...sizeOf(removed) });
  return changes;
}
