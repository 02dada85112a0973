import 'server-only';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { jsonChunks } from '@/lib/json-chunks';
import { currentImageHashes, protocolImagesJson } from '@/lib/protocol-images/open-data';
import { cachedPublishedImages } from '@/lib/protocol-images/public';
import { cachedCandidates, cachedDerived, cachedElectionResults, cachedPrecinctResults } from './cache';
import { candidatesCsvChunks, candidatesJson, resultsCsvChunks, resultsJson } from './export';
import { toNistElectionReport } from './nist';

/**
 * The open-data documents (decision 018): each written in pieces straight into gzip, once per
 * results version, and kept compressed. At 100,000 precincts results.csv is 65 MB of text and
 * the NIST report 120 MB; neither is ever one string, and what an instance keeps is a tenth.
 */
export const OPEN_DATA_FILES = ['results.json', 'results.csv', 'candidates.json', 'candidates.csv', 'nist-1500-100.json', 'protocol-images.json'] as const;
export type OpenDataFile = (typeof OPEN_DATA_FILES)[number];

/** A document as kept: its gzip bytes. */
export type CompressedDocument = { gzip: Buffer };

/** The text of one document, in pieces, from the cached aggregation. */
async function documentChunks(electionId: number, file: OpenDataFile): Promise<Iterable<string>> {
  if (file === 'candidates.json') return jsonChunks({ electionId, candidates: candidatesJson((await cachedCandidates(electionId)).value) });
  if (file === 'candidates.csv') return candidatesCsvChunks((await cachedCandidates(electionId)).value);
  const [{ value: results }, { value: precincts }] = await Promise.all([cachedElectionResults(electionId), cachedPrecinctResults(electionId)]);
  if (!results) throw new Error(`election ${electionId} has no results`);
  if (file === 'results.csv') return resultsCsvChunks(results, precincts);
  if (file === 'results.json') return jsonChunks(resultsJson(results, precincts, new Date()));
  const { value: images } = await cachedPublishedImages(electionId);
  if (file === 'protocol-images.json') return jsonChunks(protocolImagesJson(results, precincts, images, new Date()));
  const removed = (await cachedCandidates(electionId)).value.flatMap((candidate) =>
    candidate.wasRegistered && (candidate.status === 'withdrawn' || candidate.status === 'cancelled') ? [{ ...candidate, status: candidate.status }] : [],
  );
  return jsonChunks(toNistElectionReport({ results, precincts, generatedAt: new Date(), removed, protocolImages: currentImageHashes(images) }));
}

/** Text pieces compressed as they come; waiting for gzip between pieces lets other requests run meanwhile. */
async function gzipChunks(chunks: Iterable<string>): Promise<CompressedDocument> {
  const gzip = createGzip({ level: 6 });
  const parts: Buffer[] = [];
  gzip.on('data', (part: Buffer) => parts.push(part));
  const ended = once(gzip, 'end');
  for (const chunk of chunks) {
    if (!gzip.write(Buffer.from(chunk, 'utf8'))) await once(gzip, 'drain');
  }
  gzip.end();
  await ended;
  return { gzip: Buffer.concat(parts) };
}

/** One document, built once per results version and instance (readers arriving meanwhile share the build). */
export const cachedDocument = (electionId: number, file: OpenDataFile) =>
  cachedDerived(`document:${file}`, electionId, async () => gzipChunks(await documentChunks(electionId, file)));
