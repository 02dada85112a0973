import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { FormField, inputClass, secondaryButtonClass } from '@/components/form-field';
import { CreateUserForm } from '@/components/user-form';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { localizer } from '@/lib/i18n/config';
import { listRegions } from '@/lib/overview/queries';
import { listUsers } from '@/lib/users/queries';
import { TableScroll } from '@/components/table-scroll';

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  await requirePermission('users.manage');
  const { q } = await searchParams;
  const search = typeof q === 'string' ? q.slice(0, 200) : '';
  const db = getDb();
  const [t, tRoles, format, locale, users, regions] = await Promise.all([
    getTranslations('users'),
    getTranslations('staff.roles'),
    getFormatter(),
    getLocale(),
    listUsers(db, search),
    listRegions(db),
  ]);
  const name = localizer(locale);
  const regionOptions = regions.map((region) => ({ id: region.id, name: name(region) }));
  const regionName = (id: number | null) => regionOptions.find((r) => r.id === id)?.name ?? t('allRegions');
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
      <section aria-labelledby="create-user" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="create-user" className="mb-4 text-lg font-semibold">
          {t('createTitle')}
        </h2>
        <CreateUserForm regions={regionOptions} />
      </section>
      <section aria-labelledby="user-list" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="user-list" className="mb-4 text-lg font-semibold">
          {t('listTitle', { count: users.length })}
        </h2>
        <form method="get" role="search" aria-label={t('searchLabel')} className="mb-4 flex flex-wrap items-end gap-3">
          <div className="min-w-0 flex-1 sm:max-w-sm">
            <FormField id="q" label={t('searchLabel')} hint={t('searchHint')}>
              <input id="q" name="q" type="search" defaultValue={search} aria-describedby="q-hint" className={inputClass} />
            </FormField>
          </div>
          <button type="submit" className={secondaryButtonClass}>
            {t('search')}
          </button>
          {search && (
            <Link href="/staff/admin/users" className="py-2 text-sm underline">
              {t('clearSearch')}
            </Link>
          )}
        </form>
        <TableScroll>
          <table className="w-full text-left text-sm">
            <thead className="border-b text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  {t('fullName')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('email')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('role')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('region')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('status')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('lastLogin')}
                </th>
                <th scope="col" className="py-2">
                  <span className="sr-only">{t('edit')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} className="border-b last:border-0">
                  <td className="py-2 pr-3">{user.fullName}</td>
                  <td className="py-2 pr-3">{user.email}</td>
                  <td className="py-2 pr-3">{tRoles(user.role)}</td>
                  <td className="py-2 pr-3">{regionName(user.regionId)}</td>
                  <td className="py-2 pr-3">{user.active ? t('activeStatus') : t('inactiveStatus')}</td>
                  <td className="py-2 pr-3">{user.lastLoginAt ? format.dateTime(user.lastLoginAt, 'dateTime') : '—'}</td>
                  <td className="py-2">
                    <Link href={`/staff/admin/users/${user.id}`} className="font-medium text-brand-700 underline">
                      {t('edit')}
                      <span className="sr-only"> {user.email}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </div>
  );
}
