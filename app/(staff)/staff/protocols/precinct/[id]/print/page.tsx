import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { createTranslator } from 'next-intl';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';
import { PrintButton } from '@/components/print-button';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { localized, localizer, type Locale } from '@/lib/i18n/config';
import { numberInWords } from '@/lib/i18n/number-words';
import { fieldValue, protocolDefinition, type FigureKey, type ProtocolFigures } from '@/lib/protocols/definition';
import { protocolSheet } from '@/lib/protocols/queries';

/** The election's languages: the protocol is printed in Kazakh and Russian, like the paper form, whatever the viewer's language. */
const PAPER_LANGUAGES = ['kk', 'ru'] as const satisfies readonly Locale[];
const paper = [
  createTranslator({ locale: 'kk', messages: kk, namespace: 'protocols' }),
  createTranslator({ locale: 'ru', messages: ru, namespace: 'protocols' }),
] as const;

async function sheetFor(params: Promise<{ id: string }>) {
  const precinctId = Number((await params).id);
  if (!Number.isInteger(precinctId) || precinctId <= 0) notFound();
  const user = await requirePermission('protocol.view');
  const sheet = await protocolSheet(getDb(), precinctId, user);
  if (!sheet) notFound();
  await requirePermission('protocol.view', sheet.constituency.regionId);
  return sheet;
}

/** The page title names the precinct, so a saved PDF can be found by its name. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const sheet = await sheetFor(params);
  const [t, locale] = await Promise.all([getTranslations('protocols.paper'), getLocale()]);
  return { title: t('pageTitle', { number: sheet.precinct.number, constituency: localizer(locale)(sheet.constituency) }) };
}

/**
 * The precinct's protocol laid out like the paper form the commission signs: commission, election
 * and voting day, every line with its number, its figure in digits and in words in the election's
 * languages, the signature lines, the seal box and a footer. Until approved it is marked DRAFT and
 * shows the copy this viewer may see.
 */
