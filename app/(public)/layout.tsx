import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site-header';

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('common');
  return (
    <>
      <SiteHeader>
        <nav aria-label={t('mainNavigation')} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href="/" className="hover:underline">
            {t('home')}
          </Link>
          <Link href="/results" className="hover:underline">
            {t('results')}
          </Link>
          <Link href="/constituencies" className="hover:underline">
            {t('constituencies')}
          </Link>
          <Link href="/candidates" className="hover:underline">
            {t('candidates')}
          </Link>
          <Link href="/staff" className="hover:underline">
            {t('staffArea')}
          </Link>
        </nav>
      </SiteHeader>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <footer className="mx-auto max-w-6xl px-4 pb-8 text-xs text-slate-500">{t('footer')}</footer>
    </>
  );
}
