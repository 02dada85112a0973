import { getLocale } from 'next-intl/server';
import { PaperCheckForm } from '@/components/screening/paper-check-form';
import { CheckList, FlagList } from '@/components/screening/report';
import { screeningText, type ScreeningNames } from '@/components/screening/text';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { hasPermission } from '@/lib/auth/permissions';
import { isWorkOpen } from '@/lib/elections/phase';
import { findElection } from '@/lib/elections/queries';
import { localizer } from '@/lib/i18n/config';
import { protocolScreening } from '@/lib/screening/queries';

/**
 * The protocol's screening flags where the reviewer decides: the figures awaiting approval (or
 * the approved ones) against the constituency's approved precincts, the reviewers' answers, and
 * the "checked against the paper: correct" form. Never blocks approval.
 */
export async function ProtocolScreening({ precinctId }: { precinctId: number }) {
  const user = await requirePermission('protocol.view');
  const db = getDb();
  const found = await protocolScreening(db, precinctId, user);
  if (!found) return null;
  await requirePermission('protocol.view', found.sheet.constituency.regionId);
  const { sheet, screening, reference, checks, settings } = found;
  const [locale, election] = await Promise.all([getLocale(), findElection(db, sheet.election.id)]);
  const name = localizer(locale);
  const candidate = (id: number) => sheet.candidates.find((c) => c.id === id)?.fullName ?? '—';
  const names: ScreeningNames = {
    candidate,
    area: (area) => name(area.level === 'region' ? sheet.region : area.level === 'constituency' ? sheet.constituency : sheet.election),
  };
  const text = await screeningText(settings, names);
  const { t } = text;
  const checkedNow = checks.some((check) => check.current);
  const canCheck = !checkedNow && hasPermission(user, 'screening.check') && isWorkOpen('screeningCheck', election!.phase);
  return (
    <section aria-labelledby="screening-heading" className="flex flex-col gap-3 rounded-xl border border-sky-300 bg-white p-4" data-testid="protocol-screening">
      <h2 id="screening-heading" className="text-lg font-semibold">
        {t('panelTitle')}
      </h2>
      <p className="text-sm text-slate-600">{t(found.figures === 'underReview' ? 'figuresUnderReview' : 'figuresApproved')}</p>
      {reference.turnout && reference.leaderShare && reference.leaderId !== null && (
        <p className="text-sm text-slate-700">
          {t('reference', {
            turnout: text.percent(reference.turnout.median),
            candidate: candidate(reference.leaderId),
            share: text.percent(reference.leaderShare.median),
            count: reference.comparable,
          })}
        </p>
      )}
      {screening.flags.length === 0 ? (
        <p className="font-medium text-green-800">{t('nothingStandsOut')}</p>
      ) : (
        <div className="flex flex-col gap-1 rounded-md border border-amber-300 bg-amber-50 p-3">
          <p className="text-sm">{t('flagsIntro')}</p>
          <FlagList screening={screening} settings={settings} names={names} />
        </div>
      )}
      {screening.skipped.length > 0 && (
        <ul className="flex flex-col gap-1 text-xs text-slate-600">
          {screening.skipped.map((skipped) => (
            <li key={skipped}>{text.skipped(skipped, reference.comparable)}</li>
          ))}
        </ul>
      )}
      {checks.length > 0 && (
        <div className="flex flex-col gap-1">
          <h3 className="font-medium">{t('checks.title')}</h3>
          <CheckList checks={checks} audience="staff" />
        </div>
      )}
      {canCheck && (
        <>
          <PaperCheckForm precinctId={precinctId} entryId={found.entryId} />
          <p className="text-xs text-slate-600">{t('checks.correctionHint')}</p>
        </>
      )}
    </section>
  );
}
