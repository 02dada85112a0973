'use client';

import { useState } from 'react';
import { recordPaperCheckAction } from '@/lib/screening/actions';
import { FormField, fieldAria, inputClass, secondaryButtonClass } from '../form-field';
import { StatusMessage } from '../status-message';
import { useCommandButton } from '../use-command-button';
import { messageKey } from '@/lib/i18n/keys';

/** "Checked against the paper: correct" for the figures on screen, with an optional comment. */
export function PaperCheckForm({ precinctId, entryId }: { precinctId: number; entryId: number }) {
  const { status, busy, fieldErrors, run, t } = useCommandButton();
  const [comment, setComment] = useState('');
  const commentError = fieldErrors.comment?.[0] && t(messageKey(fieldErrors.comment[0]));
  return (
    <form
      aria-label={t('screening.checks.record')}
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        void run(() => recordPaperCheckAction({ precinctId, entryId, comment }));
      }}
    >
      <FormField id="paper-check-comment" label={t('screening.checks.comment')} hint={t('screening.checks.commentHint')} error={commentError}>
        <textarea
          {...fieldAria('paper-check-comment', commentError, 'hint')}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          rows={2}
          maxLength={1000}
          className={inputClass}
        />
      </FormField>
      <div>
        <button type="submit" disabled={busy} className={secondaryButtonClass}>
          {t('screening.checks.record')}
        </button>
      </div>
      <StatusMessage status={status} />
    </form>
  );
}
