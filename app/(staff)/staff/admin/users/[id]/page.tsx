import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { EditUserForm } from '@/components/user-form';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { localizer } from '@/lib/i18n/config';
import { listRegions } from '@/lib/overview/queries';
import { findUserForEdit } from '@/lib/users/queries';

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('users.manage');
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const db = getDb();
  const user = await findUserForEdit(db, id);
  if (!user) notFound();
  const [t, locale, regions] = await Promise.all([getTranslations('users'), getLocale(), listRegions(db)]);
  const name = localizer(locale);
  return (
    <div className="flex flex-col gap-4">
      <Link href="/staff/admin/users" className="text-sm text-brand-700 underline">
        ← {t('backToList')}
      </Link>
      <h1 className="text-2xl font-bold text-brand-900">{t('editTitle', { name: user.fullName })}</h1>
      <div className="rounded-xl border border-slate-200 bg-white p-5">
        <EditUserForm user={user} regions={regions.map((r) => ({ id: r.id, name: name(r) }))} />
      </div>
    </div>
  );
}
