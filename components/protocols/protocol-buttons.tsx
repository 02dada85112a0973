'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { approveProtocolAction, markResultsOfficialAction, reopenResultsAction } from '@/app/(staff)/staff/protocols/actions';
import { approveProtocolScanAction } from '@/app/(staff)/staff/protocols/precinct/[id]/actions';
import type { ActionResult } from '@/lib/commands';
import { fieldAria, FormField, inputClass, primaryButtonClass, secondaryButtonClass } from '../form-field';
import { StatusMessage } from '../status-message';
import { messageKey } from '@/lib/i18n/keys';
import { useCommandButton } from '../use-command-button';

/** One confirmed step (approve, declare official, reopen); the reloaded page shows the new state. */
function CommandButton({ label, run, className = primaryButtonClass }: { label: string; run: () => Promise<ActionResult<unknown>>; className?: string }) {
  const command = useCommandButton();
  return (
    <div className="flex flex-col gap-2">
      <div>
        <button
          type="button"
          disabled={command.busy}
          className={className}
          onClick={() => command.run(run)}
        >
          {label}
        </button>
      </div>
      <StatusMessage status={command.status} />
    </div>
  );
}

/**
 * Approval of a protocol. Without an image of its signed paper the reviewer writes why (published
 * on the list of precincts without an image); an election may require the image instead.
 */
export function ApproveProtocolButton({ protocolId, lockVersion, image }: { protocolId: number; lockVersion: number; image: 'attached' | 'missing' | 'required' }) {
  const t = useTranslations();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  if (image === 'required') {
    return (
      <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
        {t('protocolImages.imageRequiredNote')}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      {image === 'missing' && (
        <FormField id="without-image-reason" label={t('protocolImages.withoutImageReason')} hint={t('protocolImages.withoutImageHint')} error={error}>
          <textarea {...fieldAria('without-image-reason', error, t('protocolImages.withoutImageHint'))} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} className={inputClass} />
        </FormField>
      )}
      <CommandButton
        label={t('protocols.approve')}
        run={async () => {
          const result = await approveProtocolAction({ protocolId, lockVersion, withoutImageReason: image === 'missing' ? reason : undefined });
          setError(!result.ok && result.fieldErrors?.withoutImageReason?.[0] ? t(messageKey(result.fieldErrors.withoutImageReason[0])) : undefined);
          return result;
        }}
      />
    </div>
  );
}

/** A reviewer approves a corrected image of an approved protocol. */
export function ApproveScanButton({ precinctId, versionNo }: { precinctId: number; versionNo: number }) {
  const t = useTranslations('protocolImages');
  return <CommandButton label={t('approveScan')} run={() => approveProtocolScanAction({ precinctId, versionNo })} />;
}

export function MarkOfficialButton({ constituencyId }: { constituencyId: number }) {
  const t = useTranslations('protocols');
  return <CommandButton label={t('markOfficial')} run={() => markResultsOfficialAction({ constituencyId })} />;
}

/** Admin only: reopening official results needs a written reason, kept in the audit log. */
export function ReopenResultsForm({ constituencyId }: { constituencyId: number }) {
  const t = useTranslations();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <div className="flex flex-col gap-2">
      <FormField id="reopen-reason" label={t('protocols.reopenReason')} error={error}>
        <textarea {...fieldAria('reopen-reason', error)} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} className={inputClass} />
      </FormField>
      <CommandButton
        label={t('protocols.reopen')}
        className={secondaryButtonClass}
        run={async () => {
          const result = await reopenResultsAction({ constituencyId, reason });
          setError(!result.ok && result.fieldErrors?.reason?.[0] ? t(messageKey(result.fieldErrors.reason[0])) : undefined);
          return result;
        }}
      />
    </div>
  );
}
