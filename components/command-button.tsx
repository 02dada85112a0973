'use client';

import type { ActionResult } from '@/lib/commands';
import { secondaryButtonClass } from './form-field';
import { StatusMessage } from './status-message';
import { useCommandButton } from './use-command-button';

/** One button running one server action (its input bound on the server page), with its outcome line. */
export function CommandButton({ action, label, success }: { action: () => Promise<ActionResult<unknown>>; label: string; success: string }) {
  const { status, busy, run } = useCommandButton();
  return (
    <div className="flex flex-col items-start gap-1">
      <button type="button" disabled={busy} className={secondaryButtonClass} onClick={() => void run(action, success)}>
        {label}
      </button>
      <StatusMessage status={status} />
    </div>
  );
}
