import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader, Section } from '@/components/section';
import { AreaFindings, FlaggedPrecincts } from '@/components/screening/report';
import { ScreeningCharts } from '@/components/screening/screening-charts';
import { namesOf } from '@/components/screening/text';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { localizer } from '@/lib/i18n/config';
import { constituencyPlace, electionScreening } from '@/lib/screening/queries';

/** One constituency's screening: its charts, its area-wide tests and each flagged precinct with a link to answer it on the protocol. */
export default async function ConstituencyScreeningPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const db = getDb();
  const row = await constituencyPlace(db, id);
  if (!row) notFound();
  await requirePermission('protocol.view', row.regionId);
  const screening = await electionScreening(db, row.electionId, 'approved');
  const constituency = screening?.results.constituencies.find((c) => c.id === id);
  if (!screening || !constituency) notFound();
  const [t, tProtocols, locale] = await Promise.all([getTranslations('screening'), getTranslations('protocols'), getLocale()]);
  const name = localizer(locale);
  const { results, report, checks } = screening;
  const names = namesOf(results, locale);
  const screened = report.precincts.filter((s) => s.precinct.constituencyId === id);
  const area = report.areas.find((a) => a.area.level === 'constituency' && a.area.id === id);
  const digits = area?.findings.find((f) => f.test === 'lastDigits');
  const flagged = screened.filter((s) => s.flags.length > 0);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        back={{ href: `/staff/screening?election=${row.electionId}`, label: t('staff.backToList') }}
        title={t('staff.constituencyTitle', { name: name(constituency) })}
      >
        <p className="text-slate-600">{name(results.election)}</p>
      </PageHeader>
      <Section headingId="flagged-heading" title={t('staff.flaggedTitle')} variant="plain">
        {flagged.length === 0 ? (
          <p>{t('staff.noneFlagged')}</p>
        ) : (
          <FlaggedPrecincts
            flagged={flagged}
            checks={checks}
            settings={report.settings}
            names={names}
            audience="staff"
            title={(s) => (
              <Link href={`/staff/protocols/precinct/${s.precinct.id}`} className="text-brand-700 underline">
                {tProtocols('precinctTitle', { number: s.precinct.number })}
              </Link>
            )}
          />
        )}
      </Section>
      {area && (
        <Section headingId="findings-heading" title={t('findings.title')}>
          <AreaFindings areas={[area]} settings={report.settings} names={names} />
        </Section>
      )}
      {digits?.test === 'lastDigits' && screened.length > 0 && (
        <Section headingId="charts-heading" title={t('public.chartsTitle')}>
          <ScreeningCharts id={`constituency-${id}`} screened={screened} digits={digits} settings={report.settings} />
        </Section>
      )}
    </div>
  );
}
