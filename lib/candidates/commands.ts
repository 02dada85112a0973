import { and, eq, max, sum } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { candidateChecks, candidates, constituencies, elections, parties, precincts } from '@/db/schema';
import { todayInKazakhstan } from '@/lib/calendar';
import { defineCommand, DomainError } from '@/lib/commands';
import { requireWorkOpen } from '@/lib/elections/queries';
import { bumpResultsVersion } from '@/lib/results/version';
import { allChecksPassed, ATTESTED_CHECKS, automaticChecks, encodeDetail, type NomineeFacts } from './eligibility';
import { attestCheckSchema, decisionSchema, nominationSchema, updateDocumentsSchema, withdrawalSchema } from './schemas';

const invalidState = (message: string): never => {
  throw new DomainError('invalidState', { message });
};

/** The constituency (in force, of this election) with its region and its voters on the lists. */
async function constituencyOf(tx: Transaction, constituencyId: number) {
  const [row] = await tx
    .select({ id: constituencies.id, electionId: constituencies.electionId, regionId: constituencies.regionId, status: constituencies.status, voters: sum(precincts.votersOnList) })
    .from(constituencies)
    .leftJoin(precincts, eq(precincts.constituencyId, constituencies.id))
    .where(eq(constituencies.id, constituencyId))
    .groupBy(constituencies.id);
  if (!row) throw new DomainError('notFound');
  return { ...row, voters: Number(row.voters ?? 0) };
}

async function electionRules(tx: Transaction, electionId: number) {
  const [election] = await tx.select().from(elections).where(eq(elections.id, electionId));
  if (!election) throw new DomainError('notFound');
  return election;
}

async function candidateRegion(tx: Transaction, candidateId: number) {
  const [row] = await tx
    .select({ regionId: constituencies.regionId })
    .from(candidates)
    .innerJoin(constituencies, eq(constituencies.id, candidates.constituencyId))
    .where(eq(candidates.id, candidateId));
  if (!row) throw new DomainError('notFound');
  return row.regionId;
}

/** Locks the nominee for this transaction and checks the caller read its latest version. */
async function lockCandidate(tx: Transaction, candidateId: number, lockVersion: number) {
  const [candidate] = await tx.select().from(candidates).where(eq(candidates.id, candidateId)).for('update');
  if (!candidate) throw new DomainError('notFound');
  if (candidate.lockVersion !== lockVersion) throw new DomainError('conflict', { message: 'errors.staleEdit' });
  return candidate;
}

const facts = (candidate: typeof candidates.$inferSelect): NomineeFacts => ({
  iin: candidate.iin,
  birthDate: candidate.birthDate,
  sex: candidate.sex,
  nominationRoute: candidate.nominationRoute,
  nominatedOn: candidate.nominatedOn,
  depositAmount: candidate.depositAmount,
  depositPaidOn: candidate.depositPaidOn,
  supportingSignatures: candidate.supportingSignatures,
});

/** Decides (again) the automatic checks from the nominee's current data. */
async function runAutomaticChecks(tx: Transaction, candidate: typeof candidates.$inferSelect) {
  const election = await electionRules(tx, candidate.electionId);
  const constituency = await constituencyOf(tx, candidate.constituencyId);
  const checks = automaticChecks(facts(candidate), election, constituency.voters);
  const decidedAt = new Date();
  for (const check of checks) {
    await tx
      .insert(candidateChecks)
      .values({ candidateId: candidate.id, code: check.code, kind: 'automatic', outcome: check.outcome, detail: encodeDetail(check.detail), decidedAt })
      .onConflictDoUpdate({
        target: [candidateChecks.candidateId, candidateChecks.code],
        set: { outcome: check.outcome, detail: encodeDetail(check.detail), decidedAt, decidedBy: null },
      });
  }
  return checks.map((check) => ({ code: check.code, outcome: check.outcome }));
}

const bump = (candidate: { lockVersion: number }) => ({ lockVersion: candidate.lockVersion + 1 });

