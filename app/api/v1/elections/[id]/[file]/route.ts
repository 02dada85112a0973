import { documentResponse, jsonError } from '@/lib/results/api';
import { cachedElections } from '@/lib/results/cache';
import { cachedDocument, OPEN_DATA_FILES, type OpenDataFile } from '@/lib/results/documents';

/** GET /api/v1/elections/{id}/{file}: results and candidates as JSON, CSV and NIST SP 1500-100; the protocol images. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; file: string }> }) {
  const { id, file } = await params;
  if (!OPEN_DATA_FILES.includes(file as OpenDataFile))
    return jsonError(404, 'not_found', `Unknown document "${file}". Available: ${OPEN_DATA_FILES.join(', ')}.`);
  const election = /^[0-9]{1,9}$/.test(id) ? (await cachedElections()).find((e) => e.id === Number(id)) : undefined;
  if (!election) return jsonError(404, 'not_found', `No election with id "${id}". See /api/v1/elections.`);
  try {
    const { value: document, version } = await cachedDocument(election.id, file as OpenDataFile);
    const contentType = file.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
    return documentResponse(request, `W/"${election.id}-${version}-${file}"`, document, contentType, `${election.slug}-${file}`);
  } catch (error) {
    console.error(`GET /api/v1/elections/${id}/${file} failed`, error);
    return jsonError(500, 'internal', 'The document could not be produced. Try again later.');
  }
}
