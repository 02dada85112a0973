import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site-header';

const NAVIGATION = [
  ['/', 'home'],
  ['/results', 'results'],
  ['/constituencies', 'constituencies'],
  ['/candidates', 'candidates'],
  ['/staff', 'staffArea'],
] as const;

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('common');
  return (
    <>
      <SiteHeader>
        <nav aria-label={t('mainNavigation')} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {NAVIGATION.map(([href, label]) => (
            <Link key={href} href={href} className="hover:underline">
              {t(label)}
            </Link>
          ))}
        </nav>
      </SiteHeader>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <footer className="mx-auto max-w-6xl px-4 pb-8 text-xs text-slate-500">{t('footer')}</footer>
    </>
  );
}
