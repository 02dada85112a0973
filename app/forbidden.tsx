import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function Forbidden() {
  const t = await getTranslations('common');
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold text-brand-900">{t('forbiddenTitle')}</h1>
      <p className="mt-3 text-slate-700">{t('forbiddenText')}</p>
      <Link href="/staff" className="mt-6 inline-block font-medium text-brand-700 underline">
        {t('backToStaff')}
      </Link>
    </main>
  );
}
