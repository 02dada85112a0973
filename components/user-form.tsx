'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { createUserAction, updateUserAction } from '@/lib/users/actions';
import { ROLES } from '@/lib/auth/permissions';
import { createUserSchema, updateUserSchema } from '@/lib/users/schemas';
import { applyActionErrors } from './form-result';
import { fieldAria, FormField, inputClass, primaryButtonClass } from './form-field';
import { StatusMessage, type Status } from './status-message';
import { messageKey } from '@/lib/i18n/keys';

type RegionOption = { id: number; name: string };

function RoleAndRegionFields({
  form,
  regions,
}: {
  form: { register: (name: 'role' | 'regionId') => object; errors: Record<string, { message?: string } | undefined> };
  regions: RegionOption[];
}) {
  const t = useTranslations();
  const roleError = form.errors.role?.message && t(messageKey(form.errors.role.message));
  const regionError = form.errors.regionId?.message && t(messageKey(form.errors.regionId.message));
  return (
    <>
      <FormField id="role" label={t('users.role')} error={roleError}>
        <select {...form.register('role')} {...fieldAria('role', roleError)} className={inputClass}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`staff.roles.${role}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id="regionId" label={t('users.region')} error={regionError} hint={t('users.regionHint')}>
        <select {...form.register('regionId')} {...fieldAria('regionId', regionError, 'hint')} className={inputClass}>
          <option value="">{t('staff.allRegions')}</option>
          {regions.map((region) => (
            <option key={region.id} value={region.id}>
              {region.name}
            </option>
          ))}
        </select>
      </FormField>
    </>
  );
}

export function CreateUserForm({ regions }: { regions: RegionOption[] }) {
  const t = useTranslations();
  const router = useRouter();
  const [status, setStatus] = useState<Status>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<z.input<typeof createUserSchema>, unknown, z.output<typeof createUserSchema>>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { email: '', fullName: '', role: 'operator', regionId: '', password: '' },
  });
  const errors = formState.errors;
  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    const result = await createUserAction(values);
    const error = applyActionErrors(result, setError, t);
    if (error) return setStatus({ kind: 'error', text: error });
    reset();
    setStatus({ kind: 'success', text: t('users.created') });
    router.refresh();
  });
  const message = (key?: string) => (key ? t(messageKey(key)) : undefined);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
      <StatusMessage status={status} className="sm:col-span-2" />
      <FormField id="email" label={t('users.email')} error={message(errors.email?.message)}>
        <input {...register('email')} {...fieldAria('email', errors.email?.message)} type="email" autoComplete="off" className={inputClass} />
      </FormField>
      <FormField id="fullName" label={t('users.fullName')} error={message(errors.fullName?.message)}>
        <input {...register('fullName')} {...fieldAria('fullName', errors.fullName?.message)} className={inputClass} />
      </FormField>
      <RoleAndRegionFields form={{ register, errors }} regions={regions} />
      <FormField id="password" label={t('users.password')} error={message(errors.password?.message)} hint={t('users.passwordHint')}>
        <input
          {...register('password')}
          {...fieldAria('password', errors.password?.message, 'hint')}
          type="password"
          autoComplete="new-password"
          className={inputClass}
        />
      </FormField>
      <div className="sm:col-span-2">
        <button type="submit" disabled={formState.isSubmitting} className={primaryButtonClass}>
          {t('users.create')}
        </button>
      </div>
    </form>
  );
}

export type EditableUser = {
  id: number;
  email: string;
  fullName: string;
  role: (typeof ROLES)[number];
  regionId: number | null;
  active: boolean;
  version: number;
};

export function EditUserForm({ user, regions }: { user: EditableUser; regions: RegionOption[] }) {
  const t = useTranslations();
  const router = useRouter();
  const [status, setStatus] = useState<Status>(null);
  const { register, handleSubmit, setError, formState } = useForm<z.input<typeof updateUserSchema>, unknown, z.output<typeof updateUserSchema>>({
    resolver: zodResolver(updateUserSchema),
    defaultValues: {
      userId: user.id,
      lockVersion: user.version,
      fullName: user.fullName,
      role: user.role,
      regionId: user.regionId === null ? '' : String(user.regionId),
      active: user.active,
    },
  });
  const errors = formState.errors;
  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    const result = await updateUserAction(values);
    const error = applyActionErrors(result, setError, t);
    if (error) return setStatus({ kind: 'error', text: error });
    setStatus({ kind: 'success', text: t('users.saved') });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-xl gap-4">
      <StatusMessage status={status} />
      <p className="text-sm text-slate-600">{user.email}</p>
      <FormField id="fullName" label={t('users.fullName')} error={errors.fullName?.message && t(messageKey(errors.fullName.message))}>
        <input {...register('fullName')} {...fieldAria('fullName', errors.fullName?.message)} className={inputClass} />
      </FormField>
      <RoleAndRegionFields form={{ register, errors }} regions={regions} />
      <label className="flex items-center gap-2">
        <input type="checkbox" {...register('active')} className="h-4 w-4" />
        <span>{t('users.active')}</span>
      </label>
      <p className="text-xs text-slate-600">{t('users.sessionsEndHint')}</p>
      <div>
        <button type="submit" disabled={formState.isSubmitting} className={primaryButtonClass}>
          {t('users.save')}
        </button>
      </div>
    </form>
  );
}
