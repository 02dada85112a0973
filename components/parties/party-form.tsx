'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { createPartyAction, updatePartyAction } from '@/lib/parties/actions';
import { updatePartySchema, createPartySchema } from '@/lib/parties/schemas';
import { fieldAria, FormField, inputClass, primaryButtonClass } from '../form-field';
import { applyActionErrors } from '../form-result';
import { StatusMessage, type Status } from '../status-message';
import { messageKey } from '@/lib/i18n/keys';

type FormValues = z.input<typeof updatePartySchema>;
export type PartyFormValues = Omit<FormValues, 'partyId' | 'lockVersion'>;

const EMPTY: PartyFormValues = { code: '', nameKk: '', nameRu: '', nameEn: '', shortName: '', registrationNumber: '', registeredOn: '', active: true };

/** Registers a party (no `party` given) or corrects one, including (de)activating it. */
export function PartyForm({ party }: { party?: { id: number; version: number; values: PartyFormValues } }) {
  const t = useTranslations();
  const router = useRouter();
  const [status, setStatus] = useState<Status>(null);
  const editing = party !== undefined;
  const { register, handleSubmit, setError, reset, formState } = useForm<FormValues, unknown, z.output<typeof updatePartySchema>>({
    resolver: zodResolver((editing ? updatePartySchema : createPartySchema) as typeof updatePartySchema),
    defaultValues: editing ? { ...party.values, partyId: party.id, lockVersion: party.version } : EMPTY,
  });
  const errors = formState.errors;
  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    const result = editing ? await updatePartyAction(values) : await createPartyAction(values);
    const error = applyActionErrors(result, setError, t);
    if (error) return setStatus({ kind: 'error', text: error });
    if (!result.ok) return;
    // A new form after registering; after a correction, the next save builds on the new version.
    reset(editing && 'version' in result.data ? { ...values, lockVersion: result.data.version } : EMPTY);
    setStatus({ kind: 'success', text: t(editing ? 'parties.saved' : 'parties.created') });
    router.refresh();
  });
  const field = (name: keyof PartyFormValues, props: { type?: string; hint?: string } = {}) => {
    const message = errors[name]?.message;
    return (
      <FormField id={name} label={t(`parties.${name}`)} error={message && t(messageKey(message))} hint={props.hint}>
        <input {...register(name)} {...fieldAria(name, message, props.hint)} type={props.type ?? 'text'} className={inputClass} />
      </FormField>
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t(editing ? 'parties.editTitle' : 'parties.createTitle')} className="grid gap-4 sm:grid-cols-2">
      <StatusMessage status={status} className="sm:col-span-2" />
      {field('nameKk')}
      {field('nameRu')}
      {field('nameEn')}
      {field('shortName')}
      {field('code', { hint: t('parties.codeHint') })}
      {field('registrationNumber')}
      {field('registeredOn', { type: 'date' })}
      <label className="flex items-center gap-2 self-end pb-2">
        <input type="checkbox" {...register('active')} className="h-4 w-4" />
        <span>{t('parties.active')}</span>
      </label>
      <div className="sm:col-span-2">
        <button type="submit" disabled={formState.isSubmitting} className={primaryButtonClass}>
          {t(editing ? 'parties.save' : 'parties.create')}
        </button>
      </div>
    </form>
  );
}
