import { validateIin } from '@/lib/identity/iin';
import { formatCount } from './arithmetic';
import { ageOn } from './calendar';
import { partyName } from './parties';
import type { DemoCandidate, DemoCheck, DemoElection } from './types';

export type AttestedCheckCode = 'citizenship' | 'criminal_record' | 'civil_service' | 'declarations';

/** The minimum number of valid supporting signatures: the election's share of the voters, rounded up. */
export const requiredSignatures = (election: DemoElection, votersOnList: number) => Math.ceil((votersOnList * election.signatureShareBp) / 10_000);

const ATTESTED_PASSED_NOTES: Record<AttestedCheckCode, string> = {
  citizenship: 'Citizen of the Republic of Kazakhstan: identity document checked',
  criminal_record: 'No criminal record: certificate of the Committee on Legal Statistics and Special Records checked',
  civil_service: 'Meets the qualification requirements for the post: higher education and work experience checked',
  declarations: 'Asset and liability declarations of the candidate and spouse filed, with tax-authority certificates',
};

type ChecklistInput = {
  election: DemoElection;
  candidate: Pick<
    DemoCandidate,
    'iin' | 'birthDate' | 'sex' | 'nominationRoute' | 'partyCode' | 'nominatedOn' | 'depositAmount' | 'depositPaidOn' | 'supportingSignatures' | 'createdAt'
  >;
  constituencyName: string;
  constituencyVoters: number;
  /** Attested checks: decided by this reviewer at this time, or still pending when null. */
  attestation: { reviewer: string; at: Date } | null;
  /** The attested check the reviewer failed, with the reason written down. */
  failedAttestation?: { code: AttestedCheckCode; note: string };
};

/**
 * A nominee's checklist. The automatic checks are worked out from the nominee's data, as the
 * portal would, so their outcome and detail always agree with the figures they cite.
 */
export function candidateChecklist(input: ChecklistInput): DemoCheck[] {
  const { election, candidate } = input;
  const automatic = (code: string, outcome: 'passed' | 'failed' | 'pending', detail: string): DemoCheck => ({
    code,
    kind: 'automatic',
    outcome,
    detail,
    decidedBy: null,
    decidedAt: outcome === 'pending' ? null : candidate.createdAt,
  });
  const age = ageOn(candidate.birthDate, election.votingDay);
  const ageOk = age >= election.minCandidateAge;
  const iin = validateIin(candidate.iin, { birthDate: candidate.birthDate, sex: candidate.sex });
  const depositOk = candidate.depositAmount >= election.depositAmount;
  const inWindow = election.nominationOpensOn <= candidate.nominatedOn && candidate.nominatedOn <= election.nominationClosesOn;
  const checks = [
    automatic('age', ageOk ? 'passed' : 'failed', `Age on voting day ${age} ${ageOk ? '≥' : '<'} ${election.minCandidateAge}`),
    automatic(
      'iin',
      iin.ok ? 'passed' : 'failed',
      iin.ok ? `IIN checksum valid; encodes birth date ${iin.birthDate} and sex ${iin.sex}` : `IIN invalid: ${iin.reason}`,
    ),
    candidate.depositPaidOn === null
      ? automatic('deposit', 'pending', `No deposit payment recorded yet (required ${formatCount(election.depositAmount)} KZT)`)
      : automatic(
          'deposit',
          depositOk ? 'passed' : 'failed',
          `Deposit ${formatCount(candidate.depositAmount)} KZT paid on ${candidate.depositPaidOn} (required ${formatCount(election.depositAmount)} KZT)`,
        ),
  ];
  if (candidate.nominationRoute === 'self') {
    const required = requiredSignatures(election, input.constituencyVoters);
    const signatures = candidate.supportingSignatures ?? 0;
    const enough = signatures >= required;
    checks.push(
      automatic(
        'signatures',
        enough ? 'passed' : 'failed',
        `${formatCount(signatures)} valid signatures ${enough ? '≥' : '<'} ${formatCount(required)} required (${election.signatureShareBp / 100}% of ${formatCount(input.constituencyVoters)} voters)`,
      ),
    );
  }
  checks.push(
    automatic(
      'nomination_window',
      inWindow ? 'passed' : 'failed',
      `Nominated on ${candidate.nominatedOn}, ${inWindow ? 'within' : 'outside'} ${election.nominationOpensOn} – ${election.nominationClosesOn}`,
    ),
  );
  if (candidate.partyCode !== null) {
    checks.push(automatic('party_quota', 'passed', `The only ${partyName(candidate.partyCode)} nominee in ${input.constituencyName}`));
  }
  for (const code of Object.keys(ATTESTED_PASSED_NOTES) as AttestedCheckCode[]) {
    const failure = input.failedAttestation?.code === code ? input.failedAttestation : null;
    const attestation = input.attestation;
    checks.push({
      code,
      kind: 'attested',
      outcome: attestation === null ? 'pending' : failure ? 'failed' : 'passed',
      detail: attestation === null ? '' : (failure?.note ?? ATTESTED_PASSED_NOTES[code]),
      decidedBy: attestation?.reviewer ?? null,
      decidedAt: attestation?.at ?? null,
    });
  }
  return checks;
}
