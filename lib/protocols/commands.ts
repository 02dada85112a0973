import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { isUniqueViolation } from '@/db/errors';
import { candidates, constituencies, elections, precincts, protocolEntries, protocolEntryVotes, protocols, protocolVersions } from '@/db/schema';
import { assertLockVersion, defineCommand, DomainError, type FieldErrors } from '@/lib/commands';
import { precinctRegion } from '@/lib/constituency-lists/queries';
import { findElection } from '@/lib/elections/queries';
import { reviewImageWithProtocol } from '@/lib/protocol-images/commands';
import { bumpResultsVersion } from '@/lib/results/version';
import {
  checkControlRelations,
  differingFields,
  LINE_KEYS,
  protocolDefinition,
  protocolSchema,
  relationMessage,
  SIGNATURE_KEYS,
  signedAtToDate,
  toProtocolFigures,
  type Figures,
  type ProtocolFigures,
} from './definition';
import { figuresOf } from './entries';
import {
  approveProtocolSchema,
  correctProtocolSchema,
  enterProtocolSchema,
  markOfficialSchema,
  reopenResultsSchema,
  resolveMismatchSchema,
  returnProtocolSchema,
} from './schemas';
import { availableActions, resultsActions, type ProtocolAction, type Refusal, type Viewer } from './transitions';

type Entry = typeof protocolEntries.$inferSelect;
type Protocol = typeof protocols.$inferSelect;

/**
 * The precinct with what a command needs: its constituency (locked for share, so results cannot be
 * declared official while a protocol is being written), its election and the candidates.
 */
async function precinctContext(tx: Transaction, precinctId: number) {
  const [row] = await tx
    .select({
      precinct: precincts,
      constituency: constituencies,
      againstAllOnBallot: elections.againstAllOnBallot,
      electionKind: elections.kind,
      votingDay: elections.votingDay,
    })
    .from(precincts)
    .innerJoin(constituencies, eq(constituencies.id, precincts.constituencyId))
    .innerJoin(elections, eq(elections.id, constituencies.electionId))
    .where(eq(precincts.id, precinctId));
  if (!row) throw new DomainError('notFound');
  await tx.select({ id: constituencies.id }).from(constituencies).where(eq(constituencies.id, row.constituency.id)).for('share');
  const election = await findElection(tx, row.constituency.electionId);
  if (!election) throw new DomainError('notFound');
  const registered = await tx
    .select({ id: candidates.id })
    .from(candidates)
    .where(and(eq(candidates.constituencyId, row.constituency.id), eq(candidates.status, 'registered')))
    .orderBy(asc(candidates.ballotOrder));
  return { ...row, election, candidateIds: registered.map((c) => c.id) };
}

const refusalError = (refusal: Refusal) =>
  new DomainError(
    refusal.code,
    refusal.code === 'forbidden' ? undefined : { message: refusal.reason, ...(refusal.values ? { messageValues: refusal.values } : {}) },
  );

/** Refuses `action` unless lib/protocols/transitions.ts allows it to `actor` on this protocol now. */
function requireAllowed(action: ProtocolAction, context: Context, protocol: Protocol | undefined, copies: (Entry | undefined)[], actor: Viewer) {
  const state = {
    regionId: context.constituency.regionId,
    status: protocol?.status ?? ('missing' as const),
    typedBy: copies.flatMap((entry) => (entry ? [entry.enteredBy] : [])),
    resultsStatus: context.constituency.resultsStatus,
    election: context.election,
  };
  const decision = availableActions(state, actor)[action];
  if (!decision.ok) throw refusalError(decision);
}

type Context = Awaited<ReturnType<typeof precinctContext>>;

/**
 * The typed figures as a full protocol, checked by the schema derived from the election's protocol
 * definition (lines, signatures, time of signing, control relations) and against the ballot.
 */
