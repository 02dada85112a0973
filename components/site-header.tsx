import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { LanguageSwitcher } from './language-switcher';

/** The bar on every page: the portal's name, the given navigation, the language switch. */
export async function SiteHeader({ children }: { children?: ReactNode }) {
  const t = await getTranslations('common');
  return (
    <header className="no-print bg-brand-900 text-white">
      {/* Everything wraps (long Kazakh words, 320 px screens, 400% zoom): nothing scrolls sideways. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-3 gap-y-2 px-4 py-2 sm:py-3">
        <Link href="/" className="flex min-w-0 items-center gap-2 font-semibold [overflow-wrap:anywhere]">
          <span aria-hidden="true" className="inline-block h-6 w-6 shrink-0 rounded-full bg-sky-400" />
          {t('appName')}
        </Link>
        <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-2">
          {children}
          <LanguageSwitcher />
        </div>
      </div>
    </header>
  );
}
