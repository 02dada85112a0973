import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/client-messages';
import { LoginForm } from '@/components/login-form';
import { getCurrentUser } from '@/lib/auth/guard';
import { safeStaffCallback } from '@/lib/auth/schemas';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('login'))('title') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Signed in already (or just now, when the page refreshes after the sign-in action): go on.
  if (await getCurrentUser()) redirect(safeStaffCallback(callbackUrl));
  const t = await getTranslations('login');
  return (
    <div className="mx-auto max-w-md rounded-xl bg-white p-6 shadow-sm">
      <h1 className="mb-1 text-2xl font-bold text-brand-900">{t('title')}</h1>
      <p className="mb-6 text-sm text-slate-600">{t('intro')}</p>
      <ClientMessages namespaces={['common', 'login', 'errors']}>
        <LoginForm callbackUrl={safeStaffCallback(callbackUrl)} />
      </ClientMessages>
    </div>
  );
}
