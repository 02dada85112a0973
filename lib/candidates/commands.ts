import { and, asc, eq, gt, max, sum } from 'drizzle-orm';
import type { z } from 'zod';
import type { Transaction } from '@/db/client';
import { akimRegistrations, candidateChecks, candidates, constituencies, elections, parties, precincts, registrationCancellations } from '@/db/schema';
import { todayInKazakhstan } from '@/lib/calendar';
import type { Permission } from '@/lib/auth/permissions';
import { assertLockVersion, defineCommand, DomainError, type CommandContext } from '@/lib/commands';
import { lastWithdrawalDay } from '@/lib/elections/calendar';
import { findElection, requireWorkOpen } from '@/lib/elections/queries';
import { bumpResultsVersion } from '@/lib/results/version';
import { akimActions, akimDecisionErrors } from './elected';
import { ATTESTED_CHECKS, automaticChecks, encodeDetail, type NomineeFacts } from './eligibility';
import {
  attestCheckSchema,
  ballotsPrintedSchema,
  decideCancellationSchema,
  decisionSchema,
  depositRefundSchema,
  electedAkimSchema,
  nominationSchema,
  proposeCancellationSchema,
  updateDocumentsSchema,
  withdrawalSchema,
} from './schemas';
import { candidateState, loadAkimState } from './queries';
import { availableActions, checkBallotsPrinted, type Actions, type CandidateAction, type CandidateState, type Refusal } from './transitions';
import type { MessageKey } from '@/lib/i18n/keys';

const invalidState = (message: MessageKey): never => {
  throw new DomainError('invalidState', { message });
};

/** The constituency (in force, of this election) with its region and its voters on the lists. */
async function constituencyOf(tx: Transaction, constituencyId: number) {
  const [row] = await tx
    .select({
      id: constituencies.id,
      electionId: constituencies.electionId,
      regionId: constituencies.regionId,
      status: constituencies.status,
      voters: sum(precincts.votersOnList),
    })
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
  assertLockVersion(candidate.lockVersion, lockVersion);
  return candidate;
}

type Candidate = typeof candidates.$inferSelect;

/** The day the constituency's results were declared official, in Kazakhstan. */
const officialDay = (at: Date | null) => (at ? todayInKazakhstan(at) : null);

const refusalError = (refusal: Refusal) =>
  new DomainError(
    refusal.code,
    refusal.code === 'forbidden' ? undefined : { message: refusal.reason, ...(refusal.values ? { messageValues: refusal.values } : {}) },
  );

type CandidateRef = { candidateId: number; lockVersion: number };

/**
 * A command on one candidate: the runner checks the candidate's region, the row is locked at the
 * version the caller read, and the transition rules (lib/candidates/transitions) must allow
 * `action` for the actor now. `run` gets the candidate, its state and what the rules allowed.
 */
function candidateCommand<S extends z.ZodType<CandidateRef>, R>(definition: {
  name: string;
  permission: Permission;
  schema: S;
  action: CandidateAction | ((input: z.infer<S>) => CandidateAction);
  /** Also work out the deposit's fate (needs the constituency's results). */
  withSettlement?: boolean;
  run: (context: CommandContext<z.infer<S>> & { candidate: Candidate; state: CandidateState; allowed: Actions[CandidateAction] }) => Promise<R>;
}) {
  return defineCommand({
    name: definition.name,
    permission: definition.permission,
    schema: definition.schema,
    regionOf: (input: z.infer<S>, tx) => candidateRegion(tx, input.candidateId),
    async run(context) {
      const candidate = await lockCandidate(context.tx, context.input.candidateId, context.input.lockVersion);
      const state = await candidateState(context.tx, candidate, { withSettlement: definition.withSettlement });
      const action = typeof definition.action === 'function' ? definition.action(context.input) : definition.action;
      const allowed = availableActions(state, context.actor)[action];
      if (!allowed.ok) throw refusalError(allowed);
      return definition.run({ ...context, candidate, state, allowed });
    },
  });
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
    // The open candidate list (candidates.json) shows nominees and their checks.
    await bumpResultsVersion(tx, input.electionId);
    await audit({
      action: 'candidates.nominate',
      entityType: 'candidate',
      entityId: created!.id,
      after: { fullName: input.fullName, constituencyId: input.constituencyId, route: input.nominationRoute, partyId: input.partyId, checks },
    });
    return { id: created!.id };
  },
});

