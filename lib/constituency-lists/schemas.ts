import { z } from 'zod';
import { atLeastChars, atMostChars, crossFieldCheck, idField, wholeNumberField } from '@/lib/validation/fields';
import { MAX_PRECINCT_FILE_BYTES } from './precinct-file';

/** Field atoms of a constituency list, shared by the editor, the CSV import and the server. */
export const MAX_VOTERS_PER_PRECINCT = 100_000;

export const constituencyCodeField = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, atLeastChars(2))
  .max(60, atMostChars(60))
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lists.errors.codeFormat');
/** A typed number or code as text, for the duplicate checks; anything else is refused by its own field. */
const textOf = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

const nameField = z.string().trim().min(2, atLeastChars(2)).max(200, atMostChars(200));
export const precinctNumberField = wholeNumberField({
  min: 1,
  max: 99_999,
  messages: { notWhole: 'lists.errors.wholeNumber', tooSmall: 'lists.errors.precinctNumberRange', tooLarge: 'lists.errors.precinctNumberRange' },
});
export const votersField = wholeNumberField({
  min: 0,
  max: MAX_VOTERS_PER_PRECINCT,
  messages: { notWhole: 'lists.errors.wholeNumber', tooSmall: 'lists.errors.votersNegative', tooLarge: 'lists.errors.votersTooMany' },
});
export const addressField = z.string().trim().min(3, atLeastChars(3)).max(300, atMostChars(300));

export const precinctSchema = z.object({ number: precinctNumberField, address: addressField, votersOnList: votersField });

export const constituencySchema = z
  .object({
    code: constituencyCodeField,
    kind: z.enum(['district', 'city'], 'errors.required'),
    nameKk: nameField,
    nameRu: nameField,
    nameEn: nameField,
    precincts: z.array(precinctSchema).max(2_000),
  })
  .check(
    crossFieldCheck((constituency, context) => {
      if (!Array.isArray(constituency.precincts)) return;
      const seen = new Set<string>();
      constituency.precincts.forEach((precinct: { number?: unknown }, index) => {
        const number = textOf(precinct?.number).trim();
        if (number === '') return;
        if (seen.has(number)) context.addIssue({ code: 'custom', path: ['precincts', index, 'number'], message: 'lists.errors.duplicatePrecinct' });
        seen.add(number);
      });
    }),
  );

export const listContentSchema = z.object({ constituencies: z.array(constituencySchema).max(200) }).check(
  crossFieldCheck((content, context) => {
    if (!Array.isArray(content.constituencies)) return;
    const seen = new Set<string>();
    content.constituencies.forEach((constituency: { code?: unknown }, index) => {
      const code = textOf(constituency?.code).trim().toLowerCase();
      if (code === '') return;
      if (seen.has(code)) context.addIssue({ code: 'custom', path: ['constituencies', index, 'code'], message: 'lists.errors.duplicateCode' });
      seen.add(code);
    });
  }),
);
export type ListContent = z.infer<typeof listContentSchema>;
export type ListContentInput = z.input<typeof listContentSchema>;

const revisionRef = {
  revisionId: idField,
  /** The version the user read: a save based on an older one is refused, never merged silently. */
  lockVersion: idField,
};

export const startRevisionSchema = z.object({ electionId: idField, regionId: idField });
export const saveDraftSchema = z.object({ ...revisionRef, content: listContentSchema });
/** The uploaded file's bytes, CSV or XLSX: decoded on the server exactly as in the browser. */
export const importFileSchema = z.object({
  ...revisionRef,
  file: z.instanceof(Uint8Array, { message: 'errors.required' }).refine((bytes) => bytes.byteLength <= MAX_PRECINCT_FILE_BYTES, 'lists.errors.fileTooLarge'),
});
export const submitRevisionSchema = z.object(revisionRef);
export const returnRevisionSchema = z.object({
  ...revisionRef,
  comment: z.string().trim().min(5, 'lists.errors.commentRequired').max(2_000, atMostChars(2000)),
});
export const approveRevisionSchema = z.object({
  ...revisionRef,
  /** Only an admin may approve after nomination opened, and must say why. */
  overrideReason: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined),
    z.string().min(10, 'lists.errors.overrideReasonShort').max(2_000).optional(),
  ),
});

/** Totals the editor shows live and the queue shows per revision. */
export function listTotals(content: { constituencies: { precincts: { votersOnList: number }[] }[] }) {
  let precincts = 0;
  let voters = 0;
  for (const constituency of content.constituencies) {
    precincts += constituency.precincts.length;
    for (const precinct of constituency.precincts) voters += Number(precinct.votersOnList) || 0;
  }
  return { constituencies: content.constituencies.length, precincts, voters };
}
