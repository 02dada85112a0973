import { getFormatter, getTranslations } from 'next-intl/server';
import { CommandButton } from '@/components/command-button';
import { SessionTable } from '@/components/session-table';
import { getDb } from '@/db/client';
import { auth } from '@/lib/auth/auth';
import { requirePermission } from '@/lib/auth/guard';
import { listActiveSessions } from '@/lib/auth/sessions';
import { endOtherSessionsAction } from '@/lib/auth/actions';

/** The signed-in user's own sessions: where they are signed in, and a way to end the others. */
export default async function SessionsPage() {
  const user = await requirePermission('staff.view');
  const session = await auth();
  const [t, format, sessions] = await Promise.all([getTranslations('sessions'), getFormatter(), listActiveSessions(getDb(), user.id, session?.sessionId)]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
      <p className="text-sm text-slate-700">{t('intro')}</p>
      <section className="rounded-xl border border-slate-200 bg-white p-5">
        <SessionTable
          sessions={sessions}
          labels={{ device: t('device'), address: t('address'), signedIn: t('signedIn'), lastSeen: t('lastSeen'), current: t('current') }}
          format={(date) => format.dateTime(date, 'dateTime')}
        />
        {sessions.length > 1 && (
          <div className="mt-4">
            <CommandButton action={endOtherSessionsAction} label={t('endOthers')} success={t('endedOthers')} />
          </div>
        )}
      </section>
    </div>
  );
}