export const updateDocuments = candidateCommand({
  name: 'candidates.updateDocuments',
  permission: 'candidate.nominate',
  schema: updateDocumentsSchema,
  action: 'updateDocuments',
  async run({ input, tx, audit, candidate }) {
    const { candidateId, lockVersion, ...documents } = input;
    const [updated] = await tx
      .update(candidates)
      .set({ ...documents, ...bump(candidate) })
      .where(eq(candidates.id, candidateId))
      .returning();
    const checks = await runAutomaticChecks(tx, updated!);
    await bumpResultsVersion(tx, candidate.electionId);
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

export const attestCheck = candidateCommand({
  name: 'candidates.attestCheck',
  permission: 'candidate.attest',
  schema: attestCheckSchema,
  action: 'attest',
  async run({ input, actor, tx, audit, candidate }) {
    const [before] = await tx
      .select()
      .from(candidateChecks)
      .where(and(eq(candidateChecks.candidateId, candidate.id), eq(candidateChecks.code, input.code)));
    await tx
      .update(candidateChecks)
      .set({ outcome: input.outcome, detail: input.note, decidedBy: actor.id, decidedAt: new Date() })
      .where(and(eq(candidateChecks.candidateId, candidate.id), eq(candidateChecks.code, input.code)));
    await tx.update(candidates).set(bump(candidate)).where(eq(candidates.id, candidate.id));
    await bumpResultsVersion(tx, candidate.electionId);
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

/**
 * Records the commission's decision on a nominee: registration (every check passed, until 18:00 on
 * the registration deadline) or refusal on a legal ground (a ground tied to a check needs that
 * check failed first). The decision's number and date are the commission's; the actor entered it.
 */
export const decide = candidateCommand({
  name: 'candidates.decide',
  permission: 'candidate.decide',
  schema: decisionSchema,
  action: (input) => input.decision,
  async run({ input, actor, tx, audit, candidate, state, allowed }) {
    if (input.decisionDate < candidate.nominatedOn || input.decisionDate > state.election.registrationDeadline || input.decisionDate > state.today)
      throw new DomainError('invalid', { fieldErrors: { decisionDate: ['candidates.errors.registrationDecisionDate'] } });
    const decided = { decidedBy: actor.id, decidedAt: new Date(), decisionNumber: input.decisionNumber, decisionDate: input.decisionDate, ...bump(candidate) };
    const decision = { number: input.decisionNumber, date: input.decisionDate };
    if (input.decision === 'refuse') {
      if (!('grounds' in allowed) || !allowed.grounds.includes(input.refusalGround))
        throw new DomainError('invalid', { fieldErrors: { refusalGround: ['candidates.errors.groundNeedsFailedCheck'] } });
      await tx
        .update(candidates)
        .set({ status: 'refused', refusalGround: input.refusalGround, decisionNote: input.explanation, ...decided })
        .where(eq(candidates.id, candidate.id));
      await bumpResultsVersion(tx, candidate.electionId);
      await audit({
        action: 'candidates.refuse',
        entityType: 'candidate',
        entityId: candidate.id,
        before: { status: candidate.status },
        after: { status: 'refused', ground: input.refusalGround, explanation: input.explanation, decision },
      });
      return { lockVersion: candidate.lockVersion + 1, ballotOrder: null };
    }
    // The constituency row lock serialises registrations, so ballot numbers never collide.
    await tx.select({ id: constituencies.id }).from(constituencies).where(eq(constituencies.id, candidate.constituencyId)).for('update');
    const [{ last }] = (await tx
      .select({ last: max(candidates.ballotOrder) })
      .from(candidates)
      .where(eq(candidates.constituencyId, candidate.constituencyId))) as [{ last: number | null }];
    const ballotOrder = (last ?? 0) + 1;
    await tx
      .update(candidates)
      .set({ status: 'registered', ballotOrder, ...decided })
      .where(eq(candidates.id, candidate.id));
    await bumpResultsVersion(tx, candidate.electionId);
    await audit({
      action: 'candidates.register',
      entityType: 'candidate',
      entityId: candidate.id,
      before: { status: candidate.status },
      after: { status: 'registered', ballotOrder, decision },
    });
    return { lockVersion: candidate.lockVersion + 1, ballotOrder };
  },
});

/**
 * Takes a registered candidate off the ballot as of `date`. Before the ballots are printed the
 * numbers below close up; once printed (on or before `date`) nothing is renumbered: the candidate
 * keeps the line, which protocols show struck.
 */
async function removeFromBallot(tx: Transaction, candidate: Candidate, date: string): Promise<{ ballotOrder: number | null; struck: boolean }> {
  if (candidate.status !== 'registered' || candidate.ballotOrder === null) return { ballotOrder: candidate.ballotOrder, struck: false };
  const [constituency] = await tx
    .select({ ballotsPrintedOn: constituencies.ballotsPrintedOn })
    .from(constituencies)
    .where(eq(constituencies.id, candidate.constituencyId))
    .for('update');
  if (constituency?.ballotsPrintedOn && constituency.ballotsPrintedOn <= date) return { ballotOrder: candidate.ballotOrder, struck: true };
  await tx.update(candidates).set({ ballotOrder: null }).where(eq(candidates.id, candidate.id));
  const below = await tx
    .select({ id: candidates.id, ballotOrder: candidates.ballotOrder })
    .from(candidates)
    .where(and(eq(candidates.constituencyId, candidate.constituencyId), gt(candidates.ballotOrder, candidate.ballotOrder)))
    .orderBy(asc(candidates.ballotOrder));
  // One line at a time, top down: each number is free when it is taken (ballot numbers are unique).
  for (const line of below)
    await tx
      .update(candidates)
      .set({ ballotOrder: line.ballotOrder! - 1 })
      .where(eq(candidates.id, line.id));
  return { ballotOrder: null, struck: false };
}

/**
 * A withdrawal by the candidate or the nominating party, until the election's cut-off (by default
 * two days before voting day); the candidate stays listed as withdrawn.
 */
export const withdraw = candidateCommand({
  name: 'candidates.withdraw',
  permission: 'candidate.withdraw',
  schema: withdrawalSchema,
  action: 'withdraw',
  async run({ input, tx, audit, candidate, state }) {
    if (input.withdrawnBy === 'party' && candidate.nominationRoute !== 'party')
      throw new DomainError('invalid', { fieldErrors: { withdrawnBy: ['candidates.errors.partyWithdrawalForSelfNominee'] } });
    if (input.withdrawnOn < candidate.nominatedOn || input.withdrawnOn > lastWithdrawalDay(state.election) || input.withdrawnOn > state.today)
      throw new DomainError('invalid', { fieldErrors: { withdrawnOn: ['candidates.errors.withdrawalDate'] } });
    const ballot = await removeFromBallot(tx, candidate, input.withdrawnOn);
    await tx
      .update(candidates)
      .set({ status: 'withdrawn', withdrawnBy: input.withdrawnBy, withdrawnOn: input.withdrawnOn, ...bump(candidate) })
      .where(eq(candidates.id, candidate.id));
    await bumpResultsVersion(tx, candidate.electionId);
    await audit({
      action: 'candidates.withdraw',
      entityType: 'candidate',
      entityId: candidate.id,
      before: { status: candidate.status, ballotOrder: candidate.ballotOrder },
      after: { status: 'withdrawn', withdrawnBy: input.withdrawnBy, withdrawnOn: input.withdrawnOn, ...ballot },
    });
    return { lockVersion: candidate.lockVersion + 1 };
  },
});

/** Proposes that the commission cancel a registration, on a legal ground with an explanation. */
export const proposeCancellation = candidateCommand({
  name: 'candidates.proposeCancellation',
  permission: 'candidate.proposeCancellation',
  schema: proposeCancellationSchema,
  action: 'proposeCancellation',
  async run({ input, actor, tx, audit, candidate }) {
    const [proposal] = await tx
      .insert(registrationCancellations)
      .values({ candidateId: candidate.id, ground: input.ground, explanation: input.explanation, proposedBy: actor.id })
      .returning({ id: registrationCancellations.id });
    await tx.update(candidates).set(bump(candidate)).where(eq(candidates.id, candidate.id));
    await audit({
      action: 'candidates.proposeCancellation',
      entityType: 'candidate',
      entityId: candidate.id,
      after: { proposalId: proposal!.id, ground: input.ground, explanation: input.explanation },
    });
    return { lockVersion: candidate.lockVersion + 1 };
  },
});

/**
 * Records the commission's decision on a cancellation proposal (four eyes: not by whoever proposed
 * it), up to the opening of the polls. A cancelled candidate stays listed, with the ground, and
 * loses the ballot line (struck on the protocol once the ballots are printed).
 */
export const decideCancellation = candidateCommand({
  name: 'candidates.decideCancellation',
  permission: 'candidate.cancel',
  schema: decideCancellationSchema,
  action: 'decideCancellation',
  async run({ input, actor, tx, audit, candidate, state }) {
    const [proposal] = await tx
      .select()
      .from(registrationCancellations)
      .where(and(eq(registrationCancellations.candidateId, candidate.id), eq(registrationCancellations.status, 'proposed')))
      .for('update');
    const decided = { decidedBy: actor.id, decidedAt: new Date() };
    if (input.decision === 'dismiss') {
      await tx
        .update(registrationCancellations)
        .set({ status: 'dismissed', dismissalReason: input.dismissalReason, ...decided })
        .where(eq(registrationCancellations.id, proposal!.id));
      await tx.update(candidates).set(bump(candidate)).where(eq(candidates.id, candidate.id));
      await audit({
        action: 'candidates.dismissCancellation',
        entityType: 'candidate',
        entityId: candidate.id,
        after: { proposalId: proposal!.id, reason: input.dismissalReason },
      });
      return { lockVersion: candidate.lockVersion + 1 };
    }
    const registeredOn = candidate.decisionDate ?? todayInKazakhstan(candidate.decidedAt ?? new Date());
    if (input.decisionDate < registeredOn || input.decisionDate > state.election.votingDay || input.decisionDate > state.today)
      throw new DomainError('invalid', { fieldErrors: { decisionDate: ['candidates.errors.cancellationDecisionDate'] } });
    await tx
      .update(registrationCancellations)
      .set({ status: 'cancelled', decisionNumber: input.decisionNumber, decisionDate: input.decisionDate, ...decided })
      .where(eq(registrationCancellations.id, proposal!.id));
    const ballot = await removeFromBallot(tx, candidate, input.decisionDate);
    await tx
      .update(candidates)
      .set({ status: 'cancelled', ...bump(candidate) })
      .where(eq(candidates.id, candidate.id));
    await bumpResultsVersion(tx, candidate.electionId);
    await audit({
      action: 'candidates.cancelRegistration',
      entityType: 'candidate',
      entityId: candidate.id,
      before: { status: candidate.status, ballotOrder: candidate.ballotOrder },
      after: { status: 'cancelled', ground: proposal!.ground, decision: { number: input.decisionNumber, date: input.decisionDate }, ...ballot },
    });
    return { lockVersion: candidate.lockVersion + 1 };
  },
});

/** Records the day a refundable deposit was paid back, once the constituency's results are official. */
export const recordDepositRefund = candidateCommand({
  name: 'candidates.recordDepositRefund',
  permission: 'candidate.settleDeposit',
  schema: depositRefundSchema,
  action: 'recordDepositRefund',
  withSettlement: true,
  async run({ input, actor, tx, audit, candidate, state }) {
    const [constituency] = await tx
      .select({ officialAt: constituencies.resultsOfficialAt })
      .from(constituencies)
      .where(eq(constituencies.id, candidate.constituencyId));
    if (input.refundedOn < (officialDay(constituency?.officialAt ?? null) ?? state.election.votingDay) || input.refundedOn > state.today)
      throw new DomainError('invalid', { fieldErrors: { refundedOn: ['candidates.errors.refundDate'] } });
    await tx
      .update(candidates)
      .set({ depositRefundedOn: input.refundedOn, depositRefundRecordedBy: actor.id, ...bump(candidate) })
      .where(eq(candidates.id, candidate.id));
    await audit({
      action: 'candidates.recordDepositRefund',
      entityType: 'candidate',
      entityId: candidate.id,
      after: { amount: candidate.depositAmount, refundedOn: input.refundedOn },
    });
    return { lockVersion: candidate.lockVersion + 1 };
  },
});

async function constituencyForUpdate(tx: Transaction, constituencyId: number) {
  const [constituency] = await tx.select().from(constituencies).where(eq(constituencies.id, constituencyId)).for('update');
  if (!constituency) throw new DomainError('notFound');
  return constituency;
}

async function constituencyRegion(tx: Transaction, constituencyId: number) {
  const [row] = await tx.select({ regionId: constituencies.regionId }).from(constituencies).where(eq(constituencies.id, constituencyId));
  if (!row) throw new DomainError('notFound');
  return row.regionId;
}

/**
 * Records the day a constituency's ballots were printed: from then on a removed candidate keeps a
 * struck line and the other numbers stay as printed. Recorded once.
 */
export const recordBallotsPrinted = defineCommand({
  name: 'candidates.recordBallotsPrinted',
  permission: 'candidate.recordBallotsPrinted',
  schema: ballotsPrintedSchema,
  regionOf: (input, tx) => constituencyRegion(tx, input.constituencyId),
  async run({ input, actor, tx, audit }) {
    const constituency = await constituencyForUpdate(tx, input.constituencyId);
    const election = await findElection(tx, constituency.electionId);
    if (!election) throw new DomainError('notFound');
    const allowed = checkBallotsPrinted({ ...constituency, election }, actor);
    if (!allowed.ok) throw refusalError(allowed);
    if (input.printedOn < election.calledOn || input.printedOn >= election.votingDay || input.printedOn > todayInKazakhstan())
      throw new DomainError('invalid', { fieldErrors: { printedOn: ['candidates.errors.ballotsPrintedDate'] } });
    await tx.update(constituencies).set({ ballotsPrintedOn: input.printedOn }).where(eq(constituencies.id, constituency.id));
    await bumpResultsVersion(tx, constituency.electionId);
    await audit({ action: 'candidates.recordBallotsPrinted', entityType: 'constituency', entityId: constituency.id, after: { printedOn: input.printedOn } });
    return { printedOn: input.printedOn };
  },
});

/**
 * Once the constituency's results are official: registers the elected akim (the winner, dated no
 * earlier than the results; after the legal term only with a reason), or records that a repeat
 * election is needed when the outcome requires it. One record per constituency.
 */
export const recordElectedAkim = defineCommand({
  name: 'candidates.recordElectedAkim',
  permission: 'candidate.registerElected',
  schema: electedAkimSchema,
  regionOf: (input, tx) => constituencyRegion(tx, input.constituencyId),
  async run({ input, actor, tx, audit }) {
    const constituency = await constituencyForUpdate(tx, input.constituencyId);
    const state = await loadAkimState(tx, constituency);
    const allowed = akimActions(state, actor)[input.decision];
    if (!allowed.ok) throw refusalError(allowed);
    const fieldErrors = akimDecisionErrors(state, input, todayInKazakhstan());
    if (Object.keys(fieldErrors).length) throw new DomainError('invalid', { fieldErrors });
    const register = input.decision === 'register';
    const late = register && input.decisionDate > state.election.akimRegistrationDeadline;
    const reason = register ? (late ? input.lateReason : null) : input.reason;
    const [record] = await tx
      .insert(akimRegistrations)
      .values({
        constituencyId: constituency.id,
        outcome: register ? 'registered' : 'repeat_election',
        candidateId: register ? input.candidateId : null,
        decisionNumber: input.decisionNumber,
        decisionDate: input.decisionDate,
        reason,
        recordedBy: actor.id,
      })
      .returning({ id: akimRegistrations.id });
    await bumpResultsVersion(tx, constituency.electionId);
    await audit({
      action: register ? 'candidates.registerElectedAkim' : 'candidates.markRepeatElection',
      entityType: 'constituency',
      entityId: constituency.id,
      after: {
        recordId: record!.id,
        candidateId: register ? input.candidateId : null,
        decision: { number: input.decisionNumber, date: input.decisionDate },
        late,
        reason,
      },
    });
    return { id: record!.id, late };
  },
});