export default async function PrecinctPrintPage({ params }: { params: Promise<{ id: string }> }) {
  const sheet = await sheetFor(params);
  const [t, format] = await Promise.all([getTranslations('protocols'), getFormatter()]);
  const both = (render: (translate: (typeof paper)[number], language: Locale) => string) =>
    PAPER_LANGUAGES.map((language, index) => render(paper[index]!, language));
  const definition = protocolDefinition(sheet.election.kind);
  const approved = sheet.versions.flatMap((v) => v.entries).find((e) => e.id === sheet.protocol?.approvedEntryId);
  const approvedVersion = sheet.versions.find((v) => v.entries.some((e) => e.id === approved?.id));
  const current = sheet.versions.find((v) => v.versionNo === sheet.protocol?.currentVersionNo);
  // A draft shows the resolution, else the first copy this viewer may see.
  const draft = approved ? null : (current?.entries.find((e) => e.kind === 'resolution') ?? current?.entries[0] ?? null);
  const figures: ProtocolFigures | null = approved?.figures ?? draft?.figures ?? null;
  const signatures = figures?.signatures ?? null;
  const date = (value: Date) => format.dateTime(value, 'dateTime');

  type Row = { key: string; number: string; labels: string[]; value: number | null };
  const rows: Row[] = [
    ...definition.lines.map((line) => ({
      key: line.key,
      number: String(line.number),
      labels: both((p) => p(`lines.${line.key}`)),
      value: figures ? (fieldValue(figures, line.key) as number) : null,
    })),
    ...sheet.candidates.map((candidate) => ({
      key: `votes.${candidate.id}`,
      number: `${definition.candidatesLine}.${candidate.ballotOrder}`,
      labels: [candidate.struck ? `${candidate.fullName} — ${t('struckLine')}` : candidate.fullName],
      value: figures && !candidate.struck ? (fieldValue(figures, `votes.${candidate.id}` as FigureKey) as number | null) : null,
    })),
    ...(sheet.election.againstAllOnBallot
      ? [
          {
            key: 'votesAgainstAll',
            number: String(definition.againstAllLine),
            labels: both((p) => p('lines.votesAgainstAll')),
            value: figures?.votesAgainstAll ?? null,
          },
        ]
      : []),
  ];

  return (
    <article className="relative mx-auto flex max-w-3xl flex-col gap-4 bg-white p-6 text-[13px] leading-snug" data-testid="paper-protocol">
      {!approved && (
        <p
          aria-label={t('paper.draft')}
          className="pointer-events-none absolute inset-x-0 top-48 -rotate-12 text-center text-6xl font-black tracking-widest text-red-600/25 select-none"
          data-testid="draft-mark"
        >
          {t('paper.draft')}
        </p>
      )}
      <header className="flex flex-col gap-1 text-center">
        {both((p) => p('paper.commission', { number: sheet.precinct.number })).map((line) => (
          <p key={line} className="font-semibold">
            {line}
          </p>
        ))}
        <h1 className="mt-2 text-xl font-bold">{both((p) => p('paper.title')).join(' / ')}</h1>
        {PAPER_LANGUAGES.map((language, index) => (
          <p key={language}>{paper[index]!('paper.subtitle', { election: localized(sheet.election, language) })}</p>
        ))}
        <p>{both((p) => p('paper.votingDay', { date: sheet.election.votingDay })).join(' · ')}</p>
        <p>{PAPER_LANGUAGES.map((language, index) => paper[index]!('paper.constituency', { name: localized(sheet.constituency, language) })).join(' · ')}</p>
        <p>{both((p) => p('paper.address', { address: sheet.precinct.address })).join(' · ')}</p>
      </header>

      <table className="w-full border-collapse text-left" data-testid="paper-lines">
        <thead>
          <tr className="border-y border-black">
            <th scope="col" className="py-1 pr-2">
              {both((p) => p('paper.line')).join(' / ')}
            </th>
            <th scope="col" className="py-1 pr-2" />
            <th scope="col" className="py-1 pr-2 text-right">
              {both((p) => p('paper.digits')).join(' / ')}
            </th>
            <th scope="col" className="py-1">
              {both((p) => p('paper.words')).join(' / ')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-slate-400 align-top" data-line={row.key}>
              <td className="py-1 pr-2 tabular-nums">{row.number}</td>
              <th scope="row" className="py-1 pr-2 font-normal">
                {row.labels.map((label) => (
                  <span key={label} className="block">
                    {label}
                  </span>
                ))}
              </th>
              <td className="py-1 pr-2 text-right font-semibold tabular-nums">{row.value === null ? '' : format.number(row.value)}</td>
              <td className="py-1 italic">
                {row.value === null
                  ? ''
                  : PAPER_LANGUAGES.map((language) => (
                      <span key={language} className="block" lang={language}>
                        {numberInWords(row.value!, language)}
                      </span>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <section className="flex flex-col gap-3" data-testid="paper-signatures">
        {signatures && (
          <>
            <p>
              {both((p) => p('paper.members', { total: signatures.membersTotal, present: signatures.membersPresent, signing: signatures.membersSigning })).join(
                ' · ',
              )}
            </p>
            <p>{both((p) => p('paper.dissent', { answer: p(signatures.dissentAttached ? 'signatures.yes' : 'signatures.no') })).join(' · ')}</p>
          </>
        )}
        {(
          [
            ['paper.chair', signatures?.chairName],
            ['paper.secretary', signatures?.secretaryName],
          ] as const
        ).map(([role, person]) => (
          <div key={role} className="grid grid-cols-[1fr_1fr_1fr] items-end gap-4">
            <span>{both((p) => p(role)).join(' / ')}</span>
            <span className="border-b border-black text-center">{person ?? ''}</span>
            <span className="border-b border-black text-center text-xs text-slate-500">{both((p) => p('paper.signature')).join(' / ')}</span>
          </div>
        ))}
        {Array.from({ length: Math.max(0, (signatures?.membersSigning ?? 3) - 2) }, (_, index) => (
          <div key={index} className="grid grid-cols-[1fr_1fr_1fr] items-end gap-4">
            <span>{both((p) => p('paper.member')).join(' / ')}</span>
            <span className="border-b border-black" />
            <span className="border-b border-black text-center text-xs text-slate-500">{both((p) => p('paper.signature')).join(' / ')}</span>
          </div>
        ))}
        <div className="flex items-end justify-between gap-4">
          <div
            className="flex h-28 w-28 items-center justify-center rounded-full border-2 border-dashed border-slate-500 text-slate-500"
            data-testid="seal-box"
          >
            {both((p) => p('paper.seal')).join(' / ')}
          </div>
          <p>{signatures ? both((p) => p('paper.signedAt', { date: signatures.signedAt.replace('T', ' ') })).join(' · ') : ''}</p>
        </div>
      </section>

      <footer className="mt-4 flex flex-col gap-1 border-t border-slate-400 pt-2 text-xs text-slate-600">
        {approved && approvedVersion?.approvedAt && (
          <p>
            {t('paper.approvedStamp', { version: approvedVersion.versionNo, name: approvedVersion.approvedBy ?? '—', date: date(approvedVersion.approvedAt) })}
          </p>
        )}
        {!approved && <p>{t('printNotApproved')}</p>}
        <p>{t('paper.languages')}</p>
        <p>{t('paper.footer', { date: date(new Date()) })}</p>
      </footer>
      <PrintButton />
    </article>
  );
}
