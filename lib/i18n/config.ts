export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'kk';
export const LOCALE_COOKIE = 'NEXT_LOCALE';

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/** Picks the first supported language from an Accept-Language header. */
export function negotiateLocale(acceptLanguage: string | null): Locale {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase().split('-')[0];
    if (isLocale(tag)) return tag;
  }
  return DEFAULT_LOCALE;
}

/**
 * The language a request is rendered in: the language cookie as the Cookie header carries it
 * (its first occurrence, taken literally), else Accept-Language. The app (lib/i18n/request.ts) and
 * the page cache's key (lib/http/page-cache.ts) both call this, so a crafted cookie cannot make
 * them disagree and file one language's page under another's key.
 */
export function localeOfRequest(cookieHeader: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  const chosen = (cookieHeader ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  return isLocale(chosen) ? chosen : negotiateLocale(acceptLanguage ?? null);
}

/** Picks the name column of a kk/ru/en record for the current language. */
export function localized(record: { nameKk: string; nameRu: string; nameEn: string }, locale: Locale): string {
  return locale === 'kk' ? record.nameKk : locale === 'ru' ? record.nameRu : record.nameEn;
}
