'use client';

import { recordBallotsPrintedAction, recordElectedAkimAction } from '@/lib/candidates/actions';
import { ConfirmSubmit } from '../confirm-button';
import { fieldAria, FormField, inputClass, primaryButtonClass, secondaryButtonClass } from '../form-field';
import { StatusMessage } from '../status-message';
import { CommissionDecisionFields, useCandidateForm } from './candidate-actions';

/** Records the day the constituency's ballots were printed (once). */
export function BallotsPrintedForm({ constituencyId, today }: { constituencyId: number; today: string }) {
  const { t, status, busy, onSubmit, error } = useCandidateForm(recordBallotsPrintedAction, { constituencyId }, 'candidates.done.printed');
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" aria-label={t('candidates.constituencySheet.printedLabel')}>
      <FormField
        id="printedOn"
        label={t('candidates.constituencySheet.printedOn')}
        error={error('printedOn')}
        hint={t('candidates.constituencySheet.printedHint')}
      >
        <input name="printedOn" type="date" defaultValue={today} max={today} {...fieldAria('printedOn', error('printedOn'), 'hint')} className={inputClass} />
      </FormField>
      <div className="flex items-end">
        <ConfirmSubmit
          disabled={busy}
          className={secondaryButtonClass}
          title={t('candidates.confirm.printed.title')}
          description={t('candidates.confirm.printed.description')}
          confirmLabel={t('candidates.confirm.printed.confirm')}
        >
          {t('candidates.constituencySheet.recordPrinted')}
        </ConfirmSubmit>
      </div>
      <StatusMessage status={status} className="sm:col-span-2" />
    </form>
  );
}

/**
 * Records the commission's decision after official results: the elected akim registered (a late
 * registration needs the reason), or a repeat election when the outcome requires it.
 */
export function ElectedAkimForm({
  constituencyId,
  winner,
  repeatElection,
  deadline,
}: {
  constituencyId: number;
  winner: { id: number; name: string } | null;
  repeatElection: boolean;
  deadline: string;
}) {
  const fixed = { constituencyId, ...(winner ? { candidateId: winner.id } : {}) };
  const { t, status, busy, onSubmit, error } = useCandidateForm(recordElectedAkimAction, fixed, (values) =>
    values.decision === 'repeatElection' ? 'candidates.done.repeat' : 'candidates.done.akim',
  );
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" aria-label={t('candidates.akim.formLabel')}>
      <CommissionDecisionFields prefix="akim" error={error} />
      {winner && (
        <>
          <FormField
            id="lateReason"
            label={t('candidates.akim.lateReason')}
            error={error('lateReason') ?? error('candidateId')}
            hint={t('candidates.akim.lateReasonHint', { date: deadline })}
          >
            <textarea name="lateReason" rows={2} {...fieldAria('lateReason', error('lateReason'), 'hint')} className={inputClass} />
          </FormField>
          <div>
            <ConfirmSubmit
              name="decision"
              value="register"
              disabled={busy}
              className={primaryButtonClass}
              title={t('candidates.confirm.akim.title', { name: winner.name })}
              description={t('candidates.confirm.akim.description')}
              confirmLabel={t('candidates.confirm.akim.confirm')}
            >
              {t('candidates.akim.register', { name: winner.name })}
            </ConfirmSubmit>
          </div>
        </>
      )}
      {repeatElection && (
        <>
          <FormField id="repeatReason" label={t('candidates.akim.repeatReason')} error={error('reason')}>
            <textarea name="reason" rows={2} {...fieldAria('repeatReason', error('reason'))} className={inputClass} />
          </FormField>
          <div>
            <ConfirmSubmit
              name="decision"
              value="repeatElection"
              disabled={busy}
              className={primaryButtonClass}
              title={t('candidates.confirm.repeat.title')}
              description={t('candidates.confirm.repeat.description')}
              confirmLabel={t('candidates.confirm.repeat.confirm')}
            >
              {t('candidates.akim.repeat')}
            </ConfirmSubmit>
          </div>
        </>
      )}
      <StatusMessage status={status} />
    </form>
  );
}
