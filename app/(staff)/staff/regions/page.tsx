import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { canAccessRegion } from '@/lib/auth/permissions';
import { localizer } from '@/lib/i18n/config';
import { listRegions } from '@/lib/overview/queries';

export default async function RegionsPage() {
  const user = await requirePermission('staff.view');
  const [t, locale, regions] = await Promise.all([getTranslations('staff.regions'), getLocale(), listRegions(getDb())]);
  const name = localizer(locale);
  const visible = regions.filter((region) => canAccessRegion(user, region.id));
  return (
    <div>
      <h1 className="mb-4 text-2xl font-bold text-brand-900">{t('title')}</h1>
      <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {visible.map((region) => (
          <li key={region.id}>
            <Link
              href={`/staff/regions/${region.code}`}
              className="block rounded-lg border border-slate-200 bg-white px-4 py-3 font-medium hover:border-brand-600"
            >
              {name(region)}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