function checkedFigures(input: Figures, context: Context): ProtocolFigures {
  const definition = protocolDefinition(context.electionKind);
  const parsed = protocolSchema(definition, { votingDay: context.votingDay }).safeParse(input);
  if (!parsed.success) {
    const relationIssues = new Set(definition.relations.map((r) => relationMessage(r.id)));
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      if (relationIssues.has(issue.message)) continue;
      const field = String(issue.path[0]);
      fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
    }
    if (Object.keys(fieldErrors).length) throw new DomainError('invalid', { fieldErrors });
    const violations = checkControlRelations(toProtocolFigures(input), definition);
    throw new DomainError('invalid', { message: 'protocols.errors.relations', relationErrors: violations });
  }
  const figures = toProtocolFigures(parsed.data);
  const typed = Object.keys(figures.votes)
    .map(Number)
    .sort((a, b) => a - b);
  const expected = [...context.candidateIds].sort((a, b) => a - b);
  if (typed.length !== expected.length || typed.some((id, index) => id !== expected[index])) {
    throw new DomainError('invalid', { message: 'protocols.errors.candidatesChanged' });
  }
  if (context.againstAllOnBallot !== (figures.votesAgainstAll !== null)) {
    throw new DomainError('invalid', { fieldErrors: { votesAgainstAll: [context.againstAllOnBallot ? 'errors.required' : 'protocols.errors.noAgainstAll'] } });
  }
  return figures;
}

async function insertEntry(tx: Transaction, versionId: number, kind: Entry['kind'], enteredBy: number, figures: ProtocolFigures, votersOnList: number) {
  const { votes, signatures, votesAgainstAll } = figures;
  const lines = Object.fromEntries(LINE_KEYS.map((key) => [key, figures[key]])) as Pick<ProtocolFigures, (typeof LINE_KEYS)[number]>;
  const [entry] = await tx
    .insert(protocolEntries)
    .values({
      versionId,
      kind,
      enteredBy,
      votersOnList,
      ...lines,
      votesAgainstAll,
      ...signatures,
      signedAt: signatures ? signedAtToDate(signatures.signedAt) : null,
    })
    .returning();
  const rows = Object.entries(votes).map(([candidateId, count]) => ({ entryId: entry!.id, candidateId: Number(candidateId), votes: count }));
  if (rows.length) await tx.insert(protocolEntryVotes).values(rows);
  return entry!;
}

async function loadFigures(tx: Transaction, entries: Entry[]): Promise<Map<number, ProtocolFigures>> {
  const votes = entries.length
    ? await tx
        .select()
        .from(protocolEntryVotes)
        .where(
          inArray(
            protocolEntryVotes.entryId,
            entries.map((e) => e.id),
          ),
        )
    : [];
  return new Map(entries.map((entry) => [entry.id, figuresOf(entry, votes)]));
}

/** The protocol locked for this transaction, its current version and that version's entries. */
async function lockProtocol(tx: Transaction, protocolId: number, lockVersion: number) {
  const [protocol] = await tx.select().from(protocols).where(eq(protocols.id, protocolId)).for('update');
  if (!protocol) throw new DomainError('notFound');
  assertLockVersion(protocol.lockVersion, lockVersion);
  return { protocol, ...(await currentVersion(tx, protocol)) };
}

async function currentVersion(tx: Transaction, protocol: Protocol) {
  const [version] = await tx
    .select()
    .from(protocolVersions)
    .where(and(eq(protocolVersions.protocolId, protocol.id), eq(protocolVersions.versionNo, protocol.currentVersionNo)));
  const entries = await tx.select().from(protocolEntries).where(eq(protocolEntries.versionId, version!.id));
  const byKind = (kind: Entry['kind']) => entries.find((e) => e.kind === kind);
  return { version: version!, first: byKind('first'), second: byKind('second'), resolution: byKind('resolution') };
}

async function protocolRegion(tx: Transaction, protocolId: number) {
  const [row] = await tx
    .select({ regionId: constituencies.regionId })
    .from(protocols)
    .innerJoin(precincts, eq(precincts.id, protocols.precinctId))
    .innerJoin(constituencies, eq(constituencies.id, precincts.constituencyId))
    .where(eq(protocols.id, protocolId));
  if (!row) throw new DomainError('notFound');
  return row.regionId;
}

const touched = (protocol: { lockVersion: number }) => ({ lockVersion: protocol.lockVersion + 1, updatedAt: new Date() });

/**
 * Blind double entry: the first operator's copy opens the protocol; a different operator types
 * the second copy without seeing the first. Equal copies go to review, different ones to a
 * reviewer as a mismatch.
 */
