import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { LanguageSwitcher } from './language-switcher';

/** The bar on every page: the portal's name, the given navigation, the language switch. */
export async function SiteHeader({ children }: { children?: ReactNode }) {
  const t = await getTranslations('common');
  return (
    <header className="no-print bg-brand-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold">
          <span aria-hidden="true" className="inline-block h-6 w-6 rounded-full bg-sky-400" />
          {t('appName')}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          {children}
          <LanguageSwitcher />
        </div>
      </div>
    </header>
  );
}
