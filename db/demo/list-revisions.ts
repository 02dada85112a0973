import type { DemoConstituency, DemoElection, DemoListRevision } from './types';
import { staffEmail } from './users';

/** Each region's approved constituency list, revision 1: what the constituencies were copied from. */
export function approvedListRevisions(
  election: DemoElection,
  constituencies: DemoConstituency[],
  times: { createdAt: Date; submittedAt: Date; reviewedAt: Date },
): DemoListRevision[] {
  const regionCodes = [...new Set(constituencies.map((constituency) => constituency.regionCode))];
  return regionCodes.map((regionCode) => ({
    electionSlug: election.slug,
    regionCode,
    revisionNo: 1,
    status: 'approved',
    content: {
      constituencies: constituencies
        .filter((constituency) => constituency.regionCode === regionCode)
        .map(({ code, kind, nameKk, nameRu, nameEn, precincts }) => ({ code, kind, nameKk, nameRu, nameEn, precincts })),
    },
    createdBy: staffEmail('operator', regionCode),
    createdAt: times.createdAt,
    updatedBy: staffEmail('operator', regionCode),
    updatedAt: times.submittedAt,
    submittedBy: staffEmail('operator', regionCode),
    submittedAt: times.submittedAt,
    reviewedBy: staffEmail('reviewer', regionCode),
    reviewedAt: times.reviewedAt,
    reviewComment: null,
  }));
}
