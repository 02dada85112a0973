import type { Messages } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/client-messages';
import { NoticeProvider } from '@/components/notice';
import { StaffNav } from '@/components/staff-nav';
import { SiteHeader } from '@/components/site-header';
import { signOutAction } from '@/lib/auth/actions';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { hasPermission, type Permission } from '@/lib/auth/permissions';
import { localizer } from '@/lib/i18n/config';
import { findRegionByCode } from '@/lib/overview/queries';

const NAVIGATION: { href: string; label: keyof Messages['staff']['nav']; permission: Permission }[] = [
  { href: '/staff', label: 'dashboard', permission: 'staff.view' },
  { href: '/staff/elections', label: 'elections', permission: 'staff.view' },
  { href: '/staff/regions', label: 'regions', permission: 'staff.view' },
  { href: '/staff/lists', label: 'lists', permission: 'constituencyList.view' },
  { href: '/staff/candidates', label: 'candidates', permission: 'candidate.view' },
  { href: '/staff/protocols', label: 'protocols', permission: 'protocol.view' },
  { href: '/staff/screening', label: 'screening', permission: 'protocol.view' },
  { href: '/staff/admin/parties', label: 'parties', permission: 'parties.manage' },
  { href: '/staff/admin/users', label: 'users', permission: 'users.manage' },
  { href: '/staff/admin/sign-ins', label: 'signIns', permission: 'users.manage' },
  { href: '/staff/admin/audit', label: 'audit', permission: 'audit.view' },
  { href: '/staff/sessions', label: 'sessions', permission: 'staff.view' },
];

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await requirePermission('staff.view');
  const [t, locale] = await Promise.all([getTranslations('staff'), getLocale()]);
  const name = localizer(locale);
  const region = user.regionCode ? await findRegionByCode(getDb(), user.regionCode) : null;
  return (
    <>
      <SiteHeader>
        {/* Compact on a phone: the name and role on one line, the region from sm up. */}
        <div className="min-w-0 text-sm leading-tight sm:text-right" data-testid="current-user">
          <span className="font-medium">{user.fullName}</span>
          <span className="text-white/80 sm:block">
            <span className="sm:hidden"> · </span>
            {t(`roles.${user.role}`)}
            <span className="hidden sm:inline"> · {region ? name(region) : t('allRegions')}</span>
          </span>
        </div>
        <form action={signOutAction}>
          <button type="submit" className="rounded border border-white/40 px-2 py-0.5 text-sm hover:bg-white/10 sm:px-3 sm:py-1">
            {t('signOut')}
          </button>
        </form>
      </SiteHeader>
      <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6 md:flex-row">
        <StaffNav
          label={t('navigation')}
          items={NAVIGATION.filter((item) => hasPermission(user, item.permission)).map((item) => ({ href: item.href, text: t(`nav.${item.label}`) }))}
        />
        <main id="main" className="min-w-0 flex-1">
          <ClientMessages namespaces="all">
            <NoticeProvider>{children}</NoticeProvider>
          </ClientMessages>
        </main>
      </div>
    </>
  );
}
