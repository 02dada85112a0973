'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import {
  attestCheckAction,
  decideAction,
  decideCancellationAction,
  proposeCancellationAction,
  recordDepositRefundAction,
  updateDocumentsAction,
  withdrawAction,
} from '@/lib/candidates/actions';
import { CANCELLATION_GROUNDS, type RefusalGround } from '@/lib/candidates/eligibility';
import type { ActionResult } from '@/lib/commands';
import { ConfirmSubmit } from '../confirm-button';
import { fieldAria, FormField, inputClass, primaryButtonClass, secondaryButtonClass } from '../form-field';
import { StatusMessage } from '../status-message';
import { messageKey } from '@/lib/i18n/keys';
import { useCommandButton } from '../use-command-button';
import type { MessageKey } from '@/lib/i18n/keys';

/**
 * Sends a form's values to an action; on success the page reloads into the candidate's new state
 * and `success` (a message key, or one chosen from the values sent) is shown above it; on failure
 * the errors are shown at their fields.
 */
export function useCandidateForm(
  action: (input: Record<string, unknown>) => Promise<ActionResult<unknown>>,
  fixed: Record<string, unknown>,
  success: MessageKey | ((values: Record<string, unknown>) => MessageKey),
) {
  const { t, status, busy, fieldErrors, run } = useCommandButton();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The pressed button's name/value (e.g. outcome=passed) is part of the values.
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const values = Object.fromEntries(new FormData(event.currentTarget, submitter).entries());
    await run(() => action({ ...values, ...fixed }), t(typeof success === 'function' ? success(values) : success));
  }
  const error = (name: string) => {
    const first = fieldErrors[name]?.[0];
    return first ? t(messageKey(first)) : undefined;
  };
  return { t, status, busy, onSubmit, error };
}

type Ref = { candidateId: number; lockVersion: number };

/** A reviewer marks one attested check as passed or failed, with a note. */
export function AttestForm({ candidateRef, code, label }: { candidateRef: Ref; code: string; label: string }) {
  const { t, status, busy, onSubmit, error } = useCandidateForm(
    attestCheckAction,
    { ...candidateRef, code },
    (values) => `candidates.done.attest.${values.outcome === 'failed' ? 'failed' : 'passed'}`,
  );
  const id = `attest-${code}`;
  return (
    <form onSubmit={onSubmit} className="mt-2 flex flex-col gap-2 rounded-md bg-slate-50 p-3" aria-label={t('candidates.attest.formLabel', { check: label })}>
      <FormField id={`${id}-note`} label={t('candidates.attest.note')} error={error('note')}>
        <input name="note" {...fieldAria(`${id}-note`, error('note'))} className={inputClass} />
      </FormField>
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="outcome" value="passed" disabled={busy} className={primaryButtonClass}>
          {t('candidates.attest.pass')}
        </button>
        <button type="submit" name="outcome" value="failed" disabled={busy} className={secondaryButtonClass}>
          {t('candidates.attest.fail')}
        </button>
      </div>
      <StatusMessage status={status} />
    </form>
  );
}

/** The number and date of the territorial commission's decision, as adopted at its sitting. */
export function CommissionDecisionFields({ prefix, error }: { prefix: string; error: (name: string) => string | undefined }) {
  const t = useTranslations();
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <FormField id={`${prefix}-decisionNumber`} label={t('candidates.decision.number')} error={error('decisionNumber')}>
        <input name="decisionNumber" {...fieldAria(`${prefix}-decisionNumber`, error('decisionNumber'))} autoComplete="off" className={inputClass} />
      </FormField>
      <FormField id={`${prefix}-decisionDate`} label={t('candidates.decision.date')} error={error('decisionDate')}>
        <input name="decisionDate" type="date" {...fieldAria(`${prefix}-decisionDate`, error('decisionDate'))} className={inputClass} />
      </FormField>
    </div>
  );
}

/**
 * Records the commission's decision on a nominee: registration (when every check passed) or
 * refusal on a legal ground the checks allow, with an explanation.
 */
