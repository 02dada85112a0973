import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { FormField, inputClass, secondaryButtonClass } from '@/components/form-field';
import { CreateUserForm } from '@/components/user-form';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { localizer } from '@/lib/i18n/config';
import { listRegions } from '@/lib/overview/queries';
import { listUsers } from '@/lib/users/queries';
import { EditLink, Section } from '@/components/section';
import { Table } from '@/components/table';

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
      <Section headingId="create-user" title={t('createTitle')}>
        <CreateUserForm regions={regionOptions} />
      </Section>
      <Section headingId="user-list" title={t('listTitle', { count: users.length })}>
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
        <Table columns={[t('fullName'), t('email'), t('role'), t('region'), t('status'), t('lastLogin'), { label: t('edit'), srOnly: true }]}>
          {users.map((user) => (
            <tr key={user.id}>
              <td>{user.fullName}</td>
              <td>{user.email}</td>
              <td>{tRoles(user.role)}</td>
              <td>{regionName(user.regionId)}</td>
              <td>{user.active ? t('activeStatus') : t('inactiveStatus')}</td>
              <td>{user.lastLoginAt ? format.dateTime(user.lastLoginAt, 'dateTime') : '—'}</td>
              <td>
                <EditLink href={`/staff/admin/users/${user.id}`} label={t('edit')} what={user.email} />
              </td>
            </tr>
          ))}
        </Table>
      </Section>
    </div>
  );
}
