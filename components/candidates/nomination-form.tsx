'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useNotice } from '../notice';
import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { nominateAction } from '@/lib/candidates/actions';
import { requiredSignatures } from '@/lib/candidates/eligibility';
import { nominationSchema, type Nomination, type NominationInput } from '@/lib/candidates/schemas';
import { applyActionErrors } from '../form-result';
import { fieldAria, FormField, inputClass, primaryButtonClass } from '../form-field';
import { StatusMessage, type Status } from '../status-message';
import { messageKey } from '@/lib/i18n/keys';

type Option = { id: number; name: string };

/** The nomination form: the same zod schema checks it here and on the server. */
export function NominationForm({
  electionId,
  signatureShareBp,
  depositAmount,
  constituencies,
  parties,
}: {
  electionId: number;
  signatureShareBp: number;
  /** The election's deposit, shown beside the field as the signatures required are. */
  depositAmount: number;
  constituencies: (Option & { voters: number })[];
  parties: Option[];
}) {
  const t = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const notify = useNotice();
  const [status, setStatus] = useState<Status>(null);
  const { register, handleSubmit, setError, setFocus, control, formState } = useForm<NominationInput, unknown, Nomination>({
    resolver: zodResolver(nominationSchema),
    defaultValues: {
      electionId,
      constituencyId: '',
      fullName: '',
      iin: '',
      birthDate: '',
      sex: 'male',
      education: '',
      currentPosition: '',
      nominationRoute: 'self',
      partyId: '',
      applicationReceived: false,
      assetDeclarationsReceived: false,
      depositAmount: '',
      depositPaidOn: '',
      supportingSignatures: '',
    },
  });
  // The keyboard starts in the first field, not fourteen tabs away at the top of the page.
  useEffect(() => setFocus('fullName'), [setFocus]);
  const route = useWatch({ control, name: 'nominationRoute' });
  const constituencyId = Number(useWatch({ control, name: 'constituencyId' }));
  const constituency = constituencies.find((c) => c.id === constituencyId);
  const errors = formState.errors;
  const message = (key?: string) => (key ? t(messageKey(key)) : undefined);

  const onSubmit = handleSubmit(
    async (values) => {
      setStatus(null);
      const result = await nominateAction(values);
      const error = applyActionErrors(result, setError, t);
      if (error) return setStatus({ kind: 'error', text: error });
      if (!result.ok) return;
      // The notice lives in the staff layout, so it stays visible on the candidate's page.
      notify(t('candidates.done.nominated'));
      router.push(`/staff/candidates/${result.data.id}`);
    },
    () => setStatus({ kind: 'error', text: t('errors.invalid') }),
  );

  const field = (name: keyof NominationInput, label: string, input: React.ReactNode, hint?: string) => (
    <FormField id={name} label={label} error={message(errors[name]?.message)} hint={hint}>
      {input}
    </FormField>
  );
  const aria = (name: keyof NominationInput, hint?: string) => fieldAria(name, errors[name]?.message, hint);

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 font-semibold">{t('candidates.form.person')}</legend>
        {field('fullName', t('candidates.fullName'), <input {...register('fullName')} {...aria('fullName')} autoComplete="off" className={inputClass} />)}
        {field(
          'iin',
          t('candidates.iin'),
          <input {...register('iin')} {...aria('iin', 'hint')} inputMode="numeric" maxLength={12} autoComplete="off" className={inputClass} />,
          t('candidates.form.iinHint'),
        )}
        {field('birthDate', t('candidates.birthDate'), <input {...register('birthDate')} {...aria('birthDate')} type="date" className={inputClass} />)}
        {field(
          'sex',
          t('candidates.sex'),
          <select {...register('sex')} {...aria('sex')} className={inputClass}>
            <option value="male">{t('candidates.sexes.male')}</option>
            <option value="female">{t('candidates.sexes.female')}</option>
          </select>,
        )}
        {field('education', t('candidates.education'), <input {...register('education')} {...aria('education')} className={inputClass} />)}
        {field(
          'currentPosition',
          t('candidates.currentPosition'),
          <input {...register('currentPosition')} {...aria('currentPosition')} className={inputClass} />,
        )}
      </fieldset>

      <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 font-semibold">{t('candidates.form.nomination')}</legend>
        {field(
          'constituencyId',
          t('candidates.constituency'),
          <select {...register('constituencyId')} {...aria('constituencyId')} className={inputClass}>
            <option value="">{t('candidates.form.choose')}</option>
            {constituencies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>,
        )}
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium text-slate-800">{t('candidates.route')}</legend>
          <label className="flex items-center gap-2">
            <input type="radio" value="self" {...register('nominationRoute')} /> {t('candidates.routes.self')}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" value="party" {...register('nominationRoute')} /> {t('candidates.routes.party')}
          </label>
        </fieldset>
        {route === 'party' &&
          field(
            'partyId',
            t('candidates.party'),
            <select {...register('partyId')} {...aria('partyId')} className={inputClass}>
              <option value="">{t('candidates.form.choose')}</option>
              {parties.map((party) => (
                <option key={party.id} value={party.id}>
                  {party.name}
                </option>
              ))}
            </select>,
          )}
      </fieldset>

      <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 font-semibold">{t('candidates.form.documents')}</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" {...register('applicationReceived')} className="h-4 w-4" /> {t('candidates.applicationReceived')}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" {...register('assetDeclarationsReceived')} className="h-4 w-4" /> {t('candidates.assetDeclarationsReceived')}
        </label>
        {field(
          'depositAmount',
          t('candidates.depositAmount'),
          <input {...register('depositAmount')} {...aria('depositAmount', 'hint')} inputMode="numeric" className={inputClass} />,
          t('candidates.form.depositHint', { required: format.number(depositAmount) }),
        )}
        {field(
          'depositPaidOn',
          t('candidates.depositPaidOn'),
          <input {...register('depositPaidOn')} {...aria('depositPaidOn')} type="date" className={inputClass} />,
        )}
        {route === 'self' &&
          field(
            'supportingSignatures',
            t('candidates.supportingSignatures'),
            <input {...register('supportingSignatures')} {...aria('supportingSignatures', 'hint')} inputMode="numeric" className={inputClass} />,
            constituency
              ? t('candidates.form.signaturesHint', {
                  required: requiredSignatures(constituency.voters, signatureShareBp),
                  share: signatureShareBp / 100,
                  voters: constituency.voters,
                })
              : t('candidates.form.signaturesHintNoConstituency'),
          )}
      </fieldset>
      <StatusMessage status={status} />
      <div>
        <button type="submit" disabled={formState.isSubmitting} className={primaryButtonClass}>
          {t('candidates.form.submit')}
        </button>
      </div>
    </form>
  );
}
