import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { KAZAKHSTAN_TIME_ZONE } from '@/lib/calendar';
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from './config';
import { FORMATS } from './formats';

// Each catalogue is its own chunk, loaded for the language in use.
const CATALOGUES = {
  kk: () => import('@/messages/kk.json'),
  ru: () => import('@/messages/ru.json'),
  en: () => import('@/messages/en.json'),
} satisfies Record<Locale, () => Promise<unknown>>;

// The language is a per-visitor choice kept in a cookie (set by /locale), else Accept-Language.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : negotiateLocale((await headers()).get('accept-language'));
  return {
    locale,
    messages: (await CATALOGUES[locale]()).default,
    // The portal's one clock (lib/calendar): displayed times match the deadlines they describe.
    timeZone: KAZAKHSTAN_TIME_ZONE,
    formats: FORMATS,
  };
});
