'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState, type DragEvent } from 'react';
import { ACCEPT_ATTRIBUTE, UPLOAD_LIMITS } from '@/lib/protocol-images/limits';
import { fieldAria, FormField, inputClass, primaryButtonClass, secondaryButtonClass } from '../form-field';
import { failureText } from '../form-result';
import { StatusMessage, type Status } from '../status-message';
import { messageKey } from '@/lib/i18n/keys';

type Refusal = { file: string | null; code: string; values: Record<string, string> };
type UploadAnswer =
  | { ok: true }
  | {
      ok: false;
      error: string;
      message?: string;
      messageValues?: Record<string, string>;
      fieldErrors?: Record<string, string[] | undefined>;
      refusals?: Refusal[];
    };

/** Sends the form with XMLHttpRequest: fetch cannot report upload progress. */
function send(url: string, form: FormData, onProgress: (share: number) => void): Promise<UploadAnswer | null> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.responseType = 'json';
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () =>
      resolve(
        request.response && typeof request.response === 'object'
          ? (request.response as UploadAnswer)
          : { ok: false, error: request.status === 401 ? 'unauthenticated' : 'failed' },
      );
    request.onerror = () => resolve(null);
    request.send(form);
  });
}

/**
 * Attaching the image of a precinct's signed protocol: drag and drop, a file picker, or a phone's
 * camera; files checked for size at once, then uploaded with progress shown. The server checks
 * everything again by the bytes and says, file by file, what it refused.
 */
export function UploadForm({ precinctId, latestVersionNo, reasonRequired }: { precinctId: number; latestVersionNo: number; reasonRequired: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const id = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [refusals, setRefusals] = useState<string[]>([]);
  const [status, setStatus] = useState<Status>(null);
  const refusalText = (refusal: Refusal) =>
    `${refusal.file ? `${refusal.file}: ` : ''}${t(messageKey(`protocolImages.refusals.${refusal.code}`), refusal.values)}`;

  const add = (list: FileList | null) => {
    if (!list) return;
    setStatus(null);
    setFiles((current) => [...current, ...Array.from(list)]);
  };
  // Told before a byte is sent; the server checks again whatever the browser does.
  const early: Refusal[] = [
    ...files.flatMap((file): Refusal[] =>
      file.size === 0
        ? [{ file: file.name, code: 'empty', values: {} }]
        : file.size > UPLOAD_LIMITS.maxFileBytes
          ? [
              {
                file: file.name,
                code: 'tooLarge',
                values: { size: (file.size / 1024 / 1024).toFixed(1), max: String(UPLOAD_LIMITS.maxFileBytes / 1024 / 1024) },
              },
            ]
          : [],
    ),
    ...(files.length > UPLOAD_LIMITS.maxFiles
      ? [{ file: null, code: 'tooManyFiles', values: { count: String(files.length), max: String(UPLOAD_LIMITS.maxFiles) } }]
      : []),
  ];
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    add(event.dataTransfer.files);
  };

  async function upload() {
    setStatus(null);
    setRefusals([]);
    setReasonError(undefined);
    if (files.length === 0) return setStatus({ kind: 'error', text: t('protocolImages.upload.nothingSelected') });
    if (early.length) return setRefusals(early.map(refusalText));
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    form.append('expectedVersionNo', String(latestVersionNo));
    if (reason) form.append('reason', reason);
    setProgress(0);
    const answer = await send(`/api/staff/precincts/${precinctId}/protocol-images`, form, setProgress);
    setProgress(null);
    if (!answer) return setStatus({ kind: 'error', text: t('protocolImages.upload.network') });
    if (answer.ok) {
      setFiles([]);
      setReason('');
      setStatus({ kind: 'success', text: t('protocolImages.upload.done') });
      return router.refresh();
    }
    if (answer.refusals) return setRefusals(answer.refusals.map(refusalText));
    const reasonMessage = answer.fieldErrors?.reason?.[0];
    if (reasonMessage) setReasonError(t(messageKey(reasonMessage)));
    setStatus({ kind: 'error', text: failureText(t, answer as never) });
  }

  const percent = progress === null ? null : Math.round(progress * 100);
  return (
    <form
      aria-labelledby={`${id}-title`}
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        void upload();
      }}
    >
      <h3 id={`${id}-title`} className="font-semibold">
        {t(latestVersionNo ? 'protocolImages.upload.titleReplace' : 'protocolImages.upload.title')}
      </h3>
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        {t('protocolImages.upload.hint')}
      </p>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex flex-col items-center gap-3 rounded-lg border-2 border-dashed p-5 text-center text-sm ${dragging ? 'border-brand-600 bg-brand-50' : 'border-slate-300'}`}
        data-testid="drop-zone"
      >
        <p>
          {t('protocolImages.upload.drop')}{' '}
          <label htmlFor={`${id}-files`} className="cursor-pointer font-medium text-brand-700 underline">
            {t('protocolImages.upload.choose')}
          </label>
        </p>
        <input
          id={`${id}-files`}
          type="file"
          multiple
          accept={ACCEPT_ATTRIBUTE}
          aria-describedby={`${id}-hint`}
          className="sr-only"
          onChange={(event) => add(event.target.files)}
          data-testid="file-input"
        />
        {/* On a phone this opens the camera directly. */}
        <label htmlFor={`${id}-camera`} className={`${secondaryButtonClass} cursor-pointer`}>
          {t('protocolImages.upload.camera')}
        </label>
        <input
          id={`${id}-camera`}
          type="file"
          accept="image/jpeg,image/png"
          capture="environment"
          className="sr-only"
          onChange={(event) => add(event.target.files)}
        />
      </div>
      {files.length > 0 && (
        <div>
          <p className="text-sm font-medium">{t('protocolImages.upload.selected')}</p>
          <ul className="flex flex-col gap-1 text-sm" data-testid="selected-files">
            {files.map((file, index) => (
              <li key={`${file.name}-${index}`} className="flex items-center justify-between gap-2">
                <span className="break-all">
                  {file.name} ({(file.size / 1024 / 1024).toFixed(2)} MB)
                </span>
                <button type="button" className="text-sm text-red-700 underline" onClick={() => setFiles(files.filter((_, i) => i !== index))}>
                  {t('protocolImages.upload.remove', { name: file.name })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {reasonRequired && (
        <FormField id={`${id}-reason`} label={t('protocolImages.upload.reason')} hint={t('protocolImages.upload.reasonHint')} error={reasonError}>
          <textarea
            {...fieldAria(`${id}-reason`, reasonError, t('protocolImages.upload.reasonHint'))}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            rows={2}
            className={inputClass}
          />
        </FormField>
      )}
      {percent !== null && (
        <div className="flex items-center gap-2 text-sm">
          <progress value={percent} max={100} aria-label={t('protocolImages.upload.progress')} className="w-48" />
          <span aria-live="polite">
            {percent < 100 ? t('protocolImages.upload.uploading', { percent: String(percent) }) : t('protocolImages.upload.checking')}
          </span>
        </div>
      )}
      {refusals.length > 0 && (
        <ul role="alert" className="flex flex-col gap-1 text-sm text-red-700" data-testid="upload-refusals">
          {refusals.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      <div>
        <button type="submit" className={primaryButtonClass} disabled={percent !== null}>
          {t('protocolImages.upload.submit')}
        </button>
      </div>
      <StatusMessage status={status} />
    </form>
  );
}
