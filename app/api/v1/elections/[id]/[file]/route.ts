import { currentImageHashes, protocolImagesJson } from '@/lib/protocol-images/open-data';
import { cachedPublishedImages } from '@/lib/protocol-images/public';
import { encodeDocument, jsonError, versionedResponse } from '@/lib/results/api';
import { cachedCandidates, cachedDerived, cachedElectionResults, cachedElections, cachedPrecinctResults } from '@/lib/results/cache';
import { candidatesCsv, candidatesJson, resultsCsv, resultsJson } from '@/lib/results/export';
import { toNistElectionReport } from '@/lib/results/nist';

const FILES = ['results.json', 'results.csv', 'candidates.json', 'candidates.csv', 'nist-1500-100.json', 'protocol-images.json'] as const;
type File = (typeof FILES)[number];

/** The text of one open-data document, from the cached aggregation. */
async function documentText(electionId: number, file: File): Promise<string> {
  if (file === 'candidates.json') return JSON.stringify({ electionId, candidates: candidatesJson((await cachedCandidates(electionId)).value) });
  if (file === 'candidates.csv') return candidatesCsv((await cachedCandidates(electionId)).value);
  const [{ value: results }, { value: precincts }] = await Promise.all([cachedElectionResults(electionId), cachedPrecinctResults(electionId)]);
  if (!results) throw new Error(`election ${electionId} has no results`);
  if (file === 'results.csv') return resultsCsv(results, precincts);
  if (file === 'results.json') return JSON.stringify(resultsJson(results, precincts, new Date()));
  const { value: images } = await cachedPublishedImages(electionId);
  if (file === 'protocol-images.json') return JSON.stringify(protocolImagesJson(results, precincts, images, new Date()));
  const removed = (await cachedCandidates(electionId)).value.flatMap((candidate) =>
    candidate.wasRegistered && (candidate.status === 'withdrawn' || candidate.status === 'cancelled') ? [{ ...candidate, status: candidate.status }] : [],
  );
  return JSON.stringify(toNistElectionReport({ results, precincts, generatedAt: new Date(), removed, protocolImages: currentImageHashes(images) }));
}

/** GET /api/v1/elections/{id}/{file}: results and candidates as JSON, CSV and NIST SP 1500-100; the protocol images. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; file: string }> }) {
  const { id, file } = await params;
  if (!FILES.includes(file as File)) return jsonError(404, 'not_found', `Unknown document "${file}". Available: ${FILES.join(', ')}.`);
  const election = /^[0-9]{1,9}$/.test(id) ? (await cachedElections()).find((e) => e.id === Number(id)) : undefined;
  if (!election) return jsonError(404, 'not_found', `No election with id "${id}". See /api/v1/elections.`);
  try {
    // Encoded once per results version, then served as bytes.
    const { value: document, version } = await cachedDerived(file, election.id, async () => encodeDocument(await documentText(election.id, file as File)));
    const contentType = file.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
    return versionedResponse(request, `W/"${election.id}-${version}-${file}"`, document, contentType, `${election.slug}-${file}`);
  } catch (error) {
    console.error(`GET /api/v1/elections/${id}/${file} failed`, error);
    return jsonError(500, 'internal', 'The document could not be produced. Try again later.');
  }
}
