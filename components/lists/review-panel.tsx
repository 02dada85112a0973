'use client';

import { useState } from 'react';
import { approveRevisionAction, returnRevisionAction, startRevisionAction } from '@/lib/constituency-lists/actions';
import { ConfirmButton } from '../confirm-button';
import { primaryButtonClass, secondaryButtonClass, TextAreaField } from '../form-field';
import { StatusMessage } from '../status-message';
import { useCommandButton } from '../use-command-button';
import { messageKey } from '@/lib/i18n/keys';

/** A reviewer's decision on a submitted revision: approve, or return with a comment. */
export function ReviewPanel({ revisionId, lockVersion, needsOverride }: { revisionId: number; lockVersion: number; needsOverride: boolean }) {
  const { status, busy, fieldErrors, run, t } = useCommandButton();
  const [comment, setComment] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const commentError = fieldErrors.comment?.[0] && t(messageKey(fieldErrors.comment[0]));
  const overrideError = fieldErrors.overrideReason?.[0] && t(messageKey(fieldErrors.overrideReason[0]));
  return (
    <section aria-labelledby="review-heading" className="flex flex-col gap-4 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="review-heading" className="text-lg font-semibold">
        {t('lists.reviewTitle')}
      </h2>
      {needsOverride && (
        <TextAreaField
          id="overrideReason"
          label={t('lists.overrideReason')}
          hint={t('lists.overrideHint')}
          error={overrideError}
          value={overrideReason}
          onChange={setOverrideReason}
        />
      )}
      <div>
        <ConfirmButton
          disabled={busy}
          className={primaryButtonClass}
          title={t('lists.approveConfirm.title')}
          description={t('lists.approveConfirm.description')}
          confirmLabel={t('lists.approveConfirm.confirm')}
          onConfirm={() => run(() => approveRevisionAction({ revisionId, lockVersion, overrideReason }), t('lists.approved'))}
        >
          {t('lists.approve')}
        </ConfirmButton>
      </div>
      <TextAreaField id="returnComment" label={t('lists.returnComment')} error={commentError} value={comment} onChange={setComment} rows={3} />
      <div>
        <ConfirmButton
          disabled={busy}
          className={secondaryButtonClass}
          title={t('lists.returnConfirm.title')}
          description={t('lists.returnConfirm.description')}
          confirmLabel={t('lists.returnConfirm.confirm')}
          onConfirm={() => run(() => returnRevisionAction({ revisionId, lockVersion, comment }), t('lists.returned'))}
        >
          {t('lists.return')}
        </ConfirmButton>
      </div>
      <StatusMessage status={status} />
    </section>
  );
}

/** Opens a new draft revision from the list in force. */
export function StartRevisionButton({ electionId, regionId, label }: { electionId: number; regionId: number; label: string }) {
  const { status, busy, run } = useCommandButton();
  return (
    <div className="flex flex-col gap-2">
      <div>
        <button type="button" disabled={busy} className={primaryButtonClass} onClick={() => run(() => startRevisionAction({ electionId, regionId }))}>
          {label}
        </button>
      </div>
      <StatusMessage status={status} />
    </div>
  );
}
