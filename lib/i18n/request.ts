import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { KAZAKHSTAN_TIME_ZONE } from '@/lib/calendar';
import { isLocale, LOCALE_COOKIE, negotiateLocale } from './config';
import { FORMATS } from './formats';

// The language is a per-visitor choice kept in a cookie (set by /locale), else Accept-Language.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : negotiateLocale((await headers()).get('accept-language'));
  return {
    locale,
    messages: (await import(`../../messages/${locale}.json`)).default,
    // The portal's one clock (lib/calendar): displayed times match the deadlines they describe.
    timeZone: KAZAKHSTAN_TIME_ZONE,
    formats: FORMATS,
  };
});
