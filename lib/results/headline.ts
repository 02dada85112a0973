import { ageOn } from '@/lib/candidates/eligibility';
import { candidateStatistics, type StatisticsInput } from '@/lib/candidates/queries';
import type { CandidateResult, ElectionResults, RegionResult } from './aggregate';

export type Headline = {
  turnout: number | null;
  precinctsReportedShare: number | null;
  registered: number;
  onBallot: number;
  selfNominated: number;
  selfNominatedShare: number | null;
  womenShareAmongCandidates: number | null;
  under35ShareAmongCandidates: number | null;
  elected: number;
  averageAgeOfElected: number | null;
  womenShareAmongElected: number | null;
  topRegionsByTurnout: RegionResult[];
};

/** The overview's headline figures, all derived from the shared aggregation and the candidate list. */
export function headlineFigures(results: ElectionResults, candidates: StatisticsInput[]): Headline {
  const stats = candidateStatistics(candidates);
  const elected: CandidateResult[] = results.constituencies.flatMap(({ outcome, candidates: list }) =>
    outcome.status === 'elected' ? list.filter((c) => c.id === outcome.candidateId) : [],
  );
  const share = (count: number, of: number) => (of > 0 ? count / of : null);
  return {
    turnout: results.totals.turnout,
    precinctsReportedShare: share(results.totals.precinctsReported, results.totals.precincts),
    registered: stats.registered,
    onBallot: stats.onBallot,
    selfNominated: stats.selfNominated,
    selfNominatedShare: stats.selfNominatedShare,
    womenShareAmongCandidates: stats.womenShare,
    under35ShareAmongCandidates: stats.under35Share,
    elected: elected.length,
    averageAgeOfElected: elected.length ? elected.reduce((sum, c) => sum + ageOn(c.birthDate, results.election.votingDay), 0) / elected.length : null,
    womenShareAmongElected: share(elected.filter((c) => c.sex === 'female').length, elected.length),
    topRegionsByTurnout: results.regions
      .filter((r) => r.turnout !== null)
      .sort((a, b) => b.turnout! - a.turnout!)
      .slice(0, 5),
  };
}
