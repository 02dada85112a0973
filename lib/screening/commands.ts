import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { constituencies, precincts, protocols, screeningChecks } from '@/db/schema';
import { defineCommand, DomainError } from '@/lib/commands';
import { requireWorkOpen } from '@/lib/elections/queries';
import { bumpResultsVersion } from '@/lib/results/version';
import { checkableEntries } from './queries';
import { recordPaperCheckSchema } from './schemas';

async function precinctPlace(tx: Transaction, precinctId: number) {
  const [row] = await tx
    .select({ regionId: constituencies.regionId, electionId: constituencies.electionId })
    .from(precincts)
    .innerJoin(constituencies, eq(constituencies.id, precincts.constituencyId))
    .where(eq(precincts.id, precinctId));
  if (!row) throw new DomainError('notFound');
  return row;
}

/**
 * A reviewer answers screening flags: the figures were checked against the signed paper and are
 * correct. Flags never block approval; this only records the answer (published with the flags).
 * The figures must still be the ones under review or approved: if a correction replaced them
 * meanwhile, the reviewer is told to reload.
 */
export const recordPaperCheck = defineCommand({
  name: 'screening.recordPaperCheck',
  permission: 'screening.check',
  schema: recordPaperCheckSchema,
  regionOf: async (input, tx) => (await precinctPlace(tx, input.precinctId)).regionId,
  async run({ input, actor, tx, audit }) {
    const { electionId } = await precinctPlace(tx, input.precinctId);
    // Share-locks the protocol: a correction (which locks it for update) waits, so the figures cannot change under the check.
    const [protocol] = await tx.select({ id: protocols.id }).from(protocols).where(eq(protocols.precinctId, input.precinctId)).for('share');
    if (!protocol) throw new DomainError('notFound');
    await requireWorkOpen(tx, electionId, 'screeningCheck');
    const entries = await checkableEntries(tx, input.precinctId);
    if (input.entryId !== entries?.underReviewEntryId && input.entryId !== entries?.approvedEntryId) {
      throw new DomainError('conflict', { message: 'screening.errors.figuresChanged' });
    }
    const [existing] = await tx.select({ id: screeningChecks.id }).from(screeningChecks).where(eq(screeningChecks.entryId, input.entryId));
    if (existing) throw new DomainError('invalidState', { message: 'screening.errors.alreadyChecked' });
    const [check] = await tx
      .insert(screeningChecks)
      .values({ precinctId: input.precinctId, entryId: input.entryId, comment: input.comment, checkedBy: actor.id })
      .returning();
    await bumpResultsVersion(tx, electionId, 'figures');
    await audit({
      action: 'screening.recordPaperCheck',
      entityType: 'protocol',
      entityId: protocol.id,
      after: { precinctId: input.precinctId, entryId: input.entryId, comment: input.comment },
    });
    return { id: check!.id };
  },
});
