import { getLocale, getTranslations } from 'next-intl/server';
import { LOCALES } from '@/lib/i18n/config';
import { CurrentPathInput } from './current-path-input';

const LABELS = { kk: 'Қазақша', ru: 'Русский', en: 'English' } as const;
/** What a phone shows: the start of each name, so the button's name still begins with what is seen. */
const SHORT_LABELS = { kk: 'Қаз', ru: 'Рус', en: 'Eng' } as const;

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
          aria-label={LABELS[locale]}
          className={`rounded px-2 py-1 text-sm ${locale === current ? 'bg-white/20 font-semibold' : 'hover:bg-white/10'}`}
        >
          <span className="sm:hidden">{SHORT_LABELS[locale]}</span>
          <span className="hidden sm:inline">{LABELS[locale]}</span>
        </button>
      ))}
    </form>
  );
}
