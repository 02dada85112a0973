'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ActionResult } from '@/lib/commands';
import { failureText } from './form-result';
import type { Status } from './status-message';

/** State for buttons that run one command each: busy flag, outcome line, field errors. */
export function useCommandButton() {
  const t = useTranslations();
  const router = useRouter();
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});
  /** Runs the action; on success the page reloads into the record's new state, which is the confirmation. */
  async function run(action: () => Promise<ActionResult<unknown>>) {
    setBusy(true);
    setStatus(null);
    setFieldErrors({});
    const result = await action();
    setBusy(false);
    if (!result.ok) {
      setFieldErrors(result.fieldErrors ?? {});
      return setStatus({ kind: 'error', text: failureText(t, result) });
    }
    router.refresh();
  }
  return { status, busy, fieldErrors, run, t };
}
