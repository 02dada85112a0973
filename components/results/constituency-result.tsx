import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { calendarDay } from '@/lib/i18n/formats';
import type { AkimRecord } from '@/lib/candidates/queries';
import { localizer } from '@/lib/i18n/config';
import type { ConstituencyResult } from '@/lib/results/aggregate';
import { Fact } from '../fact';
import { Num, numeric, RowHeader, Table } from '../table';

/** A constituency's result: reporting, turnout, votes and shares, and the outcome under the election's rule. */
export async function ConstituencyResultView({ result, akim = null }: { result: ConstituencyResult; akim?: AkimRecord | null }) {
  const [t, format, locale] = await Promise.all([getTranslations('results'), getFormatter(), getLocale()]);
  const name = localizer(locale);
  const n = (value: number) => format.number(value);
  const percent = (value: number | null) =>
    value === null ? '—' : format.number(value, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const winnerId = result.outcome.status === 'elected' || result.outcome.status === 'leading' ? result.outcome.candidateId : null;
  const outcome = (() => {
    const o = result.outcome;
    switch (o.status) {
      case 'elected':
      case 'leading':
        return t(`outcome.${o.status}`, { name: result.candidates.find((c) => c.id === o.candidateId)?.fullName ?? '' });
      case 'tie':
        return t('outcome.tie', {
          names: result.candidates
            .filter((c) => o.candidateIds.includes(c.id))
            .map((c) => c.fullName)
            .join(', '),
        });
      case 'repeat_required':
        return t(`outcome.repeat.${o.reason}`);
      case 'no_results':
        return t('outcome.no_results');
    }
  })();
  return (
    <div className="flex flex-col gap-3" data-testid="constituency-result">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm break-words sm:grid-cols-4 [&>div]:min-w-0">
        <Fact label={t('reported')} testId="reported">
          {t('reportedValue', { reported: n(result.precinctsReported), total: n(result.precincts) })}
        </Fact>
        <Fact
          label={t('votersOnList')}
          testId="voters-on-list"
          note={result.precinctsReported < result.precincts ? t('votersInReported', { voters: result.votersInReported }) : undefined}
        >
          {n(result.votersOnList)}
        </Fact>
        <Fact
          label={t('votersAtClose')}
          testId="voters-at-close"
          note={result.votersAddedOnDay > 0 ? t('addedOnDay', { voters: result.votersAddedOnDay }) : undefined}
        >
          {n(result.votersInReported)}
        </Fact>
        <Fact label={t('ballotsCast')}>{n(result.ballotsCast)}</Fact>
        <Fact label={t('mobileShare')} testId="mobile-share">
          {n(result.ballotsFoundMobile)} ({percent(result.mobileShare)})
        </Fact>
        <Fact label={t('turnout')} testId="turnout">
          {percent(result.turnout)}
        </Fact>
        <Fact label={t('invalid')}>{n(result.ballotsInvalid)}</Fact>
        <Fact label={t('validVotes')}>{n(result.validVotes)}</Fact>
      </dl>
      <p className="text-xs text-slate-500" data-testid="bases">
        {t('bases')}
      </p>
      <Table caption={t('votesCaption')} density="compact" columns={[t('ballotNo'), t('candidate'), ...numeric(t('votes'), t('share'))]}>
        {result.candidates.map((candidate) => (
          <tr key={candidate.id} className={candidate.id === winnerId ? 'font-semibold' : undefined}>
            <td className="tabular-nums">{candidate.ballotOrder}</td>
            <RowHeader className="font-[inherit]">
              {candidate.fullName}
              <span className="block text-xs font-normal text-slate-500">{candidate.party ? name(candidate.party) : t('selfNominated')}</span>
            </RowHeader>
            <Num>{n(candidate.votes)}</Num>
            <Num>{percent(candidate.share)}</Num>
          </tr>
        ))}
        <tr>
          <RowHeader colSpan={2} className="font-normal">
            {t('againstAll')}
          </RowHeader>
          <Num>{n(result.votesAgainstAll)}</Num>
          <Num>{percent(result.validVotes ? result.votesAgainstAll / result.validVotes : null)}</Num>
        </tr>
      </Table>
      <p className="font-medium" data-testid="outcome">
        {outcome}
      </p>
      {akim && (
        <p className="text-sm" data-testid="akim-registration">
          {t(akim.outcome === 'registered' ? 'akimRegistered' : 'repeatElectionRecorded', {
            number: akim.decisionNumber,
            date: format.dateTime(calendarDay(akim.decisionDate), 'longDate'),
          })}
        </p>
      )}
    </div>
  );
}