export const enterProtocol = defineCommand({
  name: 'protocols.enter',
  permission: 'protocol.enter',
  schema: enterProtocolSchema,
  regionOf: (input, tx) => precinctRegion(tx, input.precinctId),
  async run({ input, actor, tx, audit }) {
    const context = await precinctContext(tx, input.precinctId);
    const [existing] = await tx.select().from(protocols).where(eq(protocols.precinctId, input.precinctId)).for('update');
    assertLockVersion(existing?.lockVersion ?? 0, input.lockVersion);
    const current = existing ? await currentVersion(tx, existing) : undefined;
    requireAllowed('enter', context, existing, [current?.first, current?.second], actor);
    const figures = checkedFigures(input, context);
    if (!existing) {
      let protocol: Protocol | undefined;
      try {
        [protocol] = await tx.insert(protocols).values({ precinctId: input.precinctId, status: 'entered_once' }).returning();
      } catch (error) {
        // Someone else opened this protocol a moment ago.
        if (isUniqueViolation(error)) throw new DomainError('conflict', { message: 'errors.staleEdit' });
        throw error;
      }
      const [version] = await tx.insert(protocolVersions).values({ protocolId: protocol!.id, versionNo: 1, createdBy: actor.id }).returning();
      await insertEntry(tx, version!.id, 'first', actor.id, figures, context.precinct.votersOnList);
      await audit({
        action: 'protocols.enterFirst',
        entityType: 'protocol',
        entityId: protocol!.id,
        after: { precinctId: input.precinctId, version: 1, figures },
      });
      return { protocolId: protocol!.id, status: 'entered_once' as const, lockVersion: protocol!.lockVersion };
    }
    const { version, first } = current!;
    if (existing.status === 'returned') {
      // The first copy of the version a reviewer returned to data entry.
      await insertEntry(tx, version.id, 'first', actor.id, figures, context.precinct.votersOnList);
      await tx
        .update(protocols)
        .set({ status: 'entered_once', ...touched(existing) })
        .where(eq(protocols.id, existing.id));
      await audit({
        action: 'protocols.enterFirst',
        entityType: 'protocol',
        entityId: existing.id,
        before: { status: existing.status },
        after: { status: 'entered_once', version: version.versionNo, figures },
      });
      return { protocolId: existing.id, status: 'entered_once' as const, lockVersion: existing.lockVersion + 1 };
    }
    await insertEntry(tx, version.id, 'second', actor.id, figures, context.precinct.votersOnList);
    const firstFigures = (await loadFigures(tx, [first!])).get(first!.id)!;
    const differences = differingFields(firstFigures, figures);
    const status = differences.length ? ('mismatch' as const) : ('awaiting_review' as const);
    await tx
      .update(protocols)
      .set({ status, ...touched(existing) })
      .where(eq(protocols.id, existing.id));
    await audit({
      action: 'protocols.enterSecond',
      entityType: 'protocol',
      entityId: existing.id,
      before: { status: existing.status },
      after: { status, version: version.versionNo, figures, differences },
    });
    return { protocolId: existing.id, status, lockVersion: existing.lockVersion + 1 };
  },
});

/** The reviewer settles each differing field from the signed paper; agreed fields cannot change. */
export const resolveMismatch = defineCommand({
  name: 'protocols.resolve',
  permission: 'protocol.resolve',
  schema: resolveMismatchSchema,
  regionOf: (input, tx) => protocolRegion(tx, input.protocolId),
  async run({ input, actor, tx, audit }) {
    const { protocol, version, first, second } = await lockProtocol(tx, input.protocolId, input.lockVersion);
    const context = await precinctContext(tx, protocol.precinctId);
    requireAllowed('resolve', context, protocol, [first, second], actor);
    const figures = checkedFigures(input, context);
    const copies = await loadFigures(tx, [first!, second!]);
    const disputed = new Set(differingFields(copies.get(first!.id)!, copies.get(second!.id)!));
    // Copies converted from the earlier form have no signatures: the reviewer types them from the paper.
    if (!copies.get(first!.id)!.signatures) for (const key of SIGNATURE_KEYS) disputed.add(key);
    const changedAgreed = differingFields(copies.get(first!.id)!, figures).filter((field) => !disputed.has(field));
    if (changedAgreed.length) {
      throw new DomainError('invalid', {
        message: 'protocols.errors.agreedFieldChanged',
        fieldErrors: Object.fromEntries(changedAgreed.map((f) => [f, ['protocols.errors.agreedFieldChanged']])),
      });
    }
    await insertEntry(tx, version.id, 'resolution', actor.id, figures, context.precinct.votersOnList);
    await tx
      .update(protocols)
      .set({ status: 'awaiting_review', ...touched(protocol) })
      .where(eq(protocols.id, protocol.id));
    await audit({
      action: 'protocols.resolve',
      entityType: 'protocol',
      entityId: protocol.id,
      before: { status: protocol.status },
      after: { status: 'awaiting_review', resolved: [...disputed], figures },
    });
    return { lockVersion: protocol.lockVersion + 1 };
  },
});

