import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ElectionPicker } from '@/components/election-picker';
import { AreaFindings } from '@/components/screening/report';
import { namesOf } from '@/components/screening/text';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { isWorkOpen } from '@/lib/elections/phase';
import { listElections, pickElection } from '@/lib/elections/queries';
import { localizer } from '@/lib/i18n/config';
import { electionScreening } from '@/lib/screening/queries';
import { Section } from '@/components/section';
import { Num, numeric, RowHeader, Table } from '@/components/table';

/** Screening of every approved precinct in the user's scope, per constituency, with the area-wide tests of their regions. */
export default async function ScreeningOverviewPage({ searchParams }: { searchParams: Promise<{ election?: string }> }) {
  const user = await requirePermission('protocol.view');
  const db = getDb();
  const elections = await listElections(db);
  const election = pickElection(elections, (await searchParams).election, (e) => isWorkOpen('screeningCheck', e.phase));
  const [t, format, locale] = await Promise.all([getTranslations('screening'), getFormatter(), getLocale()]);
  const name = localizer(locale);
  const screening = election ? await electionScreening(db, election.id, 'approved') : null;
  if (!election || !screening) return <p>{t('staff.noElection')}</p>;
  const { results, report, checks } = screening;
  const inScope = (regionId: number) => user.regionId === null || user.regionId === regionId;
  const constituencies = results.constituencies.filter((c) => inScope(c.regionId));
  const areaOf = (level: 'constituency' | 'region', id: number) => report.areas.find((a) => a.area.level === level && a.area.id === id);
  const flaggedIn = (constituencyId: number) => report.precincts.filter((s) => s.precinct.constituencyId === constituencyId && s.flags.length > 0);
  const areas = report.areas.filter((a) => (a.area.level === 'election' && user.regionId === null) || (a.area.level === 'region' && inScope(a.area.id)));
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
      <ElectionPicker elections={elections} currentId={election.id} href={(e) => `/staff/screening?election=${e.id}`} label={t('staff.election')} />
      <p className="text-slate-700">{t('staff.intro')}</p>
      {constituencies.length === 0 ? (
        <p className="text-slate-600">{t('staff.noConstituencies')}</p>
      ) : (
        <>
          <Table
            testId="screening-table"
            caption={t('title')}
            density="boxed"
            columns={[
              t('staff.region'),
              t('staff.constituency'),
              ...numeric(t('staff.screened'), t('staff.flagged'), t('staff.checked'), t('staff.areaFlags')),
            ]}
          >
            {constituencies.map((c) => {
              const area = areaOf('constituency', c.id);
              const flagged = flaggedIn(c.id);
              return (
                <tr key={c.id}>
                  <td>{name(results.regions.find((r) => r.id === c.regionId)!)}</td>
                  <RowHeader>
                    <Link href={`/staff/screening/constituency/${c.id}`} className="text-brand-700 underline">
                      {name(c)}
                    </Link>
                  </RowHeader>
                  <Num>{format.number(area?.precincts ?? 0)}</Num>
                  <Num>{format.number(flagged.length)}</Num>
                  <Num>{format.number(flagged.filter((s) => checks.has(s.precinct.id)).length)}</Num>
                  <Num>{format.number(area?.findings.filter((f) => f.status === 'flagged').length ?? 0)}</Num>
                </tr>
              );
            })}
          </Table>
          <Section headingId="findings-heading" title={t('findings.title')}>
            <AreaFindings areas={areas} settings={report.settings} names={namesOf(results, locale)} />
          </Section>
        </>
      )}
    </div>
  );
}
