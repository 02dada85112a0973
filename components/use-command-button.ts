'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ActionResult } from '@/lib/commands';
import { useNotice } from './notice';
import { failureText } from './form-result';
import type { Status } from './status-message';

/** The one hook for running a command from a button or a form: busy flag, outcome line, field errors. */
export function useCommandButton() {
  const t = useTranslations();
  const router = useRouter();
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});
  const notify = useNotice();
  /** Runs the action; on success the page reloads into the record's new state and `success` is shown above it. */
  async function run(action: () => Promise<ActionResult<unknown>>, success?: string) {
    setBusy(true);
    setStatus(null);
    setFieldErrors({});
    notify(null);
    const result = await action();
    setBusy(false);
    if (!result.ok) {
      setFieldErrors(result.fieldErrors ?? {});
      return setStatus({ kind: 'error', text: failureText(t, result) });
    }
    if (success) notify(success);
    router.refresh();
  }
  return { status, busy, fieldErrors, run, t };
}