export function DecisionPanel({ candidateRef, canRegister, grounds }: { candidateRef: Ref; canRegister: boolean; grounds: RefusalGround[] }) {
  // The pressed button (decision=register or refuse) picks which decision is recorded.
  const { t, status, busy, onSubmit, error } = useCandidateForm(decideAction, candidateRef, (values) =>
    values.decision === 'refuse' ? 'candidates.done.refuse' : 'candidates.done.register',
  );
  return (
    <section aria-labelledby="decision-heading" className="flex flex-col gap-4 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="decision-heading" className="text-lg font-semibold">
        {t('candidates.decision.title')}
      </h2>
      <p className="text-sm text-slate-700">{t('candidates.decision.intro')}</p>
      <form onSubmit={onSubmit} className="flex flex-col gap-4" aria-label={t('candidates.decision.title')}>
        <CommissionDecisionFields prefix="decision" error={error} />
        <div className="flex flex-col gap-2">
          <div>
            <ConfirmSubmit
              name="decision"
              value="register"
              disabled={busy || !canRegister}
              className={primaryButtonClass}
              describedBy="register-hint"
              title={t('candidates.confirm.register.title')}
              description={t('candidates.confirm.register.description')}
              confirmLabel={t('candidates.confirm.register.confirm')}
            >
              {t('candidates.decision.register')}
            </ConfirmSubmit>
          </div>
          <p id="register-hint" className="text-sm text-slate-700">
            {t(canRegister ? 'candidates.decision.registerHint' : 'candidates.decision.checksOutstanding')}
          </p>
        </div>
        <fieldset className="flex flex-col gap-3 border-t border-amber-200 pt-4">
          <legend className="sr-only">{t('candidates.decision.refuseLabel')}</legend>
          <FormField id="refusalGround" label={t('candidates.decision.ground')} error={error('refusalGround')} hint={t('candidates.decision.groundHint')}>
            <select name="refusalGround" {...fieldAria('refusalGround', error('refusalGround'), 'hint')} className={inputClass} defaultValue="">
              <option value="">{t('candidates.form.choose')}</option>
              {grounds.map((ground) => (
                <option key={ground} value={ground}>
                  {t(`candidates.grounds.${ground}`)}
                </option>
              ))}
            </select>
          </FormField>
          <FormField id="explanation" label={t('candidates.decision.explanation')} error={error('explanation')}>
            <textarea name="explanation" rows={3} {...fieldAria('explanation', error('explanation'))} className={inputClass} />
          </FormField>
          <div>
            <ConfirmSubmit
              name="decision"
              value="refuse"
              disabled={busy}
              className={secondaryButtonClass}
              tone="danger"
              title={t('candidates.confirm.refuse.title')}
              description={t('candidates.confirm.refuse.description')}
              confirmLabel={t('candidates.confirm.refuse.confirm')}
            >
              {t('candidates.decision.refuse')}
            </ConfirmSubmit>
          </div>
        </fieldset>
        <StatusMessage status={status} />
      </form>
    </section>
  );
}

export type Documents = {
  applicationReceived: boolean;
  assetDeclarationsReceived: boolean;
  depositAmount: number;
  depositPaidOn: string | null;
  supportingSignatures: number | null;
};

/** The operator records documents that arrive after nomination; the system re-runs its checks. */
export function DocumentsForm({ candidateRef, documents, selfNominated }: { candidateRef: Ref; documents: Documents; selfNominated: boolean }) {
  const { t, status, busy, onSubmit, error } = useCandidateForm(updateDocumentsAction, candidateRef, 'candidates.done.documents');
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" aria-label={t('candidates.documents.formLabel')}>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="applicationReceived" defaultChecked={documents.applicationReceived} className="h-4 w-4" />{' '}
        {t('candidates.applicationReceived')}
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="assetDeclarationsReceived" defaultChecked={documents.assetDeclarationsReceived} className="h-4 w-4" />{' '}
        {t('candidates.assetDeclarationsReceived')}
      </label>
      <FormField id="doc-depositAmount" label={t('candidates.depositAmount')} error={error('depositAmount')}>
        <input
          name="depositAmount"
          inputMode="numeric"
          defaultValue={documents.depositAmount}
          {...fieldAria('doc-depositAmount', error('depositAmount'))}
          className={inputClass}
        />
      </FormField>
      <FormField id="doc-depositPaidOn" label={t('candidates.depositPaidOn')} error={error('depositPaidOn')}>
        <input
          name="depositPaidOn"
          type="date"
          defaultValue={documents.depositPaidOn ?? ''}
          {...fieldAria('doc-depositPaidOn', error('depositPaidOn'))}
          className={inputClass}
        />
      </FormField>
      {selfNominated && (
        <FormField id="doc-signatures" label={t('candidates.supportingSignatures')} error={error('supportingSignatures')}>
          <input
            name="supportingSignatures"
            inputMode="numeric"
            defaultValue={documents.supportingSignatures ?? ''}
            {...fieldAria('doc-signatures', error('supportingSignatures'))}
            className={inputClass}
          />
        </FormField>
      )}
      <div className="sm:col-span-2">
        <button type="submit" disabled={busy} className={secondaryButtonClass}>
          {t('candidates.documents.save')}
        </button>
      </div>
      <StatusMessage status={status} className="sm:col-span-2" />
    </form>
  );
}

/** Records a withdrawal by the candidate or the nominating party, with its date (today unless changed). */
export function WithdrawalForm({ candidateRef, partyNominee, today, lastDay }: { candidateRef: Ref; partyNominee: boolean; today: string; lastDay: string }) {
  const { t, status, busy, onSubmit, error } = useCandidateForm(withdrawAction, candidateRef, 'candidates.done.withdraw');
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-3" aria-label={t('candidates.withdrawal.formLabel')}>
      <FormField id="withdrawnBy" label={t('candidates.withdrawal.by')} error={error('withdrawnBy')}>
        <select name="withdrawnBy" {...fieldAria('withdrawnBy', error('withdrawnBy'))} className={inputClass}>
          <option value="candidate">{t('candidates.withdrawal.byCandidate')}</option>
          {partyNominee && <option value="party">{t('candidates.withdrawal.byParty')}</option>}
        </select>
      </FormField>
      <FormField id="withdrawnOn" label={t('candidates.withdrawal.date')} error={error('withdrawnOn')}>
        <input name="withdrawnOn" type="date" defaultValue={today} max={lastDay} {...fieldAria('withdrawnOn', error('withdrawnOn'))} className={inputClass} />
      </FormField>
      <div className="flex items-end">
        <ConfirmSubmit
          disabled={busy}
          className={secondaryButtonClass}
          tone="danger"
          title={t('candidates.confirm.withdraw.title')}
          description={t('candidates.confirm.withdraw.description')}
          confirmLabel={t('candidates.confirm.withdraw.confirm')}
        >
          {t('candidates.withdrawal.submit')}
        </ConfirmSubmit>
      </div>
      <StatusMessage status={status} className="sm:col-span-3" />
    </form>
  );
}