export const nominate = defineCommand({
  name: 'candidates.nominate',
  permission: 'candidate.nominate',
  schema: nominationSchema,
  regionOf: async (input, tx) => (await constituencyOf(tx, input.constituencyId)).regionId,
  async run({ input, actor, tx, audit }) {
    const constituency = await constituencyOf(tx, input.constituencyId);
    if (constituency.electionId !== input.electionId || constituency.status !== 'in_force') invalidState('candidates.errors.constituencyNotInForce');
    await requireWorkOpen(tx, input.electionId, 'nomination');
    if (input.partyId !== null) {
      const [party] = await tx.select({ active: parties.active }).from(parties).where(eq(parties.id, input.partyId));
      if (!party?.active) throw new DomainError('invalid', { fieldErrors: { partyId: ['candidates.errors.partyNotActive'] } });
    }
    const today = todayInKazakhstan();
    // One person once per election, one nominee per party and constituency: a repeat is refused on
    // its field by the database's unique keys (lib/commands.ts DUPLICATE_KEYS), also when two
    // clerks enter the same nomination at the same moment.
    const [created] = await tx
      .insert(candidates)
      .values({ ...input, nominatedOn: today, enteredBy: actor.id })
      .returning();
    const checks = await runAutomaticChecks(tx, created!);
    await tx.insert(candidateChecks).values(ATTESTED_CHECKS.map((code) => ({ candidateId: created!.id, code, kind: 'attested' as const })));
    await audit({
      action: 'candidates.nominate',
      entityType: 'candidate',
      entityId: created!.id,
      after: { fullName: input.fullName, constituencyId: input.constituencyId, route: input.nominationRoute, partyId: input.partyId, checks },
    });
    return { id: created!.id };
  },
});

export const updateDocuments = defineCommand({
  name: 'candidates.updateDocuments',
  permission: 'candidate.nominate',
  schema: updateDocumentsSchema,
  regionOf: (input, tx) => candidateRegion(tx, input.candidateId),
  async run({ input, tx, audit }) {
    const candidate = await lockCandidate(tx, input.candidateId, input.lockVersion);
    if (candidate.status !== 'nominated') invalidState('candidates.errors.alreadyDecided');
    await requireWorkOpen(tx, candidate.electionId, 'candidateReview');
    const { candidateId, lockVersion, ...documents } = input;
    const [updated] = await tx.update(candidates).set({ ...documents, ...bump(candidate) }).where(eq(candidates.id, candidateId)).returning();
    const checks = await runAutomaticChecks(tx, updated!);
    await audit({
      action: 'candidates.updateDocuments',
      entityType: 'candidate',
      entityId: candidateId,
      before: { depositAmount: candidate.depositAmount, depositPaidOn: candidate.depositPaidOn, supportingSignatures: candidate.supportingSignatures },
      after: { ...documents, checks },
    });
    return { lockVersion: lockVersion + 1 };
  },
});

export const attestCheck = defineCommand({
  name: 'candidates.attestCheck',
  permission: 'candidate.attest',
  schema: attestCheckSchema,
  regionOf: (input, tx) => candidateRegion(tx, input.candidateId),
  async run({ input, actor, tx, audit }) {
    const candidate = await lockCandidate(tx, input.candidateId, input.lockVersion);
    if (candidate.status !== 'nominated') invalidState('candidates.errors.alreadyDecided');
    await requireWorkOpen(tx, candidate.electionId, 'candidateReview');
    const [before] = await tx.select().from(candidateChecks).where(and(eq(candidateChecks.candidateId, candidate.id), eq(candidateChecks.code, input.code)));
    await tx
      .update(candidateChecks)
      .set({ outcome: input.outcome, detail: input.note, decidedBy: actor.id, decidedAt: new Date() })
      .where(and(eq(candidateChecks.candidateId, candidate.id), eq(candidateChecks.code, input.code)));
    await tx.update(candidates).set(bump(candidate)).where(eq(candidates.id, candidate.id));
    await audit({
      action: 'candidates.attestCheck',
      entityType: 'candidate',
      entityId: candidate.id,
      before: { code: input.code, outcome: before?.outcome, note: before?.detail },
      after: { code: input.code, outcome: input.outcome, note: input.note },
    });
    return { lockVersion: candidate.lockVersion + 1 };
  },
});

