import { z } from 'zod';

/** Field atoms shared by forms and commands. Messages are catalogue keys. */

const DECIMAL = /^\s*-?\d+(\.\d+)?\s*$/;

/**
 * A number typed into a form ("12") or sent as one (12). Unlike `z.coerce.number()` it never turns
 * an empty field, null, true or [] into 0 or 1: those are errors, not counts.
 */
const typedNumber = (value: unknown) => (typeof value === 'string' && DECIMAL.test(value) ? Number(value) : value);
const numberOrError = (invalid: string) =>
  z.number({ error: (issue) => (issue.input === '' || issue.input === null || issue.input === undefined ? 'errors.required' : invalid) });

/** A whole number within a range. Refinements, not `.int()`, so sibling checks (duplicates) still run. */
export function wholeNumberField({ min, max, messages }: { min: number; max: number; messages: { notWhole: string; tooSmall: string; tooLarge: string } }) {
  return z.preprocess(
    typedNumber,
    numberOrError(messages.notWhole)
      .refine((value) => Number.isInteger(value), messages.notWhole)
      .min(min, messages.tooSmall)
      .max(max, messages.tooLarge),
  );
}

/** A whole, non-negative count. */
export const countField = (max = 1_000_000_000) =>
  wholeNumberField({ min: 0, max, messages: { notWhole: 'errors.wholeNumber', tooSmall: 'errors.negative', tooLarge: 'errors.tooLarge' } });

/** An empty input means "not given". */
const blankToNull = (value: unknown) => (value === '' || value === undefined || value === null ? null : value);

export const optionalCountField = (max?: number) => z.preprocess(blankToNull, countField(max).nullable());

export const idField = wholeNumberField({
  min: 1,
  max: 2_147_483_647,
  messages: { notWhole: 'errors.required', tooSmall: 'errors.required', tooLarge: 'errors.required' },
});
export const optionalIdField = z.preprocess(blankToNull, idField.nullable());
/** A record id from a URL: a positive integer the database's integer column can hold, else null (answer 404). */
export const idFromUrl = (value: string): number | null => {
  const parsed = idField.safeParse(value);
  return /^[1-9][0-9]{0,9}$/.test(value) && parsed.success ? parsed.data : null;
};

export const isoDateField = z.iso.date('errors.date');
export const optionalIsoDateField = z.preprocess(blankToNull, isoDateField.nullable());

/** A checkbox posted as a form value or a boolean. */
export const checkboxField = z.preprocess((value) => value === true || value === 'true' || value === 'on', z.boolean());

/** Length limits the schemas use; each has its own sentence in the catalogues ("At least 10 characters."). */
export const MIN_LENGTHS = [2, 3, 5, 10] as const;
export const MAX_LENGTHS = [40, 60, 200, 254, 256, 300, 1000, 2000] as const;
export const atLeastChars = (min: (typeof MIN_LENGTHS)[number]) => `errors.minLength.n${min}`;
export const atMostChars = (max: (typeof MAX_LENGTHS)[number]) => `errors.maxLength.n${max}`;

export const requiredText = (min: 1 | (typeof MIN_LENGTHS)[number], max: (typeof MAX_LENGTHS)[number]) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? 'errors.required' : atLeastChars(min))
    .max(max, atMostChars(max));

/**
 * A cross-field check that runs even when a field failed its own check (zod skips ordinary
 * refinements then), so the user sees every error at once. The value may hold raw, unchecked
 * fields: the check must test the types it relies on.
 */
export const crossFieldCheck = (check: (value: Record<string, unknown>, context: z.RefinementCtx) => void) =>
  z.superRefine<Record<string, unknown>>(check, { when: () => true });

const PERCENT = /^\s*\d{1,3}(\.\d{1,2})?\s*$/;

/**
 * A share typed as a percentage with at most two decimals ("1", "0.5", "12.25"), stored as whole
 * basis points (1% = 100) so every stored number stays an integer.
 */
export const percentAsBasisPointsField = z.preprocess(
  (value) => (typeof value === 'number' ? String(value) : value),
  z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, 'errors.required')
    .regex(PERCENT, 'errors.percent')
    .transform((value) => Math.round(Number(value) * 100))
    .refine((basisPoints) => basisPoints <= 10_000, 'errors.percent'),
);

export const optionalPercentAsBasisPointsField = z.preprocess(blankToNull, percentAsBasisPointsField.nullable());

/** Basis points shown back as the percentage a person typed. */
export const basisPointsAsPercent = (basisPoints: number) => String(basisPoints / 100);
