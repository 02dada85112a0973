import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { CommandButton } from '@/components/command-button';
import { SessionTable } from '@/components/session-table';
import { EditUserForm } from '@/components/user-form';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { listActiveSessions } from '@/lib/auth/sessions';
import { localizer } from '@/lib/i18n/config';
import { listRegions } from '@/lib/overview/queries';
import { findUserForEdit } from '@/lib/users/queries';
import { endUserSessionsAction } from '@/lib/users/actions';

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('users.manage');
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const db = getDb();
  const user = await findUserForEdit(db, id);
  if (!user) notFound();
  const [t, tSessions, format, locale, regions, sessions] = await Promise.all([
    getTranslations('users'),
    getTranslations('sessions'),
    getFormatter(),
    getLocale(),
    listRegions(db),
    listActiveSessions(db, user.id),
  ]);
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
      <section aria-labelledby="user-sessions" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="user-sessions" className="mb-3 text-lg font-semibold">
          {tSessions('ofUser', { count: sessions.length })}
        </h2>
        {sessions.length > 0 && (
          <>
            <SessionTable
              sessions={sessions}
              labels={{
                device: tSessions('device'),
                address: tSessions('address'),
                signedIn: tSessions('signedIn'),
                lastSeen: tSessions('lastSeen'),
                current: tSessions('current'),
              }}
              format={(date) => format.dateTime(date, 'dateTime')}
            />
            <div className="mt-4">
              <CommandButton action={endUserSessionsAction.bind(null, { userId: user.id })} label={tSessions('endAll')} success={tSessions('endedAll')} />
            </div>
          </>
        )}
      </section>
    </div>
  );
}
