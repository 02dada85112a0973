import type { Sex } from '@/lib/identity/iin';
import { birthDateForAge } from './calendar';
import { candidateChecklist, type AttestedCheckCode } from './candidate-checks';
import { kazakhFullName } from './people';
import type { Random } from './random';
import type { DemoCandidate, DemoConstituency, DemoElection } from './types';

export type IinIssuer = (birthDate: string, sex: Sex) => string;

export type Person = Pick<DemoCandidate, 'fullName' | 'iin' | 'birthDate' | 'sex' | 'education' | 'currentPosition'>;

/** Someone exactly `age` completed years old on voting day. */
export function newPerson(
  random: Random,
  issueIin: IinIssuer,
  details: { sex: Sex; age: number; votingDay: string; education: string; currentPosition: string },
): Person {
  const birthDate = birthDateForAge(random, details.age, details.votingDay);
  return {
    fullName: kazakhFullName(random, details.sex),
    iin: issueIin(birthDate, details.sex),
    birthDate,
    sex: details.sex,
    education: details.education,
    currentPosition: details.currentPosition,
  };
}

export type Decision =
  | { status: 'nominated' }
  | { status: 'registered'; reviewer: string; at: Date }
  | { status: 'refused'; reviewer: string; at: Date; ground: string; note: string; failedAttestation?: { code: AttestedCheckCode; note: string } }
  | { status: 'withdrawn'; on: string; by: 'candidate' | 'party'; note: string };

type NominationInput = {
  election: DemoElection;
  constituency: DemoConstituency;
  person: Person;
  partyCode: string | null;
  nominatedOn: string;
  createdAt: Date;
  depositPaidOn: string | null;
  supportingSignatures: number | null;
  enteredBy: string;
  decision: Decision;
};

/** A nominee as the operator entered them and, when decided, the commission's decision and checklist. */
export function nomination(input: NominationInput): DemoCandidate {
  const { election, constituency, decision } = input;
  const decided = decision.status === 'registered' || decision.status === 'refused' ? decision : null;
  const candidate: Omit<DemoCandidate, 'checks'> = {
    electionSlug: election.slug,
    constituencyCode: constituency.code,
    ...input.person,
    nominationRoute: input.partyCode === null ? 'self' : 'party',
    partyCode: input.partyCode,
    nominatedOn: input.nominatedOn,
    applicationReceived: true,
    assetDeclarationsReceived: !(decision.status === 'refused' && decision.failedAttestation?.code === 'declarations'),
    depositAmount: input.depositPaidOn === null ? 0 : election.depositAmount,
    depositPaidOn: input.depositPaidOn,
    supportingSignatures: input.supportingSignatures,
    status: decision.status,
    // Ballot order is assigned once the constituency's list of registered candidates is final.
    ballotOrder: null,
    decidedBy: decided?.reviewer ?? null,
    decidedAt: decided?.at ?? null,
    refusalGround: decision.status === 'refused' ? decision.ground : null,
    decisionNote: decision.status === 'refused' || decision.status === 'withdrawn' ? decision.note : null,
    withdrawnOn: decision.status === 'withdrawn' ? decision.on : null,
    withdrawnBy: decision.status === 'withdrawn' ? decision.by : null,
    enteredBy: input.enteredBy,
    createdAt: input.createdAt,
  };
  const checks = candidateChecklist({
    election,
    candidate,
    constituencyVoters: constituency.precincts.reduce((total, precinct) => total + precinct.votersOnList, 0),
    attestation: decided ? { reviewer: decided.reviewer, at: decided.at } : null,
    failedAttestation: decision.status === 'refused' ? decision.failedAttestation : undefined,
  });
  return { ...candidate, checks };
}

const KAZAKH_ORDER = new Intl.Collator('kk');

/** Registered candidates appear on the ballot in alphabetical order, numbered from 1 per constituency. */
export function withBallotOrder(candidates: DemoCandidate[]): DemoCandidate[] {
  const orderByIin = new Map<string, number>();
  for (const code of new Set(candidates.map((candidate) => candidate.constituencyCode))) {
    candidates
      .filter((candidate) => candidate.constituencyCode === code && candidate.status === 'registered')
      .sort((a, b) => KAZAKH_ORDER.compare(a.fullName, b.fullName) || a.iin.localeCompare(b.iin))
      .forEach((candidate, index) => orderByIin.set(candidate.iin, index + 1));
  }
  return candidates.map((candidate) => ({ ...candidate, ballotOrder: orderByIin.get(candidate.iin) ?? null }));
}
