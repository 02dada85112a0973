import type { Locale } from '@/lib/i18n/config';
import type { FORMATS } from '@/lib/i18n/formats';
import type messages from '@/messages/en.json';

// next-intl checks every message key, locale and named format against these (decision 015):
// a key missing from the English catalogue fails the type check; tests/unit/i18n.test.ts keeps
// the other catalogues' keys identical.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
    Formats: typeof FORMATS;
  }
}
