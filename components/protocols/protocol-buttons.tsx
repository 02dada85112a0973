'use client';

import Link from 'next/link';
import { useState } from 'react';
import { approveProtocolAction, markResultsOfficialAction, reopenResultsAction, returnProtocolAction } from '@/lib/protocols/actions';
import { approveProtocolScanAction } from '@/lib/protocol-images/actions';
import type { Decision } from '@/lib/protocols/transitions';
import { ConfirmButton } from '../confirm-button';
import { primaryButtonClass, secondaryButtonClass, TextAreaField } from '../form-field';
import { StatusMessage } from '../status-message';
import { useCommandButton } from '../use-command-button';
import { messageKey } from '@/lib/i18n/keys';

/**
 * Approval of a protocol. Without an image of its signed paper the reviewer writes why (published
 * on the list of precincts without an image); an election may require the image instead.
 */
export function ApproveProtocolButton({
  protocolId,
  lockVersion,
  image,
}: {
  protocolId: number;
  lockVersion: number;
  image: 'attached' | 'missing' | 'required';
}) {
  const { status, busy, fieldErrors, run, t } = useCommandButton();
  const [reason, setReason] = useState('');
  const error = fieldErrors.withoutImageReason?.[0] && t(messageKey(fieldErrors.withoutImageReason[0]));
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
        <TextAreaField
          id="without-image-reason"
          label={t('protocolImages.withoutImageReason')}
          hint={t('protocolImages.withoutImageHint')}
          error={error}
          value={reason}
          onChange={setReason}
        />
      )}
      <div>
        <ConfirmButton
          disabled={busy}
          className={primaryButtonClass}
          title={t('protocols.approveConfirm.title')}
          description={t('protocols.approveConfirm.description')}
          confirmLabel={t('protocols.approveConfirm.confirm')}
          onConfirm={() =>
            run(() => approveProtocolAction({ protocolId, lockVersion, withoutImageReason: image === 'missing' ? reason : undefined }), t('protocols.approved'))
          }
        >
          {t('protocols.approve')}
        </ConfirmButton>
      </div>
      <StatusMessage status={status} />
    </div>
  );
}

/** A reviewer sends the copies back to data entry, saying why; the operators see the comment. */
export function ReturnProtocolForm({ protocolId, lockVersion }: { protocolId: number; lockVersion: number }) {
  const { status, busy, fieldErrors, run, t } = useCommandButton();
  const [comment, setComment] = useState('');
  const error = fieldErrors.comment?.[0] && t(messageKey(fieldErrors.comment[0]));
  return (
    <div className="flex flex-col gap-2 border-t border-amber-200 pt-3">
      <TextAreaField
        id="return-comment"
        label={t('protocols.returnComment')}
        hint={t('protocols.returnHint')}
        error={error}
        value={comment}
        onChange={setComment}
      />
      <div>
        <ConfirmButton
          disabled={busy}
          className={secondaryButtonClass}
          title={t('protocols.returnConfirm.title')}
          description={t('protocols.returnConfirm.description')}
          confirmLabel={t('protocols.returnConfirm.confirm')}
          onConfirm={() => run(() => returnProtocolAction({ protocolId, lockVersion, comment }), t('protocols.returned'))}
        >
          {t('protocols.return')}
        </ConfirmButton>
      </div>
      <StatusMessage status={status} />
    </div>
  );
}

/** A reviewer approves a corrected image of an approved protocol. */
export function ApproveScanButton({ precinctId, versionNo }: { precinctId: number; versionNo: number }) {
  const { status, busy, run, t } = useCommandButton();
  return (
    <div className="flex flex-col gap-2">
      <div>
        <ConfirmButton
          disabled={busy}
          className={primaryButtonClass}
          title={t('protocolImages.approveScanConfirm.title')}
          description={t('protocolImages.approveScanConfirm.description')}
          confirmLabel={t('protocolImages.approveScanConfirm.confirm')}
          onConfirm={() => run(() => approveProtocolScanAction({ precinctId, versionNo }), t('protocolImages.scanApproved'))}
        >
          {t('protocolImages.approveScan')}
        </ConfirmButton>
      </div>
      <StatusMessage status={status} />
    </div>
  );
}

/**
 * Determining the results. Shown to whoever may do it even before every precinct is approved:
 * then disabled, with what is missing, linked to the precincts still waiting.
 */
export function MarkOfficialButton({
  constituencyId,
  constituencyName,
  decision,
  pendingHref,
}: {
  constituencyId: number;
  constituencyName: string;
  decision: Decision;
  pendingHref: string;
}) {
  const { status, busy, run, t } = useCommandButton();
  return (
    <div className="flex flex-col gap-2">
      <div>
        <ConfirmButton
          disabled={busy || !decision.ok}
          className={primaryButtonClass}
          title={t('protocols.markOfficialConfirm.title', { name: constituencyName })}
          description={t('protocols.markOfficialConfirm.description')}
          confirmLabel={t('protocols.markOfficialConfirm.confirm')}
          onConfirm={() => run(() => markResultsOfficialAction({ constituencyId }), t('protocols.markedOfficial'))}
          describedBy={decision.ok ? undefined : 'mark-official-hint'}
        >
          {t('protocols.markOfficial')}
        </ConfirmButton>
      </div>
      {!decision.ok && (
        <p id="mark-official-hint" className="text-sm text-slate-700" data-testid="mark-official-hint">
          {decision.reason === 'protocols.errors.notAllApproved' ? (
            <Link href={pendingHref} className="text-brand-700 underline">
              {t(decision.reason, decision.values)}
            </Link>
          ) : (
            t(decision.reason, decision.values)
          )}
        </p>
      )}
      <StatusMessage status={status} />
    </div>
  );
}

/** Admin only: reopening official results needs a written reason, kept in the audit log. */
export function ReopenResultsForm({ constituencyId }: { constituencyId: number }) {
  const { status, busy, fieldErrors, run, t } = useCommandButton();
  const [reason, setReason] = useState('');
  const error = fieldErrors.reason?.[0] && t(messageKey(fieldErrors.reason[0]));
  return (
    <div className="flex flex-col gap-2">
      <TextAreaField id="reopen-reason" label={t('protocols.reopenReason')} error={error} value={reason} onChange={setReason} />
      <div>
        <ConfirmButton
          disabled={busy}
          className={secondaryButtonClass}
          tone="danger"
          title={t('protocols.reopenConfirm.title')}
          description={t('protocols.reopenConfirm.description')}
          confirmLabel={t('protocols.reopenConfirm.confirm')}
          onConfirm={() => run(() => reopenResultsAction({ constituencyId, reason }), t('protocols.reopened'))}
        >
          {t('protocols.reopen')}
        </ConfirmButton>
      </div>
      <StatusMessage status={status} />
    </div>
  );
}
