import { lastWithdrawalDay } from '@/lib/elections/calendar';
import { cachedElectionProgress, cachedElections } from '@/lib/results/cache';
import { jsonError, PUBLIC_CACHE_CONTROL } from '@/lib/results/api';

/** GET /api/v1/elections: every announced election with its id, phase, calendar and results status. */
export async function GET() {
  try {
    const elections = await cachedElections();
    const rows = await Promise.all(
      elections.map(async (election) => {
        const { value: progress } = await cachedElectionProgress(election.id);
        return {
          id: election.id,
          slug: election.slug,
          name: { kk: election.nameKk, ru: election.nameRu, en: election.nameEn },
          kind: election.kind,
          phase: election.phase,
          votingDay: election.votingDay,
          nominationOpensOn: election.nominationOpensOn,
          nominationClosesOn: election.nominationClosesOn,
          registrationDeadline: election.registrationDeadline,
          withdrawalClosesOn: lastWithdrawalDay(election),
          resultsDeadline: election.resultsDeadline,
          akimRegistrationDeadline: election.akimRegistrationDeadline,
          status: progress.precinctsReported ? progress.status : 'pre-election',
          links: {
            results: `/api/v1/elections/${election.id}/results.json`,
            resultsCsv: `/api/v1/elections/${election.id}/results.csv`,
            candidates: `/api/v1/elections/${election.id}/candidates.json`,
            candidatesCsv: `/api/v1/elections/${election.id}/candidates.csv`,
            nist: `/api/v1/elections/${election.id}/nist-1500-100.json`,
            protocolImages: `/api/v1/elections/${election.id}/protocol-images.json`,
          },
        };
      }),
    );
    return Response.json({ elections: rows }, { headers: { 'Cache-Control': PUBLIC_CACHE_CONTROL, 'Access-Control-Allow-Origin': '*' } });
  } catch (error) {
    console.error('GET /api/v1/elections failed', error);
    return jsonError(500, 'internal', 'The elections could not be listed. Try again later.');
  }
}