/** Registers (every check passed, before the registration deadline) or refuses with a legal ground. */
export const decide = defineCommand({
  name: 'candidates.decide',
  permission: 'candidate.decide',
  schema: decisionSchema,
  regionOf: (input, tx) => candidateRegion(tx, input.candidateId),
  async run({ input, actor, tx, audit }) {
    const candidate = await lockCandidate(tx, input.candidateId, input.lockVersion);
    if (candidate.status !== 'nominated') invalidState('candidates.errors.alreadyDecided');
    await requireWorkOpen(tx, candidate.electionId, 'candidateReview');
    if (candidate.enteredBy === actor.id) invalidState('candidates.errors.ownNomination');
    const decided = { decidedBy: actor.id, decidedAt: new Date(), ...bump(candidate) };
    if (input.decision === 'refuse') {
      await tx
        .update(candidates)
        .set({ status: 'refused', refusalGround: input.refusalGround, decisionNote: input.explanation, ...decided })
        .where(eq(candidates.id, candidate.id));
      await bumpResultsVersion(tx, candidate.electionId);
      await audit({ action: 'candidates.refuse', entityType: 'candidate', entityId: candidate.id, before: { status: candidate.status }, after: { status: 'refused', ground: input.refusalGround, explanation: input.explanation } });
      return { lockVersion: candidate.lockVersion + 1, ballotOrder: null };
    }
    const checks = await tx.select({ outcome: candidateChecks.outcome }).from(candidateChecks).where(eq(candidateChecks.candidateId, candidate.id));
    if (!allChecksPassed(checks)) invalidState('candidates.errors.checksNotPassed');
    // The constituency row lock serialises registrations, so ballot numbers never collide.
    await tx.select({ id: constituencies.id }).from(constituencies).where(eq(constituencies.id, candidate.constituencyId)).for('update');
    const [{ last }] = (await tx.select({ last: max(candidates.ballotOrder) }).from(candidates).where(eq(candidates.constituencyId, candidate.constituencyId))) as [{ last: number | null }];
    const ballotOrder = (last ?? 0) + 1;
    await tx.update(candidates).set({ status: 'registered', ballotOrder, ...decided }).where(eq(candidates.id, candidate.id));
    await bumpResultsVersion(tx, candidate.electionId);
    await audit({ action: 'candidates.register', entityType: 'candidate', entityId: candidate.id, before: { status: candidate.status }, after: { status: 'registered', ballotOrder } });
    return { lockVersion: candidate.lockVersion + 1, ballotOrder };
  },
});

/** A withdrawal by the candidate or the nominating party; the candidate stays listed as withdrawn. */
export const withdraw = defineCommand({
  name: 'candidates.withdraw',
  permission: 'candidate.withdraw',
  schema: withdrawalSchema,
  regionOf: (input, tx) => candidateRegion(tx, input.candidateId),
  async run({ input, tx, audit }) {
    const candidate = await lockCandidate(tx, input.candidateId, input.lockVersion);
    if (candidate.status !== 'nominated' && candidate.status !== 'registered') invalidState('candidates.errors.cannotWithdraw');
    if (input.withdrawnBy === 'party' && candidate.nominationRoute !== 'party')
      throw new DomainError('invalid', { fieldErrors: { withdrawnBy: ['candidates.errors.partyWithdrawalForSelfNominee'] } });
    const election = await requireWorkOpen(tx, candidate.electionId, 'withdrawal');
    if (input.withdrawnOn < candidate.nominatedOn || input.withdrawnOn > election.votingDay || input.withdrawnOn > todayInKazakhstan())
      throw new DomainError('invalid', { fieldErrors: { withdrawnOn: ['candidates.errors.withdrawalDate'] } });
    await tx
      .update(candidates)
      .set({ status: 'withdrawn', withdrawnBy: input.withdrawnBy, withdrawnOn: input.withdrawnOn, ...bump(candidate) })
      .where(eq(candidates.id, candidate.id));
    await bumpResultsVersion(tx, candidate.electionId);
    await audit({
      action: 'candidates.withdraw',
      entityType: 'candidate',
      entityId: candidate.id,
      before: { status: candidate.status },
      after: { status: 'withdrawn', withdrawnBy: input.withdrawnBy, withdrawnOn: input.withdrawnOn },
    });
    return { lockVersion: candidate.lockVersion + 1 };
  },
});