/** A reviewer who typed neither copy approves: from now on these figures count in results. */
export const approveProtocol = defineCommand({
  name: 'protocols.approve',
  permission: 'protocol.approve',
  schema: approveProtocolSchema,
  regionOf: (input, tx) => protocolRegion(tx, input.protocolId),
  async run({ input, actor, tx, audit }) {
    const { protocol, version, first, second, resolution } = await lockProtocol(tx, input.protocolId, input.lockVersion);
    const context = await precinctContext(tx, protocol.precinctId);
    requireAllowed('approve', context, protocol, [first, second], actor);
    const { constituency } = context;
    const approved = resolution ?? first!;
    const image = await reviewImageWithProtocol(tx, {
      precinctId: protocol.precinctId,
      electionId: constituency.electionId,
      actorId: actor.id,
      withoutImageReason: input.withoutImageReason,
    });
    await bumpResultsVersion(tx, constituency.electionId, 'figures');
    await tx
      .update(protocolVersions)
      .set({ approvedBy: actor.id, approvedAt: new Date(), approvedWithoutImageReason: image.withoutImageReason })
      .where(eq(protocolVersions.id, version.id));
    await tx
      .update(protocols)
      .set({ status: 'approved', approvedEntryId: approved.id, ...touched(protocol) })
      .where(eq(protocols.id, protocol.id));
    await audit({
      action: 'protocols.approve',
      entityType: 'protocol',
      entityId: protocol.id,
      before: { status: protocol.status, approvedEntryId: protocol.approvedEntryId },
      after: { status: 'approved', version: version.versionNo, approvedEntryId: approved.id, ...image },
    });
    return { lockVersion: protocol.lockVersion + 1 };
  },
});

/**
 * A correction after approval: a new version with its reason and its first copy. The approved
 * figures keep counting until the corrected version is entered twice and approved.
 */
export const correctProtocol = defineCommand({
  name: 'protocols.correct',
  permission: 'protocol.correct',
  schema: correctProtocolSchema,
  regionOf: (input, tx) => protocolRegion(tx, input.protocolId),
  async run({ input, actor, tx, audit }) {
    const { protocol, first, second } = await lockProtocol(tx, input.protocolId, input.lockVersion);
    const context = await precinctContext(tx, protocol.precinctId);
    requireAllowed('correct', context, protocol, [first, second], actor);
    const figures = checkedFigures(input, context);
    const versionNo = protocol.currentVersionNo + 1;
    const [version] = await tx
      .insert(protocolVersions)
      .values({ protocolId: protocol.id, versionNo, correctionReason: input.reason, createdBy: actor.id })
      .returning();
    await insertEntry(tx, version!.id, 'first', actor.id, figures, context.precinct.votersOnList);
    await tx
      .update(protocols)
      .set({ status: 'entered_once', currentVersionNo: versionNo, ...touched(protocol) })
      .where(eq(protocols.id, protocol.id));
    await audit({
      action: 'protocols.correct',
      entityType: 'protocol',
      entityId: protocol.id,
      before: { version: protocol.currentVersionNo },
      after: { version: versionNo, reason: input.reason, figures },
    });
    return { lockVersion: protocol.lockVersion + 1 };
  },
});

/**
 * A reviewer sets the current copies aside (a wrong paper, a missing page) and sends the protocol
 * back to data entry with a comment the operators see: a new version, typed twice again. The
 * copies stay in the history; approved figures of an earlier version keep counting.
 */
