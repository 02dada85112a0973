import { getDb } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/guard';
import { isAllowed } from '@/lib/auth/permissions';
import { storedFileAccess } from '@/lib/protocol-images/queries';
import { getFileStore, isSha256, readVerified } from '@/lib/storage';

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf', 'image/svg+xml': 'svg' };
const notFound = () => new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * GET /protocol-images/{sha256}: a stored original or preview, addressed by the SHA-256 of its
 * bytes, so its content never changes. Published files (of reviewed images of approved
 * protocols) are public and cacheable for a year by any browser or CDN; others only for staff
 * who may view that precinct's protocol, never cached. `?download` asks to save it.
 */
export async function GET(request: Request, { params }: { params: Promise<{ sha256: string }> }) {
  const { sha256 } = await params;
  if (!isSha256(sha256)) return notFound();
  const db = getDb();
  const access = await storedFileAccess(db, sha256);
  if (!access) return notFound();
  if (!access.published) {
    const user = await getCurrentUser();
    // Unpublished files do not exist for anyone else: the same answer as an unknown hash.
    if (!user || !access.regionIds.some((regionId) => isAllowed(user, 'protocol.view', regionId))) return notFound();
  }
  const etag = `"${sha256}"`;
  const download = new URL(request.url).searchParams.has('download') || access.contentType === 'application/pdf';
  const headers: Record<string, string> = {
    'Content-Type': access.contentType,
    ETag: etag,
    'Cache-Control': access.published ? 'public, max-age=31536000, immutable' : 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
    // Opened directly, a file runs nothing and loads nothing.
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    'Content-Disposition': `${download ? 'attachment' : 'inline'}; filename="protocol-${sha256.slice(0, 16)}.${EXTENSIONS[access.contentType] ?? 'bin'}"`,
  };
  if (access.published) headers['Access-Control-Allow-Origin'] = '*';
  if (
    request.headers
      .get('if-none-match')
      ?.split(',')
      .some((tag) => tag.trim().replace(/^W\//, '') === etag)
  )
    return new Response(null, { status: 304, headers });
  const bytes = await readVerified(getFileStore(), db, sha256);
  if (!bytes) {
    console.error(`protocol image ${sha256} is referenced but missing from the ${getFileStore().backend} store`);
    return notFound();
  }
  return new Response(bytes as BodyInit, { headers: { ...headers, 'Content-Length': String(bytes.byteLength) } });
}
