import { apportion } from './arithmetic';
import type { Random } from './random';
import type { ProtocolFigures } from './types';

/**
 * A precinct's counted results for `ballotsCast` ballots, satisfying every control relation:
 * received = issued + spoiled + unused; cast ≤ issued ≤ voters on the list;
 * cast = invalid + Σ candidate votes + against all. `weights` are the candidates' relative support.
 */
export function countPrecinct(
  random: Random,
  input: { votersOnList: number; ballotsCast: number; againstAllOnBallot: boolean; candidates: { iin: string; weight: number }[] },
): ProtocolFigures {
  const { votersOnList, ballotsCast } = input;
  const ballotsInvalid = Math.round(ballotsCast * random.float(0.005, 0.02));
  const votesAgainstAll = input.againstAllOnBallot ? Math.round(ballotsCast * random.float(0.01, 0.04)) : null;
  const candidateVotes = apportion(
    ballotsCast - ballotsInvalid - (votesAgainstAll ?? 0),
    input.candidates.map((candidate) => candidate.weight * random.float(0.75, 1.25)),
  );
  // A few voters take a ballot and leave without casting it; a few ballots are spoiled and replaced.
  const ballotsIssued = Math.min(votersOnList, ballotsCast + random.int(0, 2));
  const ballotsSpoiled = Math.min(votersOnList - ballotsIssued, random.int(0, 4));
  // Ballots are printed to the number of voters on the list.
  const ballotsReceived = votersOnList;
  return {
    votersOnList,
    ballotsReceived,
    ballotsIssued,
    ballotsCast,
    ballotsSpoiled,
    ballotsUnused: ballotsReceived - ballotsIssued - ballotsSpoiled,
    ballotsInvalid,
    votesAgainstAll,
    votes: input.candidates.map((candidate, index) => ({ candidateIin: candidate.iin, votes: candidateVotes[index] ?? 0 })),
  };
}
