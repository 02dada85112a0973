import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ActionResult } from '@/lib/commands';
import { withCalendarDays } from '@/lib/i18n/formats';
import type { MessageKey } from '@/lib/i18n/keys';

type Translate = (key: MessageKey, values?: Record<string, string | Date>) => string;

/** The sentence that tells the user why a command failed, with its details filled in. */
export function failureText(t: Translate, result: Extract<ActionResult<unknown>, { ok: false }>): string {
  return t(result.message ?? `errors.${result.error}`, withCalendarDays(result.messageValues));
}

/** Puts a failed command's field errors on the form's fields; returns the form-level error text. */
export function applyActionErrors<T extends FieldValues>(result: ActionResult<unknown>, setError: UseFormSetError<T>, t: Translate): string | null {
  if (result.ok) return null;
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    if (messages?.[0]) setError(field as Path<T>, { message: messages[0] });
  }
  return failureText(t, result);
}
