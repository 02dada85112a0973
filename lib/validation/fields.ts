import { z } from 'zod';

/** Field atoms shared by forms and commands. Messages are catalogue keys. */

/** A whole, non-negative count typed into a form ("12" or 12). Refinements, not `.int()`, so sibling checks still run. */
export const countField = (max = 1_000_000_000) =>
  z.coerce
    .number('errors.wholeNumber')
    .refine((value) => Number.isInteger(value), 'errors.wholeNumber')
    .min(0, 'errors.negative')
    .max(max, 'errors.tooLarge');

/** An empty input means "not given". */
const blankToNull = (value: unknown) => (value === '' || value === undefined || value === null ? null : value);

export const optionalCountField = (max?: number) => z.preprocess(blankToNull, countField(max).nullable());

export const idField = z.coerce.number('errors.required').int('errors.required').positive('errors.required');
export const optionalIdField = z.preprocess(blankToNull, idField.nullable());

export const isoDateField = z.iso.date('errors.date');
export const optionalIsoDateField = z.preprocess(blankToNull, isoDateField.nullable());

/** A checkbox posted as a form value or a boolean. */
export const checkboxField = z.preprocess((value) => value === true || value === 'true' || value === 'on', z.boolean());

export const requiredText = (min: number, max: number) => z.string().trim().min(min, min <= 1 ? 'errors.required' : 'errors.tooShort').max(max, 'errors.tooLong');
