'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { saveDraftAction, submitRevisionAction } from '@/lib/constituency-lists/actions';
import { listContentSchema, listTotals, type ListContent, type ListContentInput } from '@/lib/constituency-lists/schemas';
import { applyActionErrors, failureText } from '../form-result';
import { fieldAria, inputClass, primaryButtonClass, secondaryButtonClass } from '../form-field';
import { ConfirmButton } from '../confirm-button';
import { useNotice } from '../notice';
import { StatusMessage, type Status } from '../status-message';
import { messageKey } from '@/lib/i18n/keys';

type FormErrors = FieldErrors<ListContentInput>;

function CellError({ id, message }: { id: string; message?: string }) {
  const t = useTranslations();
  if (!message) return null;
  return (
    <span id={`${id}-error`} className="mt-1 block text-xs text-red-700">
      {t(messageKey(message))}
    </span>
  );
}

function PrecinctRows({
  index,
  control,
  register,
  errors,
}: {
  index: number;
  control: Control<ListContentInput>;
  register: UseFormRegister<ListContentInput>;
  errors: FormErrors;
}) {
  const t = useTranslations('lists');
  const { fields, append, remove } = useFieldArray({ control, name: `constituencies.${index}.precincts` });
  const precinctErrors = errors.constituencies?.[index]?.precincts;
  return (
    <div className="mt-3">
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">{t('precinctsCaption')}</caption>
          <thead className="text-left text-slate-600">
            <tr>
              <th scope="col" className="w-28 py-1 pr-2">
                {t('precinctNumber')}
              </th>
              <th scope="col" className="py-1 pr-2">
                {t('address')}
              </th>
              <th scope="col" className="w-36 py-1 pr-2">
                {t('votersOnList')}
              </th>
              <th scope="col" className="w-24 py-1">
                <span className="sr-only">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field, row) => {
              const base = `c${index}-p${row}`;
              const rowErrors = precinctErrors?.[row];
              return (
                <tr key={field.id} className="align-top">
                  <td className="py-1 pr-2">
                    <input
                      {...register(`constituencies.${index}.precincts.${row}.number`)}
                      {...fieldAria(`${base}-number`, rowErrors?.number?.message)}
                      aria-label={t('precinctNumberRow', { row: row + 1 })}
                      inputMode="numeric"
                      className={inputClass}
                    />
                    <CellError id={`${base}-number`} message={rowErrors?.number?.message} />
                  </td>
                  <td className="py-1 pr-2">
                    <input
                      {...register(`constituencies.${index}.precincts.${row}.address`)}
                      {...fieldAria(`${base}-address`, rowErrors?.address?.message)}
                      aria-label={t('addressRow', { row: row + 1 })}
                      className={inputClass}
                    />
                    <CellError id={`${base}-address`} message={rowErrors?.address?.message} />
                  </td>
                  <td className="py-1 pr-2">
                    <input
                      {...register(`constituencies.${index}.precincts.${row}.votersOnList`)}
                      {...fieldAria(`${base}-voters`, rowErrors?.votersOnList?.message)}
                      aria-label={t('votersRow', { row: row + 1 })}
                      inputMode="numeric"
                      className={inputClass}
                    />
                    <CellError id={`${base}-voters`} message={rowErrors?.votersOnList?.message} />
                  </td>
                  <td className="py-1">
                    <button type="button" onClick={() => remove(row)} className="text-sm text-red-700 underline">
                      {t('removePrecinct', { row: row + 1 })}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="button" onClick={() => append({ number: '', address: '', votersOnList: '' })} className={`${secondaryButtonClass} mt-2 text-sm`}>
        {t('addPrecinct')}
      </button>
    </div>
  );
}

function Totals({ control }: { control: Control<ListContentInput> }) {
  const t = useTranslations('lists');
  const constituencies = useWatch({ control, name: 'constituencies' }) ?? [];
  const totals = listTotals({
    constituencies: constituencies.map((c) => ({ precincts: (c?.precincts ?? []).map((p) => ({ votersOnList: Number(p?.votersOnList) || 0 })) })),
  });
  return (
    <p aria-live="polite" className="rounded-md bg-brand-50 px-3 py-2 text-sm" data-testid="draft-totals">
      {t('totals', {
        constituencies: totals.constituencies,
        precincts: totals.precincts,
        voters: totals.voters,
      })}
    </p>
  );
}

/** The operator's editor for an open revision: constituencies with their precincts, saved as a whole. */
export function ListEditor({ revisionId, lockVersion, content }: { revisionId: number; lockVersion: number; content: ListContent }) {
  const t = useTranslations();
  const router = useRouter();
  const notify = useNotice();
  const [status, setStatus] = useState<Status>(null);
  const { control, register, handleSubmit, setError, formState } = useForm<ListContentInput, unknown, ListContent>({
    resolver: zodResolver(listContentSchema),
    defaultValues: content,
  });
  const { fields, append, remove } = useFieldArray({ control, name: 'constituencies' });
  const errors = formState.errors;

  const save = handleSubmit(
    async (values) => {
      setStatus(null);
      const result = await saveDraftAction({ revisionId, lockVersion, content: values });
      const error = applyActionErrors(result, setError, t);
      if (error) return setStatus({ kind: 'error', text: error });
      // The page reloads with the saved revision (and re-mounts this editor at its new version).
      router.refresh();
    },
    () => setStatus({ kind: 'error', text: t('errors.invalid') }),
  );

  const submit = async () => {
    setStatus(null);
    const result = await submitRevisionAction({ revisionId, lockVersion });
    if (!result.ok) return setStatus({ kind: 'error', text: failureText(t, result) });
    notify(t('lists.submitted'));
    router.refresh();
  };

  return (
    <form onSubmit={save} noValidate className="flex flex-col gap-4" aria-label={t('lists.editorLabel')}>
      <Totals control={control} />
      {fields.map((field, index) => {
        const base = `c${index}`;
        const fieldErrors = errors.constituencies?.[index];
        return (
          <fieldset key={field.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <legend className="px-1 font-semibold">{t('lists.constituencyNumber', { number: index + 1 })}</legend>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
              <div className="flex flex-col gap-1 text-sm">
                <label className="flex flex-col gap-1">
                  {t('lists.code')}
                  <input
                    {...register(`constituencies.${index}.code`)}
                    {...fieldAria(`${base}-code`, fieldErrors?.code?.message, 'hint')}
                    autoCapitalize="none"
                    spellCheck={false}
                    className={inputClass}
                  />
                </label>
                <span id={`${base}-code-hint`} className="text-xs text-slate-600">
                  {t('lists.codeHint')}
                </span>
                <CellError id={`${base}-code`} message={fieldErrors?.code?.message} />
              </div>
              <label className="flex flex-col gap-1 text-sm">
                {t('lists.kind')}
                <select {...register(`constituencies.${index}.kind`)} className={inputClass}>
                  <option value="district">{t('staff.regions.kinds.district')}</option>
                  <option value="city">{t('staff.regions.kinds.city')}</option>
                </select>
              </label>
              {(['nameKk', 'nameRu', 'nameEn'] as const).map((name) => (
                <label key={name} className="flex flex-col gap-1 text-sm">
                  {t(`lists.${name}`)}
                  <input
                    {...register(`constituencies.${index}.${name}`)}
                    {...fieldAria(`${base}-${name}`, fieldErrors?.[name]?.message)}
                    className={inputClass}
                  />
                  <CellError id={`${base}-${name}`} message={fieldErrors?.[name]?.message} />
                </label>
              ))}
            </div>
            <PrecinctRows index={index} control={control} register={register} errors={errors} />
            <button type="button" onClick={() => remove(index)} className="mt-3 text-sm text-red-700 underline">
              {t('lists.removeConstituency', { number: index + 1 })}
            </button>
          </fieldset>
        );
      })}
      <div>
        <button
          type="button"
          onClick={() => append({ code: '', kind: 'district', nameKk: '', nameRu: '', nameEn: '', precincts: [] })}
          className={secondaryButtonClass}
        >
          {t('lists.addConstituency')}
        </button>
      </div>
      <StatusMessage status={status} />
      <div className="sticky bottom-0 flex flex-wrap gap-3 border-t border-slate-200 bg-slate-50 py-3">
        <button type="submit" disabled={formState.isSubmitting} className={primaryButtonClass}>
          {t('lists.saveDraft')}
        </button>
        <ConfirmButton
          onConfirm={submit}
          disabled={formState.isDirty || formState.isSubmitting}
          className={secondaryButtonClass}
          title={t('lists.submitConfirm.title')}
          description={t('lists.submitConfirm.description')}
          confirmLabel={t('lists.submitConfirm.confirm')}
        >
          {t('lists.submitForReview')}
        </ConfirmButton>
        {formState.isDirty && <span className="self-center text-sm text-slate-600">{t('lists.saveBeforeSubmit')}</span>}
      </div>
    </form>
  );
}
