import { addDays, todayInKazakhstan } from '@/lib/calendar';
import { depositSettlement } from '@/lib/candidates/deposit';
import { decideWinner } from '@/lib/results/winner';
import { addMinutes, at } from './calendar';
import { foundIn } from './protocol-figures';
import type { Random } from './random';
import type { DemoAkimRegistration, DemoCandidate, DemoConstituency, DemoElection, DemoProtocol } from './types';
import { staffEmail } from './users';

/**
 * The end of a candidate's life in constituencies whose results are official: the outcome as the
 * portal's own rules decide it (lib/results/winner), the elected akim registered by the commission
 * within the legal term, and every refundable deposit paid back a few days after the results
 * (lib/candidates/deposit decides which are).
 */
export function settleOfficialConstituencies(
  random: Random,
  election: DemoElection,
  constituencies: DemoConstituency[],
  candidates: DemoCandidate[],
  protocols: DemoProtocol[],
): { candidates: DemoCandidate[]; akimRegistrations: DemoAkimRegistration[] } {
  const refunds = new Map<string, { on: string; by: string }>();
  const akimRegistrations: DemoAkimRegistration[] = [];
  for (const constituency of constituencies.filter((c) => c.resultsStatus === 'official' && c.resultsOfficialAt)) {
    const entries = protocols
      .filter((protocol) => protocol.constituencyCode === constituency.code && protocol.approvedEntryKind)
      .map((protocol) => protocol.entries.find((entry) => entry.kind === protocol.approvedEntryKind)!);
    const votes = new Map<string, number>();
    for (const line of entries.flatMap((entry) => entry.votes)) votes.set(line.candidateIin, (votes.get(line.candidateIin) ?? 0) + line.votes);
    const total = (pick: (entry: (typeof entries)[number]) => number) => entries.reduce((sum, entry) => sum + pick(entry), 0);
    const ballotsCast = total(foundIn);
    const own = candidates.filter((candidate) => candidate.constituencyCode === constituency.code);
    const onBallot = own.filter((candidate) => candidate.status === 'registered');
    const outcome = decideWinner({
      votes: onBallot.map((candidate, index) => ({ candidateId: index, votes: votes.get(candidate.iin) ?? 0 })),
      againstAll: total((entry) => entry.votesAgainstAll ?? 0),
      votersOnList: total((entry) => entry.votersAtClose),
      ballotsCast,
      complete: entries.length === constituency.precincts.length,
      rule: election.winnerRule,
      turnoutThresholdBp: election.turnoutThresholdBp,
      againstAllEffect: election.againstAllEffect,
    });
    const winner = outcome.status === 'elected' ? onBallot[outcome.candidateId]! : null;
    const officialOn = todayInKazakhstan(constituency.resultsOfficialAt!);
    const reviewer = staffEmail('reviewer', constituency.regionCode);
    for (const candidate of own) {
      const settlement = depositSettlement(
        {
          paid: candidate.depositPaidOn !== null && candidate.depositAmount > 0,
          onBallot: candidate.status === 'registered',
          elected: candidate === winner,
          votes: votes.get(candidate.iin) ?? 0,
          constituencyVotes: ballotsCast - total((entry) => entry.ballotsInvalid),
        },
        election,
      );
      if (settlement === 'refund') refunds.set(candidate.iin, { on: addDays(officialOn, random.int(3, 12)), by: reviewer });
    }
    const decisionDate = addDays(officialOn, random.int(1, 7));
    akimRegistrations.push({
      electionSlug: election.slug,
      constituencyCode: constituency.code,
      outcome: winner ? 'registered' : 'repeat_election',
      candidateIin: winner?.iin ?? null,
      decisionNumber: '',
      decisionDate,
      reason: winner ? null : 'The result requires a repeat election under the election’s rules.',
      recordedAt: addMinutes(at(decisionDate, '05:00'), random.int(0, 300)),
      recordedBy: reviewer,
    });
  }
  return {
    candidates: candidates.map((candidate) => {
      const refund = refunds.get(candidate.iin);
      return refund ? { ...candidate, depositRefundedOn: refund.on, depositRefundRecordedBy: refund.by } : candidate;
    }),
    akimRegistrations,
  };
}
