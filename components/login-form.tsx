'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { signInAction } from '@/lib/auth/actions';
import { signInSchema, type SignInInput } from '@/lib/auth/schemas';
import { fieldAria, FormField, inputClass, primaryButtonClass } from './form-field';
import { messageKey } from '@/lib/i18n/keys';

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: '', password: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await signInAction(values, callbackUrl);
    if (result?.fieldErrors) {
      for (const [field, messages] of Object.entries(result.fieldErrors)) {
        if (messages?.[0]) setError(field as keyof SignInInput, { message: messages[0] });
      }
    }
    if (result && result.error !== 'invalid') setFormError(t(`login.${result.error}`));
  });

  const emailError = errors.email?.message && t(messageKey(errors.email.message));
  const passwordError = errors.password?.message && t(messageKey(errors.password.message));
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {formError}
        </p>
      )}
      <FormField id="email" label={t('login.email')} error={emailError}>
        <input {...register('email')} {...fieldAria('email', emailError)} type="email" autoComplete="username" className={inputClass} />
      </FormField>
      <FormField id="password" label={t('login.password')} error={passwordError}>
        <input {...register('password')} {...fieldAria('password', passwordError)} type="password" autoComplete="current-password" className={inputClass} />
      </FormField>
      <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
        {isSubmitting ? t('login.signingIn') : t('login.submit')}
      </button>
    </form>
  );
}
