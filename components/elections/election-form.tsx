'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useForm, useWatch, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import type { z } from 'zod';
import { createElectionAction, updateElectionAction } from '@/lib/elections/actions';
import { isIsoDate } from '@/lib/calendar';
import { calendarFor, CALENDAR_ORDER, POLLS_CLOSE_AT, POLLS_OPEN_AT, REGISTRATION_CLOSES_AT, silenceDay, type CalendarField } from '@/lib/elections/calendar';
import {
  AGAINST_ALL_EFFECTS,
  createElectionSchema,
  DEPOSIT_RULES,
  ELECTION_KINDS,
  updateElectionSchema,
  WINNER_RULES,
  type ElectionFormValues,
} from '@/lib/elections/schemas';
import { fieldAria, FormField, inputClass, primaryButtonClass, secondaryButtonClass } from '../form-field';
import { applyActionErrors } from '../form-result';
import { StatusMessage, type Status } from '../status-message';
import { calendarDay } from '@/lib/i18n/formats';
import { messageKey } from '@/lib/i18n/keys';

type FormValues = z.input<typeof updateElectionSchema>;
type FieldName = keyof FormValues;

const EMPTY: ElectionFormValues = {
  slug: '',
  nameKk: '',
  nameRu: '',
  nameEn: '',
  kind: 'district_city_akim',
  calledOn: '',
  nominationOpensOn: '',
  nominationClosesOn: '',
  registrationDeadline: '',
  votingDay: '',
  resultsDeadline: '',
  akimRegistrationDeadline: '',
  minCandidateAge: '25',
  depositAmount: '',
  signatureShareBp: '1',
  winnerRule: 'plurality',
  turnoutThresholdBp: '',
  againstAllOnBallot: true,
  againstAllEffect: 'none',
  votersGrowthWarnBp: '5',
  protocolImageRequired: false,
  withdrawalCutoffDays: '2',
  depositRefundThresholdBp: '5',
  depositRuleWhenRemoved: 'forfeit',
};

const DERIVED_DATES = CALENDAR_ORDER.filter((field): field is CalendarField => field !== 'votingDay');

/**
 * Creates an election (no `election` given) or edits one. For a new election the calendar fills
 * itself from voting day with the legal offsets until the admin changes a date by hand.
 */
