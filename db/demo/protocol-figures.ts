import { apportion } from './arithmetic';
import { addMinutes } from './calendar';
import { kazakhFullName } from './people';
import type { Random } from './random';
import type { ProtocolFigures } from './types';

/**
 * A precinct's counted results for `ballotsCast` ballots found in the boxes, satisfying every
 * control relation of the protocol (lib/protocols/definition.ts): received = issued (both kinds) +
 * spoiled + unused; found ≤ issued ≤ voters at the close; found in mobile boxes ≤ issued outside
 * the premises; found = invalid + Σ candidate votes + against all. `weights` are the candidates'
 * relative support. `day` draws what happened on the day (voters added to the list, mobile-box
 * voting, who signed) from its own sequence, so the counted votes stay as they were.
 */
export function countPrecinct(
  random: Random,
  day: Random,
  input: {
    votersOnList: number;
    ballotsCast: number;
    againstAllOnBallot: boolean;
    candidates: { iin: string; weight: number }[];
    votersAdded?: number;
    pollsClosedAt: Date;
  },
): ProtocolFigures {
  const { votersOnList, ballotsCast } = input;
  const votersAtClose = votersOnList + (input.votersAdded ?? 0);
  const ballotsInvalid = Math.round(ballotsCast * random.float(0.005, 0.02));
  const votesAgainstAll = input.againstAllOnBallot ? Math.round(ballotsCast * random.float(0.01, 0.04)) : null;
  const candidateVotes = apportion(
    ballotsCast - ballotsInvalid - (votesAgainstAll ?? 0),
    input.candidates.map((candidate) => candidate.weight * random.float(0.75, 1.25)),
  );
  // A few voters take a ballot and leave without casting it; a few ballots are spoiled and replaced.
  const ballotsIssued = Math.min(votersAtClose, ballotsCast + random.int(0, 2));
  const ballotsSpoiled = Math.min(votersAtClose - ballotsIssued, random.int(0, 4));
  // Two precincts in three took a mobile box to voters at home or in hospital; every ballot taken out came back in it.
  const ballotsIssuedOutside = day.int(0, 2) > 0 ? Math.round(ballotsCast * day.float(0.005, 0.04)) : 0;
  // Ballots are printed to the number of voters on the list; a grown list is served from the reserve.
  const ballotsReceived = votersAtClose;
  const members = day.int(7, 11);
  const present = members - day.int(0, 2);
  return {
    votersOnList,
    votersAtClose,
    ballotsReceived,
    ballotsIssuedPremises: ballotsIssued - ballotsIssuedOutside,
    ballotsIssuedOutside,
    ballotsFoundStationary: ballotsCast - ballotsIssuedOutside,
    ballotsFoundMobile: ballotsIssuedOutside,
    ballotsSpoiled,
    ballotsUnused: ballotsReceived - ballotsIssued - ballotsSpoiled,
    ballotsInvalid,
    votesAgainstAll,
    chairName: kazakhFullName(day, day.int(0, 1) ? 'male' : 'female'),
    secretaryName: kazakhFullName(day, day.int(0, 1) ? 'male' : 'female'),
    membersTotal: members,
    membersPresent: present,
    membersSigning: present - (day.int(0, 9) === 0 ? 1 : 0),
    dissentAttached: day.int(0, 49) === 0,
    // Signed once the count was done, soon after the polls closed.
    signedAt: addMinutes(input.pollsClosedAt, day.int(5, 25)),
    votes: input.candidates.map((candidate, index) => ({ candidateIin: candidate.iin, votes: candidateVotes[index] ?? 0 })),
  };
}

/** Ballots found in both kinds of boxes. */
export const foundIn = (figures: Pick<ProtocolFigures, 'ballotsFoundStationary' | 'ballotsFoundMobile'>) =>
  figures.ballotsFoundStationary + figures.ballotsFoundMobile;
