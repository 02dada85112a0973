import 'server-only';
import type { ActionResult, ErrorCode } from '@/lib/commands';
import type { Refusal } from './inspect';
import { MAX_REQUEST_BYTES } from './limits';

/** What the upload route answers: the command's result, or the files refused before it ran. */
export type UploadResponse = ActionResult<{ versionNo: number; files: string[] }> | { ok: false; error: 'invalid' | 'tooLarge'; refusals: Refusal[] };

const STATUS: Record<ErrorCode | 'tooLarge', number> = {
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  invalid: 422,
  conflict: 409,
  invalidState: 409,
  failed: 500,
  tooLarge: 413,
};

export const uploadResponse = (body: UploadResponse) =>
  Response.json(body, { status: body.ok ? 201 : STATUS[body.error], headers: { 'Cache-Control': 'no-store' } });

/**
 * A browser sends Origin with every POST; one from another site is refused, whatever cookies
 * came with it (route handlers lack the server actions' built-in check).
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return true;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The request body, or null as soon as it passes the limit (the rest is not read). */
export async function readLimitedBody(request: Request, limit = MAX_REQUEST_BYTES): Promise<Uint8Array | null> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return null;
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The multipart form of an upload: its files (named as the browser sent them) and its fields. */
export async function parseUploadForm(body: Uint8Array, contentType: string) {
  const form = await new Response(body as BodyInit, { headers: { 'content-type': contentType } }).formData();
  const files = await Promise.all(
    form
      .getAll('files')
      .flatMap((entry) => (typeof entry === 'string' ? [] : [entry.arrayBuffer().then((buffer) => ({ name: entry.name, bytes: new Uint8Array(buffer) }))])),
  );
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  return { files, expectedVersionNo: text('expectedVersionNo'), reason: text('reason') };
}
