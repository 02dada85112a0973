import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { PrintButton } from '@/components/print-button';
import { FiguresTable } from '@/components/protocols/figures-table';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { localizer } from '@/lib/i18n/config';
import { protocolSheet } from '@/lib/protocols/queries';

/** A printable summary of a precinct's approved protocol, with its history, for the paper file. */
export default async function PrecinctPrintPage({ params }: { params: Promise<{ id: string }> }) {
  const precinctId = Number((await params).id);
  if (!Number.isInteger(precinctId) || precinctId <= 0) notFound();
  const user = await requirePermission('protocol.view');
  const sheet = await protocolSheet(getDb(), precinctId, user);
  if (!sheet) notFound();
  await requirePermission('protocol.view', sheet.constituency.regionId);
  const [t, format, locale] = await Promise.all([getTranslations('protocols'), getFormatter(), getLocale()]);
  const name = localizer(locale);
  const approved = sheet.versions.flatMap((v) => v.entries).find((e) => e.id === sheet.protocol?.approvedEntryId);
  const approvedVersion = sheet.versions.find((v) => v.entries.some((e) => e.id === approved?.id));
  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-4 bg-white p-6">
      <header>
        <p className="text-sm text-slate-600">{name(sheet.election)}</p>
        <h1 className="text-xl font-bold">{t('printTitle', { number: sheet.precinct.number })}</h1>
        <p>
          {name(sheet.region)} · {name(sheet.constituency)} · {sheet.precinct.address}
        </p>
      </header>
      {approved ? (
        <>
          <FiguresTable caption={t('approvedFigures')} columns={[{ label: t('approvedColumn'), figures: approved.figures }]} candidates={sheet.candidates} againstAllOnBallot={sheet.election.againstAllOnBallot} />
          <p className="text-sm">
            {t('printApproved', {
              version: approvedVersion?.versionNo ?? 1,
              name: approvedVersion?.approvedBy ?? '—',
              date: approvedVersion?.approvedAt ? format.dateTime(approvedVersion.approvedAt, 'dateTime') : '—',
            })}
          </p>
        </>
      ) : (
        <p>{t('printNotApproved')}</p>
      )}
      <p className="text-xs text-slate-500">{t('printFooter', { date: format.dateTime(new Date(), 'dateTime') })}</p>
      <PrintButton />
    </article>
  );
}