/** Proposes that the commission cancel the registration, on a legal ground with an explanation. */
export function CancellationProposalForm({ candidateRef }: { candidateRef: Ref }) {
  const { t, status, busy, onSubmit, error } = useCandidateForm(proposeCancellationAction, candidateRef, 'candidates.done.proposeCancellation');
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label={t('candidates.cancellation.proposeLabel')}>
      <FormField id="cancellationGround" label={t('candidates.decision.ground')} error={error('ground')}>
        <select name="ground" {...fieldAria('cancellationGround', error('ground'))} className={inputClass} defaultValue="">
          <option value="">{t('candidates.form.choose')}</option>
          {CANCELLATION_GROUNDS.map((ground) => (
            <option key={ground} value={ground}>
              {t(`candidates.cancellationGrounds.${ground}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id="cancellationExplanation" label={t('candidates.decision.explanation')} error={error('explanation')}>
        <textarea name="explanation" rows={3} {...fieldAria('cancellationExplanation', error('explanation'))} className={inputClass} />
      </FormField>
      <div>
        <button type="submit" disabled={busy} className={secondaryButtonClass}>
          {t('candidates.cancellation.propose')}
        </button>
      </div>
      <StatusMessage status={status} />
    </form>
  );
}

/** Records the commission's decision on a cancellation proposal: cancelled (number and date), or not cancelled (why). */
export function CancellationDecisionPanel({ candidateRef }: { candidateRef: Ref }) {
  const { t, status, busy, onSubmit, error } = useCandidateForm(decideCancellationAction, candidateRef, (values) =>
    values.decision === 'dismiss' ? 'candidates.done.dismiss' : 'candidates.done.cancel',
  );
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" aria-label={t('candidates.cancellation.decideLabel')}>
      <CommissionDecisionFields prefix="cancellation" error={error} />
      <div>
        <ConfirmSubmit
          name="decision"
          value="cancel"
          disabled={busy}
          className={primaryButtonClass}
          tone="danger"
          title={t('candidates.confirm.cancel.title')}
          description={t('candidates.confirm.cancel.description')}
          confirmLabel={t('candidates.confirm.cancel.confirm')}
        >
          {t('candidates.cancellation.cancel')}
        </ConfirmSubmit>
      </div>
      <fieldset className="flex flex-col gap-3 border-t border-slate-200 pt-4">
        <legend className="sr-only">{t('candidates.cancellation.dismiss')}</legend>
        <FormField id="dismissalReason" label={t('candidates.cancellation.dismissalReason')} error={error('dismissalReason')}>
          <textarea name="dismissalReason" rows={2} {...fieldAria('dismissalReason', error('dismissalReason'))} className={inputClass} />
        </FormField>
        <div>
          <ConfirmSubmit
            name="decision"
            value="dismiss"
            disabled={busy}
            className={secondaryButtonClass}
            title={t('candidates.confirm.dismiss.title')}
            description={t('candidates.confirm.dismiss.description')}
            confirmLabel={t('candidates.confirm.dismiss.confirm')}
          >
            {t('candidates.cancellation.dismiss')}
          </ConfirmSubmit>
        </div>
      </fieldset>
      <StatusMessage status={status} />
    </form>
  );
}

/** Records the day a refundable deposit was paid back. */
export function DepositRefundForm({ candidateRef, today }: { candidateRef: Ref; today: string }) {
  const { t, status, busy, onSubmit, error } = useCandidateForm(recordDepositRefundAction, candidateRef, 'candidates.done.refund');
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" aria-label={t('candidates.deposit.formLabel')}>
      <FormField id="refundedOn" label={t('candidates.deposit.refundedOn')} error={error('refundedOn')}>
        <input name="refundedOn" type="date" defaultValue={today} max={today} {...fieldAria('refundedOn', error('refundedOn'))} className={inputClass} />
      </FormField>
      <div className="flex items-end">
        <ConfirmSubmit
          disabled={busy}
          className={secondaryButtonClass}
          title={t('candidates.confirm.refund.title')}
          description={t('candidates.confirm.refund.description')}
          confirmLabel={t('candidates.confirm.refund.confirm')}
        >
          {t('candidates.deposit.record')}
        </ConfirmSubmit>
      </div>
      <StatusMessage status={status} className="sm:col-span-2" />
    </form>
  );
}
