import { todayInKazakhstan } from '@/lib/calendar';
import type { Sex } from '@/lib/identity/iin';
import type { RefusalGround } from '@/lib/candidates/eligibility';
import { birthDateForAge } from './calendar';
import { candidateChecklist, type AttestedCheckCode } from './candidate-checks';
import { kazakhFullName } from './people';
import type { Random } from './random';
import type { DemoCancellation, DemoCandidate, DemoConstituency, DemoElection, ElectionDemo } from './types';

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
  | { status: 'refused'; reviewer: string; at: Date; ground: RefusalGround; note: string; failedAttestation?: { code: AttestedCheckCode; note: string } }
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
    // The commission's decision is dated by Kazakhstan's day; numbers are given per constituency at the end (numberDecisions).
    decisionNumber: null,
    decisionDate: decided ? todayInKazakhstan(decided.at) : null,
    refusalGround: decision.status === 'refused' ? decision.ground : null,
    decisionNote: decision.status === 'refused' || decision.status === 'withdrawn' ? decision.note : null,
    withdrawnOn: decision.status === 'withdrawn' ? decision.on : null,
    withdrawnBy: decision.status === 'withdrawn' ? decision.by : null,
    depositRefundedOn: null,
    depositRefundRecordedBy: null,
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

/** Registered by the commission, whatever happened since. */
export const wasRegistered = (candidate: Pick<DemoCandidate, 'status' | 'decidedAt'>) =>
  candidate.status === 'registered' || candidate.status === 'cancelled' || (candidate.status === 'withdrawn' && candidate.decidedAt !== null);

/** A registered candidate who withdrew later (by a statement, or recalled by the party). */
export function withdrawnAfterRegistration(candidate: DemoCandidate, withdrawal: { on: string; by: 'candidate' | 'party'; note: string }): DemoCandidate {
  return { ...candidate, status: 'withdrawn', withdrawnOn: withdrawal.on, withdrawnBy: withdrawal.by, decisionNote: withdrawal.note };
}

/** A registered candidate whose registration the commission cancelled on a proposal. */
export function cancelledRegistration(
  candidate: DemoCandidate,
  cancellation: Omit<DemoCancellation, 'electionSlug' | 'candidateIin' | 'status' | 'dismissalReason' | 'decisionNumber'>,
): { candidate: DemoCandidate; cancellation: DemoCancellation } {
  return {
    candidate: { ...candidate, status: 'cancelled' },
    cancellation: {
      ...cancellation,
      electionSlug: candidate.electionSlug,
      candidateIin: candidate.iin,
      status: 'cancelled',
      dismissalReason: null,
      decisionNumber: null,
    },
  };
}

const KAZAKH_ORDER = new Intl.Collator('kk');

/**
 * Ballot numbers: the candidates on the ballot as printed, in alphabetical order, numbered from 1
 * per constituency. Someone removed after the printing day keeps the number (a struck line);
 * someone removed before it never had one.
 */
export function withBallotOrder(
  candidates: DemoCandidate[],
  printing: { printedOn: (constituencyCode: string) => string | null; cancellations: DemoCancellation[] } = { printedOn: () => null, cancellations: [] },
): DemoCandidate[] {
  const removedOn = (candidate: DemoCandidate) =>
    candidate.status === 'withdrawn'
      ? candidate.withdrawnOn
      : (printing.cancellations.find((cancellation) => cancellation.candidateIin === candidate.iin && cancellation.status === 'cancelled')?.decisionDate ??
        null);
  const onPrintedBallot = (candidate: DemoCandidate) => {
    if (candidate.status === 'registered') return true;
    const printedOn = printing.printedOn(candidate.constituencyCode);
    const removed = removedOn(candidate);
    return wasRegistered(candidate) && printedOn !== null && removed !== null && removed >= printedOn;
  };
  const orderByIin = new Map<string, number>();
  for (const code of new Set(candidates.map((candidate) => candidate.constituencyCode))) {
    candidates
      .filter((candidate) => candidate.constituencyCode === code && onPrintedBallot(candidate))
      .sort((a, b) => KAZAKH_ORDER.compare(a.fullName, b.fullName) || a.iin.localeCompare(b.iin))
      .forEach((candidate, index) => orderByIin.set(candidate.iin, index + 1));
  }
  return candidates.map((candidate) => ({ ...candidate, ballotOrder: orderByIin.get(candidate.iin) ?? null }));
}

/**
 * Numbers the territorial commissions' decisions of an election: per constituency, sittings in date
 * order and decisions within a sitting ("3/2" is the second decision of the third sitting).
 */
export function numberDecisions(part: ElectionDemo): ElectionDemo {
  type Decision = { constituencyCode: string; date: string; at: number; key: string };
  const constituencyOfIin = new Map(part.candidates.map((candidate) => [candidate.iin, candidate.constituencyCode]));
  const decisions: Decision[] = [
    ...part.candidates.flatMap((c) =>
      c.decisionDate ? [{ constituencyCode: c.constituencyCode, date: c.decisionDate, at: c.decidedAt?.getTime() ?? 0, key: `candidate:${c.iin}` }] : [],
    ),
    ...part.cancellations.flatMap((c) =>
      c.decisionDate
        ? [
            {
              constituencyCode: constituencyOfIin.get(c.candidateIin)!,
              date: c.decisionDate,
              at: c.decidedAt?.getTime() ?? 0,
              key: `cancellation:${c.candidateIin}`,
            },
          ]
        : [],
    ),
    ...part.akimRegistrations.map((r) => ({
      constituencyCode: r.constituencyCode,
      date: r.decisionDate,
      at: r.recordedAt.getTime(),
      key: `akim:${r.constituencyCode}`,
    })),
  ];
  const numbers = new Map<string, string>();
  for (const code of new Set(decisions.map((decision) => decision.constituencyCode))) {
    const own = decisions
      .filter((decision) => decision.constituencyCode === code)
      .sort((a, b) => a.date.localeCompare(b.date) || a.at - b.at || a.key.localeCompare(b.key));
    const sittings = [...new Set(own.map((decision) => decision.date))];
    for (const decision of own) {
      const sameDay = own.filter((other) => other.date === decision.date);
      numbers.set(decision.key, `${sittings.indexOf(decision.date) + 1}/${sameDay.indexOf(decision) + 1}`);
    }
  }
  return {
    ...part,
    candidates: part.candidates.map((c) => ({ ...c, decisionNumber: numbers.get(`candidate:${c.iin}`) ?? null })),
    cancellations: part.cancellations.map((c) => ({ ...c, decisionNumber: numbers.get(`cancellation:${c.candidateIin}`) ?? null })),
    akimRegistrations: part.akimRegistrations.map((r) => ({ ...r, decisionNumber: numbers.get(`akim:${r.constituencyCode}`)! })),
  };
}
