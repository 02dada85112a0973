import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/client-messages';
import { SiteHeader } from '@/components/site-header';
import { signOutAction } from '@/app/(public)/login/actions';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { hasPermission, type Permission } from '@/lib/auth/permissions';
import { localized, type Locale } from '@/lib/i18n/config';
import { findRegionByCode } from '@/lib/overview/queries';

const NAVIGATION: { href: string; label: string; permission: Permission }[] = [
  { href: '/staff', label: 'dashboard', permission: 'staff.view' },
  { href: '/staff/elections', label: 'elections', permission: 'staff.view' },
  { href: '/staff/regions', label: 'regions', permission: 'staff.view' },
  { href: '/staff/lists', label: 'lists', permission: 'constituencyList.view' },
  { href: '/staff/candidates', label: 'candidates', permission: 'candidate.view' },
  { href: '/staff/protocols', label: 'protocols', permission: 'protocol.view' },
  { href: '/staff/screening', label: 'screening', permission: 'protocol.view' },
  { href: '/staff/admin/parties', label: 'parties', permission: 'parties.manage' },
  { href: '/staff/admin/users', label: 'users', permission: 'users.manage' },
  { href: '/staff/admin/audit', label: 'audit', permission: 'audit.view' },
];

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await requirePermission('staff.view');
  const [t, locale] = await Promise.all([getTranslations('staff'), getLocale()]);
  const region = user.regionCode ? await findRegionByCode(getDb(), user.regionCode) : null;
  return (
    <>
      <SiteHeader>
        <div className="text-right text-sm leading-tight" data-testid="current-user">
          <div className="font-medium">{user.fullName}</div>
          <div className="text-white/80">
            {t(`roles.${user.role}`)} · {region ? localized(region, locale as Locale) : t('allRegions')}
          </div>
        </div>
        <form action={signOutAction}>
          <button type="submit" className="rounded border border-white/40 px-3 py-1 text-sm hover:bg-white/10">
            {t('signOut')}
          </button>
        </form>
      </SiteHeader>
      <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6 md:flex-row">
        <nav aria-label={t('navigation')} className="no-print md:w-48 md:shrink-0">
          <ul className="flex flex-wrap gap-2 md:flex-col">
            {NAVIGATION.filter((item) => hasPermission(user, item.permission)).map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="block rounded-md px-3 py-2 text-sm font-medium text-brand-900 hover:bg-brand-100">
                  {t(`nav.${item.label}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="min-w-0 flex-1">
          <ClientMessages namespaces="all">{children}</ClientMessages>
        </main>
      </div>
    </>
  );
}
