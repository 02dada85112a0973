import { z } from 'zod';
import { reasonField } from '@/lib/protocol-images/schemas';
import { countField, idField, requiredText } from '@/lib/validation/fields';

/** The typed figures of a protocol; voters on the list are never typed, they come from the precinct. */
export const MAX_BALLOTS = 1_000_000;
const count = countField(MAX_BALLOTS);
const blankToNull = (value: unknown) => (value === '' || value === undefined ? null : value);

export const figuresShape = {
  ballotsReceived: count,
  ballotsIssued: count,
  ballotsCast: count,
  ballotsSpoiled: count,
  ballotsUnused: count,
  ballotsInvalid: count,
  votesAgainstAll: z.preprocess(blankToNull, count.nullable()),
  /** Votes by candidate id, every registered candidate of the constituency exactly once. */
  votes: z.record(z.string().regex(/^[0-9]+$/), count),
};

export const figuresSchema = z.object(figuresShape);
export type FiguresInput = z.input<typeof figuresSchema>;
export type Figures = z.output<typeof figuresSchema>;

/** `lockVersion` 0 = the first entry of a protocol that does not exist yet. */
export const enterProtocolSchema = z.object({ precinctId: idField, lockVersion: countField(2_147_483_647), ...figuresShape });
export const resolveMismatchSchema = z.object({ protocolId: idField, lockVersion: idField, ...figuresShape });
/** Without an image of the signed paper, approval needs a written reason (lib/protocol-images). */
export const approveProtocolSchema = z.object({ protocolId: idField, lockVersion: idField, withoutImageReason: reasonField });
export const correctProtocolSchema = z.object({ protocolId: idField, lockVersion: idField, reason: requiredText(10, 2000), ...figuresShape });
/** A reviewer returns the copies under review to data entry, saying why (a wrong paper, a missing page). */
export const returnProtocolSchema = z.object({ protocolId: idField, lockVersion: idField, comment: requiredText(10, 2000) });
export const markOfficialSchema = z.object({ constituencyId: idField });
export const reopenResultsSchema = z.object({ constituencyId: idField, reason: requiredText(10, 2000) });