export function ElectionForm({
  election,
  locked = null,
  slugFixed = false,
}: {
  election?: { id: number; version: number; values: ElectionFormValues };
  locked?: { since: string } | null;
  /** Announced: the public address is in use and can no longer change. */
  slugFixed?: boolean;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [status, setStatus] = useState<Status>(null);
  const editing = election !== undefined;
  // `raw`: the server gets what was typed and parses it itself; shares typed as percentages would
  // otherwise reach it already converted to basis points and be converted twice.
  const { register, handleSubmit, setError, setValue, control, reset, formState } = useForm<FormValues>({
    resolver: zodResolver((editing ? updateElectionSchema : createElectionSchema) as typeof updateElectionSchema, undefined, { raw: true }),
    defaultValues: { ...(election?.values ?? EMPTY), ...(editing ? { electionId: election.id, lockVersion: election.version, correctionReason: '' } : {}) },
  });
  const { errors, dirtyFields } = formState;
  const votingDay = useWatch({ control, name: 'votingDay' });

  const fillCalendar = (day: string | undefined, overwrite: boolean) => {
    if (!isIsoDate(day)) return;
    const calendar = calendarFor(day);
    for (const field of DERIVED_DATES) {
      if (overwrite || !dirtyFields[field]) setValue(field, calendar[field], { shouldDirty: overwrite, shouldValidate: formState.isSubmitted });
    }
  };
  // Only a new voting day refills the calendar of a new election (dates changed by hand stay).
  const onVotingDayChange = (event: { target: { value: string } }) => {
    if (!editing) fillCalendar(event.target.value, false);
  };

  // Announcing or archiving on this page bumps the version too: later saves build on it.
  const serverVersion = election?.version;
  useEffect(() => {
    if (serverVersion !== undefined) setValue('lockVersion', serverVersion);
  }, [serverVersion, setValue]);

  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    const result = editing ? await updateElectionAction(values) : await createElectionAction(values);
    const error = applyActionErrors(result, setError, t);
    if (error) return setStatus({ kind: 'error', text: error });
    if (!result.ok) return;
    if ('id' in result.data) return router.push(`/staff/elections/${result.data.id}?created=1`);
    // The next save builds on this version (a later concurrent change is still refused).
    reset({ ...values, lockVersion: result.data.version, correctionReason: '' });
    setStatus({ kind: 'success', text: t('elections.form.saved') });
    router.refresh();
  });

  const field = (
    name: FieldName,
    label: string,
    props: {
      type?: string;
      inputMode?: 'numeric' | 'decimal';
      hint?: string;
      readOnly?: boolean;
      onChange?: (event: { target: { value: string } }) => void;
    } = {},
  ) => {
    const message = errors[name]?.message;
    return (
      <FormField id={name} label={label} error={message && t(messageKey(message))} hint={props.hint}>
        <input
          {...register(name, { onChange: props.onChange })}
          {...fieldAria(name, message, props.hint)}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          readOnly={props.readOnly}
          className={`${inputClass} read-only:bg-slate-100 read-only:text-slate-600`}
        />
      </FormField>
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t(editing ? 'elections.form.editTitle' : 'elections.form.createTitle')} className="flex flex-col gap-6">
      <StatusMessage status={status} />
      <fieldset className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 sm:grid-cols-2">
        <legend className="px-1 text-lg font-semibold">{t('elections.form.names')}</legend>
        {field('nameKk', t('elections.form.nameKk'))}
        {field('nameRu', t('elections.form.nameRu'))}
        {field('nameEn', t('elections.form.nameEn'))}
        {field('slug', t('elections.form.slug'), slugFixed ? { hint: t('elections.form.slugLocked'), readOnly: true } : { hint: t('elections.form.slugHint') })}
        <SelectField
          name="kind"
          label={t('elections.form.kind')}
          register={register}
          errors={errors}
          options={ELECTION_KINDS.map((kind) => [kind, t(`elections.kinds.${kind}`)])}
        />
      </fieldset>

      <fieldset className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 sm:grid-cols-2">
        <legend className="px-1 text-lg font-semibold">{t('elections.form.calendar')}</legend>
        <p id="calendar-hint" className="text-sm text-slate-600 sm:col-span-2">
          {locked ? t('elections.form.lockedNote', { date: calendarDay(locked.since) }) : t('elections.form.calendarHint')}
        </p>
        {field('votingDay', t('elections.calendarFields.votingDay'), { type: 'date', onChange: onVotingDayChange })}
        <div className="flex items-end">
          <button type="button" onClick={() => fillCalendar(votingDay, true)} disabled={!isIsoDate(votingDay)} className={secondaryButtonClass}>
            {t('elections.form.refill')}
          </button>
        </div>
        {DERIVED_DATES.map((name) => (
          <div key={name}>{field(name, t(`elections.calendarFields.${name}`), { type: 'date' })}</div>
        ))}
        <p className="text-sm text-slate-600 sm:col-span-2" data-testid="calendar-times">
          {t('elections.form.calendarTimes', {
            registration: REGISTRATION_CLOSES_AT,
            open: POLLS_OPEN_AT,
            close: POLLS_CLOSE_AT,
            silence: isIsoDate(votingDay) ? silenceDay(votingDay) : '—',
          })}
        </p>
      </fieldset>

      <fieldset className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 sm:grid-cols-2">
        <legend className="px-1 text-lg font-semibold">{t('elections.form.rules')}</legend>
        {field('minCandidateAge', t('elections.form.minCandidateAge'), { inputMode: 'numeric' })}
        {field('depositAmount', t('elections.form.depositAmount'), { inputMode: 'numeric' })}
        {field('signatureShareBp', t('elections.form.signatureShare'), { inputMode: 'decimal' })}
        {field('turnoutThresholdBp', t('elections.form.turnoutThreshold'), { inputMode: 'decimal', hint: t('elections.form.turnoutThresholdHint') })}
        <SelectField
          name="winnerRule"
          label={t('elections.form.winnerRule')}
          register={register}
          errors={errors}
          options={WINNER_RULES.map((rule) => [rule, t(`elections.winnerRules.${rule}`)])}
        />
        <label className="flex items-center gap-2 self-end pb-2">
          <input type="checkbox" {...register('againstAllOnBallot')} className="h-4 w-4" />
          <span>{t('elections.form.againstAll')}</span>
        </label>
        <SelectField
          name="againstAllEffect"
          label={t('elections.form.againstAllEffect')}
          register={register}
          errors={errors}
          options={AGAINST_ALL_EFFECTS.map((effect) => [
            effect,
            t(effect === 'none' ? 'elections.form.againstAllEffectNone' : 'elections.form.againstAllEffectRepeat'),
          ])}
        />
        {field('votersGrowthWarnBp', t('elections.form.votersGrowthWarn'), { inputMode: 'decimal' })}
        <label className="flex items-center gap-2 self-end pb-2">
          <input type="checkbox" {...register('protocolImageRequired')} className="h-4 w-4" />
          <span>{t('elections.form.protocolImageRequired')}</span>
        </label>
      </fieldset>

      <fieldset className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 sm:grid-cols-2">
        <legend className="px-1 text-lg font-semibold">{t('elections.form.candidateRules')}</legend>
        {field('withdrawalCutoffDays', t('elections.form.withdrawalCutoffDays'), { inputMode: 'numeric', hint: t('elections.form.withdrawalCutoffHint') })}
        {field('depositRefundThresholdBp', t('elections.form.depositRefundThreshold'), {
          inputMode: 'decimal',
          hint: t('elections.form.depositRefundThresholdHint'),
        })}
        <SelectField
          name="depositRuleWhenRemoved"
          label={t('elections.form.depositRuleWhenRemoved')}
          register={register}
          errors={errors}
          options={DEPOSIT_RULES.map((rule) => [rule, t(`elections.depositRules.${rule}`)])}
        />
      </fieldset>

      {locked && (
        <FormField
          id="correctionReason"
          label={t('elections.form.correctionReason')}
          hint={t('elections.form.correctionReasonHint')}
          error={errors.correctionReason?.message && t(messageKey(errors.correctionReason.message))}
        >
          <textarea
            {...register('correctionReason')}
            {...fieldAria('correctionReason', errors.correctionReason?.message, 'hint')}
            rows={3}
            className={inputClass}
          />
        </FormField>
      )}
      <div>
        <button type="submit" disabled={formState.isSubmitting} className={primaryButtonClass}>
          {t(editing ? 'elections.form.save' : 'elections.create')}
        </button>
      </div>
    </form>
  );
}

function SelectField({
  name,
  label,
  register,
  errors,
  options,
}: {
  name: 'kind' | 'winnerRule' | 'depositRuleWhenRemoved' | 'againstAllEffect';
  label: string;
  register: UseFormRegister<FormValues>;
  errors: FieldErrors<FormValues>;
  options: [string, string][];
}) {
  const t = useTranslations();
  const message = errors[name]?.message;
  return (
    <FormField id={name} label={label} error={message && t(messageKey(message))}>
      <select {...register(name)} {...fieldAria(name, message)} className={inputClass}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </FormField>
  );
}
