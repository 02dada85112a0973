'use client';

import { useLocale, useTranslations } from 'next-intl';
import { usePathname, useSearchParams } from 'next/navigation';
import { LOCALES } from '@/lib/i18n/config';

const LABELS = { kk: 'Қазақша', ru: 'Русский', en: 'English' } as const;

/** Posts the chosen language to /locale, which sets the cookie and comes back to this page. */
export function LanguageSwitcher() {
  const t = useTranslations('common');
  const current = useLocale();
  const pathname = usePathname();
  const query = useSearchParams().toString();
  return (
    <form action="/locale" method="post" className="flex items-center gap-1" aria-label={t('language')}>
      <input type="hidden" name="returnTo" value={query ? `${pathname}?${query}` : pathname} />
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className={`rounded px-2 py-1 text-sm ${locale === current ? 'bg-white/20 font-semibold' : 'hover:bg-white/10'}`}
        >
          {LABELS[locale]}
        </button>
      ))}
    </form>
  );
}