export const returnProtocol = defineCommand({
  name: 'protocols.return',
  permission: 'protocol.return',
  schema: returnProtocolSchema,
  regionOf: (input, tx) => protocolRegion(tx, input.protocolId),
  async run({ input, actor, tx, audit }) {
    const { protocol, version, first, second } = await lockProtocol(tx, input.protocolId, input.lockVersion);
    const context = await precinctContext(tx, protocol.precinctId);
    requireAllowed('return', context, protocol, [first, second], actor);
    const versionNo = protocol.currentVersionNo + 1;
    // A returned correction stays a correction: its reason carries over to the version typed again.
    await tx
      .insert(protocolVersions)
      .values({ protocolId: protocol.id, versionNo, correctionReason: version.correctionReason, returnComment: input.comment, createdBy: actor.id });
    await tx
      .update(protocols)
      .set({ status: 'returned', currentVersionNo: versionNo, ...touched(protocol) })
      .where(eq(protocols.id, protocol.id));
    await audit({
      action: 'protocols.return',
      entityType: 'protocol',
      entityId: protocol.id,
      before: { status: protocol.status, version: version.versionNo },
      after: { status: 'returned', version: versionNo, comment: input.comment },
    });
    return { lockVersion: protocol.lockVersion + 1 };
  },
});

async function constituencyForUpdate(tx: Transaction, constituencyId: number) {
  const [constituency] = await tx.select().from(constituencies).where(eq(constituencies.id, constituencyId)).for('update');
  if (!constituency) throw new DomainError('notFound');
  return constituency;
}

const constituencyRegion = async (constituencyId: number, tx: Transaction) => {
  const [row] = await tx.select({ regionId: constituencies.regionId }).from(constituencies).where(eq(constituencies.id, constituencyId));
  if (!row) throw new DomainError('notFound');
  return row.regionId;
};

/** What lib/protocols/transitions.ts needs to decide on a constituency's results, read inside the transaction. */
async function resultsState(tx: Transaction, constituency: typeof constituencies.$inferSelect) {
  const election = await findElection(tx, constituency.electionId);
  if (!election) throw new DomainError('notFound');
  const rows = await tx
    .select({ status: protocols.status })
    .from(precincts)
    .leftJoin(protocols, eq(protocols.precinctId, precincts.id))
    .where(eq(precincts.constituencyId, constituency.id));
  return {
    regionId: constituency.regionId,
    resultsStatus: constituency.resultsStatus,
    precincts: rows.length,
    approved: rows.filter((row) => row.status === 'approved').length,
    election,
  };
}

/** Every precinct approved (no correction pending): the results become official and locked. */
export const markResultsOfficial = defineCommand({
  name: 'results.markOfficial',
  permission: 'results.markOfficial',
  schema: markOfficialSchema,
  regionOf: (input, tx) => constituencyRegion(input.constituencyId, tx),
  async run({ input, actor, tx, audit }) {
    const constituency = await constituencyForUpdate(tx, input.constituencyId);
    const state = await resultsState(tx, constituency);
    const decision = resultsActions(state, actor).markOfficial;
    if (!decision.ok) throw refusalError(decision);
    await tx
      .update(constituencies)
      .set({ resultsStatus: 'official', resultsOfficialAt: new Date(), resultsOfficialBy: actor.id })
      .where(eq(constituencies.id, constituency.id));
    await bumpResultsVersion(tx, constituency.electionId, { constituencyId: constituency.id });
    await audit({
      action: 'results.markOfficial',
      entityType: 'constituency',
      entityId: constituency.id,
      before: { resultsStatus: 'counting' },
      after: { resultsStatus: 'official', precincts: state.precincts },
    });
    return null;
  },
});

/** Only an administrator reopens official results, with a written reason. */
export const reopenResults = defineCommand({
  name: 'results.reopen',
  permission: 'results.reopen',
  schema: reopenResultsSchema,
  regionOf: (input, tx) => constituencyRegion(input.constituencyId, tx),
  async run({ input, actor, tx, audit }) {
    const constituency = await constituencyForUpdate(tx, input.constituencyId);
    const decision = resultsActions(await resultsState(tx, constituency), actor).reopen;
    if (!decision.ok) throw refusalError(decision);
    await tx
      .update(constituencies)
      .set({ resultsStatus: 'counting', resultsOfficialAt: null, resultsOfficialBy: null })
      .where(eq(constituencies.id, constituency.id));
    await bumpResultsVersion(tx, constituency.electionId, { constituencyId: constituency.id });
    await audit({
      action: 'results.reopen',
      entityType: 'constituency',
      entityId: constituency.id,
      before: { resultsStatus: 'official' },
      after: { resultsStatus: 'counting', reason: input.reason },
    });
    return null;
  },
});
