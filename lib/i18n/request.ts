import { headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { KAZAKHSTAN_TIME_ZONE } from '@/lib/calendar';
import { localeOfRequest } from './config';
import { FORMATS } from './formats';

// The language is a per-visitor choice kept in a cookie (set by /locale), else Accept-Language.
export default getRequestConfig(async () => {
  const requestHeaders = await headers();
  const locale = localeOfRequest(requestHeaders.get('cookie'), requestHeaders.get('accept-language'));
  return {
    locale,
    messages: (await import(`../../messages/${locale}.json`)).default,
    // The portal's one clock (lib/calendar): displayed times match the deadlines they describe.
    timeZone: KAZAKHSTAN_TIME_ZONE,
    formats: FORMATS,
  };
});
