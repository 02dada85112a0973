import { NextIntlClientProvider, type Messages } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { KAZAKHSTAN_TIME_ZONE } from '@/lib/calendar';
import { FORMATS } from '@/lib/i18n/formats';

/**
 * Hands client components only the message namespaces they use: the whole catalogue would be
 * serialised into every page (tens of kB) for nothing.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: (keyof Messages)[] | 'all'; children: ReactNode }) {
  const messages = await getMessages();
  const picked = namespaces === 'all' ? messages : Object.fromEntries(namespaces.map((name) => [name, messages[name]]));
  return (
    <NextIntlClientProvider messages={picked} formats={FORMATS} timeZone={KAZAKHSTAN_TIME_ZONE}>
      {children}
    </NextIntlClientProvider>
  );
}
