import { headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { KAZAKHSTAN_TIME_ZONE } from '@/lib/calendar';
import { localeOfRequest, type Locale } from './config';
import { FORMATS } from './formats';

// Each catalogue is its own chunk, loaded for the language in use.
const CATALOGUES = {
  kk: () => import('@/messages/kk.json'),
  ru: () => import('@/messages/ru.json'),
  en: () => import('@/messages/en.json'),
} satisfies Record<Locale, () => Promise<unknown>>;

// The language is a per-visitor choice kept in a cookie (set by /locale), else Accept-Language.
export default getRequestConfig(async () => {
  const requestHeaders = await headers();
  const locale = localeOfRequest(requestHeaders.get('cookie'), requestHeaders.get('accept-language'));
  return {
    locale,
    messages: (await CATALOGUES[locale]()).default,
    // The portal's one clock (lib/calendar): displayed times match the deadlines they describe.
    timeZone: KAZAKHSTAN_TIME_ZONE,
    formats: FORMATS,
  };
});
