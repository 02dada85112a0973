import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { PhaseBadge } from '@/components/elections/phase-badge';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { hasPermission } from '@/lib/auth/permissions';
import { listElections, nextDeadlineOf } from '@/lib/elections/queries';
import { localizer } from '@/lib/i18n/config';
import { calendarDay } from '@/lib/i18n/formats';
import { EditLink } from '@/components/section';
import { RowHeader, Table } from '@/components/table';

/** Every election with its phase and next date; admins create and edit them from here. */
export default async function ElectionsPage() {
  const user = await requirePermission('staff.view');
  const canManage = hasPermission(user, 'elections.manage');
  const [t, format, locale, elections] = await Promise.all([getTranslations('elections'), getFormatter(), getLocale(), listElections(getDb())]);
  const localName = localizer(locale);
  const day = (date: string) => format.dateTime(calendarDay(date), 'date');
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
        {canManage && (
          <Link href="/staff/elections/new" className="font-medium text-brand-700 underline">
            {t('create')}
          </Link>
        )}
      </div>
      {canManage && <p className="text-sm text-slate-600">{t('draftNote')}</p>}
      {elections.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <Table
          testId="elections-table"
          frame="rounded-xl border border-slate-200 bg-white p-4"
          columns={[t('election'), t('phase'), t('votingDay'), t('nextDeadline'), canManage && { label: t('edit'), srOnly: true }]}
        >
          {elections.map((election) => {
            const next = nextDeadlineOf(election);
            const name = localName(election);
            return (
              <tr key={election.id}>
                <RowHeader>
                  {name}
                  <div className="text-xs font-normal text-slate-600">{t(`kinds.${election.kind}`)}</div>
                </RowHeader>
                <td>
                  <PhaseBadge phase={election.phase} />
                </td>
                <td className="whitespace-nowrap">{day(election.votingDay)}</td>
                <td>{next ? `${t(`calendarFields.${next.field}`)}: ${day(next.date)}` : t('noDeadline')}</td>
                {canManage && (
                  <td>
                    <EditLink href={`/staff/elections/${election.id}`} label={t('edit')} what={name} />
                  </td>
                )}
              </tr>
            );
          })}
        </Table>
      )}
    </div>
  );
}
