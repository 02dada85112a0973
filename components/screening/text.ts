import { getFormatter, getTranslations } from 'next-intl/server';
import { localized, type Locale } from '@/lib/i18n/config';
import type { ElectionResults } from '@/lib/results/aggregate';
import type { AreaFinding, AreaRef, PrecinctFlag, SkippedTest } from '@/lib/screening/screen';
import type { ScreeningSettings } from '@/lib/screening/settings';

/** Names the screening texts need: candidates by id and areas (regions, constituencies) by reference. */
export type ScreeningNames = { candidate: (id: number) => string; area: (area: AreaRef) => string };

/** The names of an election's candidates, regions and constituencies in the reader's language. */
export function namesOf(results: ElectionResults, locale: Locale): ScreeningNames {
  const candidates = new Map(results.constituencies.flatMap((c) => c.candidates.map((k) => [k.id, k.fullName] as const)));
  const regions = new Map(results.regions.map((r) => [r.id, localized(r, locale)]));
  const constituencies = new Map(results.constituencies.map((c) => [c.id, localized(c, locale)]));
  return {
    candidate: (id) => candidates.get(id) ?? '—',
    area: (area) =>
      (area.level === 'region' ? regions.get(area.id) : area.level === 'constituency' ? constituencies.get(area.id) : localized(results.election, locale)) ??
      '—',
  };
}

/**
 * Every screening flag and finding in plain words in the reader's language: what was measured,
 * its value, the reference it is compared with and the threshold.
 */
export async function screeningText(settings: ScreeningSettings, names: ScreeningNames) {
  const [t, format] = await Promise.all([getTranslations('screening'), getFormatter()]);
  const percent = (value: number) => format.number(value, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const decimal = (value: number) => format.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const points = (share: number) => t('points', { value: decimal(share * 100) });
  /** A probability in words a reader can take in: "0.3 %", or "< 0.01 %" below that. */
  const chance = (p: number) =>
    p < 0.0001
      ? `< ${format.number(0.0001, { style: 'percent', maximumFractionDigits: 2 })}`
      : format.number(p, { style: 'percent', maximumSignificantDigits: 2 });
  const area = (ref: AreaRef) => (ref.level === 'election' ? t('areas.election') : names.area(ref));

  function flag(f: PrecinctFlag): string {
    switch (f.test) {
      case 'turnout':
        return t('flags.turnout', {
          value: percent(f.value),
          direction: f.score > 0 ? 'above' : 'below',
          median: percent(f.median),
          score: decimal(Math.abs(f.score)),
          spread: points(f.spread),
          threshold: decimal(f.threshold),
        });
      case 'leaderShare':
        return t('flags.leaderShare', {
          candidate: names.candidate(f.candidateId),
          value: percent(f.value),
          direction: f.score > 0 ? 'above' : 'below',
          median: percent(f.median),
          score: decimal(Math.abs(f.score)),
          spread: points(f.spread),
          threshold: decimal(f.threshold),
        });
      case 'fingerprint':
        return t('flags.fingerprint', {
          turnout: percent(f.turnout),
          candidate: names.candidate(f.candidateId),
          share: percent(f.share),
          turnoutMedian: percent(f.turnoutMedian),
          shareMedian: percent(f.shareMedian),
          distance: decimal(f.distance),
          threshold: decimal(f.threshold),
        });
      case 'nearFullTurnout':
        return t('flags.nearFullTurnout', { value: percent(f.value), threshold: percent(f.threshold) });
      case 'invalidShare':
      case 'mobileShare':
        return t(`flags.${f.test}`, { value: percent(f.value), ratio: decimal(f.ratio), median: percent(f.median), threshold: percent(f.threshold) });
      case 'roundTurnout':
        return t('flags.roundTurnout', { value: percent(f.value), area: area(f.area), observed: f.observed, expected: decimal(f.expected) });
    }
  }

  function finding(f: AreaFinding): string {
    switch (f.test) {
      case 'lastDigits':
        return f.status === 'notEnoughData'
          ? t('findings.lastDigitsTooFew', { counts: f.counts, minVotes: settings.digitMinVotes, needed: settings.digitMinCounts })
          : t('findings.lastDigits', {
              counts: format.number(f.counts),
              minVotes: settings.digitMinVotes,
              statistic: decimal(f.statistic),
              critical: decimal(f.critical),
              pValue: chance(f.pValue),
            });
      case 'roundTurnouts':
        return t('findings.roundTurnouts', {
          observed: f.observed,
          precincts: format.number(f.precincts),
          expected: decimal(f.expected),
          pValue: chance(f.pValue),
        });
      case 'fingerprint':
        return t('findings.fingerprint', {
          inCorner: f.inCorner,
          precincts: format.number(f.precincts),
          expected: decimal(f.expected),
          pValue: chance(f.pValue),
        });
    }
  }

  const skipped = (test: SkippedTest, comparable: number) =>
    t(`skipped.${test}`, { minVoters: settings.minVoters, count: comparable, needed: settings.minReferencePrecincts });

  return { t, format, percent, decimal, flag, finding, skipped, area };
}
