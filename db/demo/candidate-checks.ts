import { ATTESTED_CHECKS, automaticChecks, encodeDetail, requiredSignatures as signaturesFor, type AttestedCheckCode } from '@/lib/candidates/eligibility';
import type { DemoCandidate, DemoCheck, DemoElection } from './types';

export type { AttestedCheckCode };

export const requiredSignatures = (election: DemoElection, votersOnList: number) => signaturesFor(votersOnList, election.signatureShareBp);

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
  constituencyVoters: number;
  /** Attested checks: decided by this reviewer at this time, or still pending when null. */
  attestation: { reviewer: string; at: Date } | null;
  /** The attested check the reviewer failed, with the reason written down. */
  failedAttestation?: { code: AttestedCheckCode; note: string };
};

/**
 * A nominee's checklist. The automatic checks are decided by the portal's own rules
 * (lib/candidates/eligibility), so their outcome and working always agree with the figures.
 */
export function candidateChecklist(input: ChecklistInput): DemoCheck[] {
  const { election, candidate } = input;
  const checks: DemoCheck[] = automaticChecks(candidate, election, input.constituencyVoters).map((check) => ({
    code: check.code,
    kind: 'automatic',
    outcome: check.outcome,
    detail: encodeDetail(check.detail),
    decidedBy: null,
    decidedAt: candidate.createdAt,
  }));
  for (const code of ATTESTED_CHECKS) {
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
