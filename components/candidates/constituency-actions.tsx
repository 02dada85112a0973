'use client';

import { recordBallotsPrintedAction, recordElectedAkimAction } from '@/app/(staff)/staff/candidates/actions';
import { fieldAria, FormField, inputClass, primaryButtonClass, secondaryButtonClass } from '../form-field';
import { StatusMessage } from '../status-message';
import { CommissionDecisionFields, useCandidateForm } from './candidate-actions';

/** Records the day the constituency's ballots were printed (once). */
export function BallotsPrintedForm({ constituencyId, today }: { constituencyId: number; today: string }) {
  const { t, status, busy, onSubmit, error } = useCandidateForm(recordBallotsPrintedAction, { constituencyId });
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" aria-label={t('candidates.constituencySheet.printedLabel')}>
      <FormField id="printedOn" label={t('candidates.constituencySheet.printedOn')} error={error('printedOn')} hint={t('candidates.constituencySheet.printedHint')}>
        <input name="printedOn" type="date" defaultValue={today} max={today} {...fieldAria('printedOn', error('printedOn'), 'hint')} className={inputClass} />
      </FormField>
      <div className="flex items-end">
        <button type="submit" disabled={busy} className={secondaryButtonClass}>
          {t('candidates.constituencySheet.recordPrinted')}
        </button>
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
  const { t, status, busy, onSubmit, error } = useCandidateForm(recordElectedAkimAction, fixed);
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" aria-label={t('candidates.akim.formLabel')}>
      <CommissionDecisionFields prefix="akim" error={error} />
      {winner && (
        <>
          <FormField id="lateReason" label={t('candidates.akim.lateReason')} error={error('lateReason') ?? error('candidateId')} hint={t('candidates.akim.lateReasonHint', { date: deadline })}>
            <textarea name="lateReason" rows={2} {...fieldAria('lateReason', error('lateReason'), 'hint')} className={inputClass} />
          </FormField>
          <div>
            <button type="submit" name="decision" value="register" disabled={busy} className={primaryButtonClass}>
              {t('candidates.akim.register', { name: winner.name })}
            </button>
          </div>
        </>
      )}
      {repeatElection && (
        <>
          <FormField id="repeatReason" label={t('candidates.akim.repeatReason')} error={error('reason')}>
            <textarea name="reason" rows={2} {...fieldAria('repeatReason', error('reason'))} className={inputClass} />
          </FormField>
          <div>
            <button type="submit" name="decision" value="repeatElection" disabled={busy} className={primaryButtonClass}>
              {t('candidates.akim.repeat')}
            </button>
          </div>
        </>
      )}
      <StatusMessage status={status} />
    </form>
  );
}
