import { z } from 'zod';
import { atMostChars, idField } from '@/lib/validation/fields';

/** "Checked against the paper: correct" for the typed figures `entryId` of a precinct's protocol, with an optional comment. */
export const recordPaperCheckSchema = z.object({
  precinctId: idField,
  entryId: idField,
  comment: z.string().trim().max(1000, atMostChars(1000)).default(''),
});
export type RecordPaperCheckInput = z.input<typeof recordPaperCheckSchema>;
