import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { elections } from '@/db/schema';
import { todayInKazakhstan } from '@/lib/calendar';
import { assertLockVersion, defineCommand, DomainError, type CommandContext } from '@/lib/commands';
import { bumpResultsVersion } from '@/lib/results/version';
import { CALENDAR_ORDER } from './calendar';
import { rulesLocked } from './phase';
import { findElection, type ElectionWithPhase } from './queries';
import { CORRECTION_REASON_MIN_LENGTH, createElectionSchema, electionRefSchema, updateElectionSchema } from './schemas';

/** The calendar and the rules: locked once nomination opens. Names may always be corrected. */
const LOCKED_FIELDS = [
  'kind',
  ...CALENDAR_ORDER,
  'minCandidateAge',
  'depositAmount',
  'signatureShareBp',
  'winnerRule',
  'turnoutThresholdBp',
  'againstAllOnBallot',
  'againstAllEffect',
  'votersGrowthWarnBp',
  'protocolImageRequired',
  'withdrawalCutoffDays',
  'depositRefundThresholdBp',
  'depositRuleWhenRemoved',
] as const;
const NAME_FIELDS = ['slug', 'nameKk', 'nameRu', 'nameEn'] as const;
const EDITABLE_FIELDS = [...NAME_FIELDS, ...LOCKED_FIELDS] as const;
type Editable = (typeof EDITABLE_FIELDS)[number];

const pick = (record: Record<Editable, unknown>, fields: readonly Editable[]) => Object.fromEntries(fields.map((field) => [field, record[field]]));

async function loadForChange(tx: Transaction, electionId: number, lockVersion: number): Promise<ElectionWithPhase> {
  await tx.select({ id: elections.id }).from(elections).where(eq(elections.id, electionId)).for('update');
  const election = await findElection(tx, electionId);
  if (!election) throw new DomainError('notFound');
  assertLockVersion(election.lockVersion, lockVersion);
  if (election.phase === 'archived') throw new DomainError('invalidState', { message: 'elections.errors.archived' });
  return election;
}

/** A new election starts as a draft only admins see; voting day must be ahead. */
export const createElection = defineCommand({
  name: 'elections.create',
  permission: 'elections.manage',
  schema: createElectionSchema,
  regionOf: () => null,
  async run({ input, tx, audit }) {
    if (input.votingDay <= todayInKazakhstan()) throw new DomainError('invalid', { fieldErrors: { votingDay: ['elections.errors.votingDayInPast'] } });
    // A slug already in use is refused on its field (lib/commands.ts DUPLICATE_KEYS).
    const [created] = await tx.insert(elections).values(input).returning();
    await audit({ action: 'elections.create', entityType: 'election', entityId: created!.id, after: pick(created!, EDITABLE_FIELDS) });
    return { id: created!.id };
  },
});

/**
 * Saves the election form. Once nomination has opened, changing the calendar or the rules needs a
 * written reason, kept in the audit row; the public address (slug) never changes after announcing.
 */
export const updateElection = defineCommand({
  name: 'elections.update',
  permission: 'elections.manage',
  schema: updateElectionSchema,
  regionOf: () => null,
  async run({ input, tx, audit }) {
    const { electionId, lockVersion, correctionReason, ...values } = input;
    const election = await loadForChange(tx, electionId, lockVersion);
    const changed = EDITABLE_FIELDS.filter((field) => values[field] !== election[field]);
    if (changed.length === 0) return { version: election.lockVersion };
    const lockedChanges = changed.filter((field) => (LOCKED_FIELDS as readonly string[]).includes(field));
    const locked = rulesLocked(election.phase) && lockedChanges.length > 0;
    if (locked && correctionReason.length < CORRECTION_REASON_MIN_LENGTH) {
      throw new DomainError('invalid', {
        message: 'elections.errors.lockedNeedsReason',
        fieldErrors: { correctionReason: ['elections.errors.reasonRequired'] },
      });
    }
    if (changed.includes('slug') && election.announcedAt) throw new DomainError('invalid', { fieldErrors: { slug: ['elections.errors.slugFixed'] } });
    if (changed.includes('votingDay') && values.votingDay <= todayInKazakhstan()) {
      throw new DomainError('invalid', { fieldErrors: { votingDay: ['elections.errors.votingDayInPast'] } });
    }
    await tx
      .update(elections)
      .set({ ...values, lockVersion: election.lockVersion + 1 })
      .where(eq(elections.id, electionId));
    // Rules such as the winner rule change what the published results say.
    await bumpResultsVersion(tx, electionId);
    await audit({
      action: locked ? 'elections.correct' : 'elections.update',
      entityType: 'election',
      entityId: electionId,
      before: pick(election, changed),
      after: { ...pick(values, changed), ...(locked ? { reason: correctionReason } : {}) },
    });
    return { version: election.lockVersion + 1 };
  },
});

/** Stamps an announcement or archiving on the election, versioned, published and audited. */
async function stamp(tx: Transaction, election: ElectionWithPhase, audit: CommandContext<unknown>['audit'], change: 'announcedAt' | 'archivedAt') {
  const at = new Date();
  await tx
    .update(elections)
    .set({ [change]: at, lockVersion: election.lockVersion + 1 })
    .where(eq(elections.id, election.id));
  await bumpResultsVersion(tx, election.id);
  await audit({
    action: change === 'announcedAt' ? 'elections.announce' : 'elections.archive',
    entityType: 'election',
    entityId: election.id,
    before: { phase: election.phase },
    after: { [change]: at.toISOString() },
  });
  return { version: election.lockVersion + 1 };
}

/** Publishes a draft: from now on the public sees it and its calendar drives the phases. */
export const announceElection = defineCommand({
  name: 'elections.announce',
  permission: 'elections.manage',
  schema: electionRefSchema,
  regionOf: () => null,
  async run({ input, tx, audit }) {
    const election = await loadForChange(tx, input.electionId, input.lockVersion);
    if (election.phase !== 'draft') throw new DomainError('invalidState', { message: 'elections.errors.notDraft' });
    if (election.votingDay <= todayInKazakhstan()) throw new DomainError('invalidState', { message: 'elections.errors.votingDayInPast' });
    return stamp(tx, election, audit, 'announcedAt');
  },
});

/** Closes the book on an election whose results are official (or discards a draft); nothing changes after. */
export const archiveElection = defineCommand({
  name: 'elections.archive',
  permission: 'elections.manage',
  schema: electionRefSchema,
  regionOf: () => null,
  async run({ input, tx, audit }) {
    const election = await loadForChange(tx, input.electionId, input.lockVersion);
    if (election.phase !== 'results_official' && election.phase !== 'draft')
      throw new DomainError('invalidState', { message: 'elections.errors.notArchivable' });
    return stamp(tx, election, audit, 'archivedAt');
  },
});
