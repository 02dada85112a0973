import { getLocale, getTranslations } from 'next-intl/server';
import { LOCALES } from '@/lib/i18n/config';
import { CurrentPathInput } from './current-path-input';

const LABELS = { kk: 'Қазақша', ru: 'Русский', en: 'English' } as const;

/**
 * Posts the chosen language to /locale, which sets the cookie and comes back to this page.
 * Rendered on the server, so public pages ship no i18n code to the browser.
 */
export async function LanguageSwitcher() {
  const [t, current] = await Promise.all([getTranslations('common'), getLocale()]);
  return (
    <form action="/locale" method="post" className="flex items-center gap-1" aria-label={t('language')}>
      <CurrentPathInput name="returnTo" />
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
