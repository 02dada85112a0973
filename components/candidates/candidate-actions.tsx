'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { attestCheckAction, decideAction, updateDocumentsAction, withdrawAction } from '@/app/(staff)/staff/candidates/actions';
import { REFUSAL_GROUNDS } from '@/lib/candidates/eligibility';
import type { ActionResult } from '@/lib/commands';
import { fieldAria, FormField, inputClass, primaryButtonClass, secondaryButtonClass } from '../form-field';
import { StatusMessage, type Status } from '../status-message';
import { failureText } from '../form-result';

/**
 * Sends a form's values to an action; on success the page reloads into the candidate's new state
 * (the confirmation), on failure the errors are shown at their fields.
 */
function useCandidateForm(action: (input: Record<string, unknown>) => Promise<ActionResult<unknown>>, fixed: Record<string, unknown>) {
  const t = useTranslations();
  const router = useRouter();
  const [status, setStatus] = useState<Status>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});
  const [busy, setBusy] = useState(false);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The pressed button's name/value (e.g. outcome=passed) is part of the values.
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const values = Object.fromEntries(new FormData(event.currentTarget, submitter).entries());
    setBusy(true);
    setStatus(null);
    const result = await action({ ...values, ...fixed });
    setBusy(false);
    setFieldErrors(result.ok ? {} : (result.fieldErrors ?? {}));
    if (!result.ok) return setStatus({ kind: 'error', text: failureText(t, result) });
    router.refresh();
  }
  const error = (name: string) => (fieldErrors[name]?.[0] ? t(fieldErrors[name]![0]!) : undefined);
  return { t, status, busy, onSubmit, error };
}

type Ref = { candidateId: number; lockVersion: number };

/** A reviewer marks one attested check as passed or failed, with a note. */
export function AttestForm({ candidateRef, code, label }: { candidateRef: Ref; code: string; label: string }) {
  const { t, status, busy, onSubmit, error } = useCandidateForm(attestCheckAction, { ...candidateRef, code });
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

/** Register (when every check passed) or refuse with a legal ground and an explanation. */
export function DecisionPanel({ candidateRef, canRegister }: { candidateRef: Ref; canRegister: boolean }) {
  const register = useCandidateForm(decideAction, { ...candidateRef, decision: 'register' });
  const refuse = useCandidateForm(decideAction, { ...candidateRef, decision: 'refuse' });
  const t = register.t;
  return (
    <section aria-labelledby="decision-heading" className="flex flex-col gap-4 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="decision-heading" className="text-lg font-semibold">
        {t('candidates.decision.title')}
      </h2>
      <form onSubmit={register.onSubmit} className="flex flex-col gap-2">
        <div>
          <button type="submit" disabled={register.busy || !canRegister} className={primaryButtonClass} aria-describedby="register-hint">
            {t('candidates.decision.register')}
          </button>
        </div>
        <p id="register-hint" className="text-sm text-slate-700">
          {t(canRegister ? 'candidates.decision.registerHint' : 'candidates.decision.checksOutstanding')}
        </p>
        <StatusMessage status={register.status} />
      </form>
      <form onSubmit={refuse.onSubmit} className="flex flex-col gap-3 border-t border-amber-200 pt-4" aria-label={t('candidates.decision.refuseLabel')}>
        <FormField id="refusalGround" label={t('candidates.decision.ground')} error={refuse.error('refusalGround')}>
          <select name="refusalGround" {...fieldAria('refusalGround', refuse.error('refusalGround'))} className={inputClass} defaultValue="">
            <option value="">{t('candidates.form.choose')}</option>
            {REFUSAL_GROUNDS.map((ground) => (
              <option key={ground} value={ground}>
                {t(`candidates.grounds.${ground}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="explanation" label={t('candidates.decision.explanation')} error={refuse.error('explanation')}>
          <textarea name="explanation" rows={3} {...fieldAria('explanation', refuse.error('explanation'))} className={inputClass} />
        </FormField>
        <div>
          <button type="submit" disabled={refuse.busy} className={secondaryButtonClass}>
            {t('candidates.decision.refuse')}
          </button>
        </div>
        <StatusMessage status={refuse.status} />
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
  const { t, status, busy, onSubmit, error } = useCandidateForm(updateDocumentsAction, candidateRef);
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" aria-label={t('candidates.documents.formLabel')}>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="applicationReceived" defaultChecked={documents.applicationReceived} className="h-4 w-4" /> {t('candidates.applicationReceived')}
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="assetDeclarationsReceived" defaultChecked={documents.assetDeclarationsReceived} className="h-4 w-4" />{' '}
        {t('candidates.assetDeclarationsReceived')}
      </label>
      <FormField id="doc-depositAmount" label={t('candidates.depositAmount')} error={error('depositAmount')}>
        <input name="depositAmount" inputMode="numeric" defaultValue={documents.depositAmount} {...fieldAria('doc-depositAmount', error('depositAmount'))} className={inputClass} />
      </FormField>
      <FormField id="doc-depositPaidOn" label={t('candidates.depositPaidOn')} error={error('depositPaidOn')}>
        <input name="depositPaidOn" type="date" defaultValue={documents.depositPaidOn ?? ''} {...fieldAria('doc-depositPaidOn', error('depositPaidOn'))} className={inputClass} />
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

/** Records a withdrawal by the candidate or the nominating party, with its date. */
export function WithdrawalForm({ candidateRef, partyNominee }: { candidateRef: Ref; partyNominee: boolean }) {
  const { t, status, busy, onSubmit, error } = useCandidateForm(withdrawAction, candidateRef);
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-3" aria-label={t('candidates.withdrawal.formLabel')}>
      <FormField id="withdrawnBy" label={t('candidates.withdrawal.by')} error={error('withdrawnBy')}>
        <select name="withdrawnBy" {...fieldAria('withdrawnBy', error('withdrawnBy'))} className={inputClass}>
          <option value="candidate">{t('candidates.withdrawal.byCandidate')}</option>
          {partyNominee && <option value="party">{t('candidates.withdrawal.byParty')}</option>}
        </select>
      </FormField>
      <FormField id="withdrawnOn" label={t('candidates.withdrawal.date')} error={error('withdrawnOn')}>
        <input name="withdrawnOn" type="date" {...fieldAria('withdrawnOn', error('withdrawnOn'))} className={inputClass} />
      </FormField>
      <div className="flex items-end">
        <button type="submit" disabled={busy} className={secondaryButtonClass}>
          {t('candidates.withdrawal.submit')}
        </button>
      </div>
      <StatusMessage status={status} className="sm:col-span-3" />
    </form>
  );
}
