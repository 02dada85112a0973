import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { runGuardedCommand } from '@/lib/auth/guard';
import { attachProtocolImages, checkProtocolImageUpload } from '@/lib/protocol-images/commands';
import { discardFailedUpload } from '@/lib/protocol-images/files';
import { parseUploadForm, readLimitedBody, isSameOrigin, uploadResponse } from '@/lib/protocol-images/http';
import { inspectUpload } from '@/lib/protocol-images/inspect';
import { MAX_REQUEST_BYTES } from '@/lib/protocol-images/limits';
import { getFileStore } from '@/lib/storage';

/**
 * POST /api/staff/precincts/{id}/protocol-images: an operator attaches the image of the precinct's
 * signed protocol (multipart: `files`, `expectedVersionNo`, `reason`). A route handler, because
 * server actions cap bodies at 1 MB; outside the proxy's matcher, which would buffer the body.
 * The guard runs first, through the same command runner as everything else; then the files are
 * read (at most 4 × 10 MB), checked by their bytes, and stored by the upload command.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!isSameOrigin(request)) return uploadResponse({ ok: false, error: 'forbidden' });
  const precinctId = (await params).id;
  const allowed = await runGuardedCommand(checkProtocolImageUpload, { precinctId });
  if (!allowed.ok) return uploadResponse(allowed);

  const body = await readLimitedBody(request);
  if (!body)
    return uploadResponse({
      ok: false,
      error: 'tooLarge',
      refusals: [{ file: null, code: 'requestTooLarge', values: { max: String((MAX_REQUEST_BYTES / 1024 / 1024) | 0) } }],
    });
  let form: Awaited<ReturnType<typeof parseUploadForm>>;
  try {
    form = await parseUploadForm(body, request.headers.get('content-type') ?? '');
  } catch {
    return uploadResponse({ ok: false, error: 'invalid', refusals: [{ file: null, code: 'noFiles', values: {} }] });
  }
  const inspected = await inspectUpload(form.files);
  if (!inspected.ok) return uploadResponse({ ok: false, error: 'invalid', refusals: inspected.refusals });

  const result = await runGuardedCommand(attachProtocolImages, {
    precinctId,
    expectedVersionNo: form.expectedVersionNo,
    reason: form.reason,
    files: inspected.files,
  });
  if (!result.ok) {
    // With S3 the objects were written before the transaction failed: delete those nothing refers to.
    await discardFailedUpload(getDb(), getFileStore(), inspected.files).catch((error: unknown) =>
      console.error('discarding a failed upload failed (the sweeper will)', error),
    );
  } else {
    revalidatePath('/staff/protocols', 'layout');
  }
  return uploadResponse(result);
}
