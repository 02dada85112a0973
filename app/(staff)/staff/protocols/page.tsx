import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ElectionPicker } from '@/components/election-picker';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { isWorkOpen } from '@/lib/elections/phase';
import { listElections, pickElection } from '@/lib/elections/queries';
import { localizer } from '@/lib/i18n/config';
import { nextPrecinctFor, protocolProgress, returnedProtocols } from '@/lib/protocols/queries';
import { Num, numeric, RowHeader, Table } from '@/components/table';

/** Progress of protocol entry per constituency, and a link straight to the next protocol to work on. */
export default async function ProtocolDashboardPage({ searchParams }: { searchParams: Promise<{ election?: string }> }) {
  const user = await requirePermission('protocol.view');
  const db = getDb();
  const elections = await listElections(db);
  const election = pickElection(elections, (await searchParams).election, (e) => isWorkOpen('protocols', e.phase));
  const [t, format, locale] = await Promise.all([getTranslations('protocols'), getFormatter(), getLocale()]);
  const name = localizer(locale);
  if (!election) return <p>{t('noElections')}</p>;
  const [rows, next, returned] = await Promise.all([
    protocolProgress(db, election.id, user.regionId),
    nextPrecinctFor(db, user, election.id),
    returnedProtocols(db, election.id, user.regionId),
  ]);
  const total = (pick: (row: (typeof rows)[number]) => number) => format.number(rows.reduce((sum, row) => sum + pick(row), 0));
  const columns = [
    ['missing', (r: (typeof rows)[number]) => r.missing],
    ['enteredOnce', (r: (typeof rows)[number]) => r.enteredOnce],
    ['awaitingReview', (r: (typeof rows)[number]) => r.awaitingReview],
    ['mismatch', (r: (typeof rows)[number]) => r.mismatch],
    ['approved', (r: (typeof rows)[number]) => r.approved],
  ] as const;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
      <ElectionPicker elections={elections} currentId={election.id} href={(e) => `/staff/protocols?election=${e.id}`} label={t('election')} />
      {next ? (
        <Link
          href={`/staff/protocols/precinct/${next}`}
          className="self-start rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
          data-testid="next-protocol"
        >
          {t('nextProtocol')}
        </Link>
      ) : (
        (user.role === 'operator' || user.role === 'reviewer') && <p className="text-sm text-slate-600">{t('queueEmpty')}</p>
      )}
      {returned.length > 0 && (
        <section aria-labelledby="returned-heading" className="rounded-xl border border-orange-300 bg-orange-50 p-4" data-testid="returned-protocols">
          <h2 id="returned-heading" className="mb-2 font-semibold">
            {t('returnedTitle', { count: returned.length })}
          </h2>
          <ul className="flex flex-col gap-2 text-sm">
            {returned.map((item) => (
              <li key={item.precinctId}>
                <Link href={`/staff/protocols/precinct/${item.precinctId}`} className="font-medium text-brand-700 underline">
                  {t('precinctTitle', { number: item.number })} · {name(item.constituency)}
                </Link>
                <span className="block text-slate-700">
                  {t('returnedBy', { name: item.returnedBy, date: format.dateTime(item.returnedAt, 'dateTime') })} {item.comment}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {rows.length === 0 ? (
        <p className="text-slate-600">{t('noConstituencies')}</p>
      ) : (
        <Table
          testId="progress-table"
          caption={t('progressCaption')}
          density="boxed"
          columns={[t('constituency'), ...numeric(t('precincts'), ...columns.map(([key]) => t(`progress.${key}`))), t('results')]}
          foot={
            <tr>
              <RowHeader className="">{t('total')}</RowHeader>
              <Num>{total((r) => r.precincts)}</Num>
              {columns.map(([key, pick]) => (
                <Num key={key}>{total(pick)}</Num>
              ))}
              <td />
            </tr>
          }
        >
          {rows.map((row) => (
            <tr key={row.id}>
              <RowHeader>
                <Link href={`/staff/protocols/constituency/${row.id}`} className="text-brand-700 underline">
                  {name(row)}
                </Link>
                <span className="block text-xs font-normal text-slate-500">{name(row.region)}</span>
              </RowHeader>
              <Num>{format.number(row.precincts)}</Num>
              {columns.map(([key, pick]) => (
                <Num key={key}>{format.number(pick(row))}</Num>
              ))}
              <td>{t(`resultsStatus.${row.resultsStatus}`)}</td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
