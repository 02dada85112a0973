'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { importPrecinctFileAction } from '@/lib/constituency-lists/actions';
import type { RowError } from '@/lib/commands';
import { readPrecinctFile, type FileSource } from '@/lib/constituency-lists/precinct-file';
import { PRECINCT_FILE_COLUMNS, validatePrecinctRecordsWithProgress } from '@/lib/constituency-lists/precinct-import';
import { StatusMessage, type Status } from '../status-message';
import { failureText } from '../form-result';
import { messageKey } from '@/lib/i18n/keys';

/** "Read as Windows-1251, separator ;" or "Read from the first sheet": the clerk sees how the file was understood. */
function useSourceText() {
  const t = useTranslations('lists.fileSource');
  return (source: FileSource) =>
    source.format === 'xlsx'
      ? t('xlsx')
      : t('csv', {
          encoding: t(`encodings.${source.encoding}`),
          delimiter: t(`delimiters.${source.delimiter === '\t' ? 'tab' : source.delimiter === ';' ? 'semicolon' : 'comma'}`),
        });
}

/**
 * Precinct import from CSV or Excel: the file is read and checked in the browser first (with
 * progress, for large files), then its bytes are sent; the server reads and checks them again and
 * writes the whole file or nothing.
 */
export function PrecinctImport({
  revisionId,
  lockVersion,
  constituencyCodes,
  templateBase,
}: {
  revisionId: number;
  lockVersion: number;
  constituencyCodes: string[];
  templateBase: string;
}) {
  const t = useTranslations();
  const sourceText = useSourceText();
  const router = useRouter();
  const inputId = useId();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const [source, setSource] = useState<FileSource | null>(null);
  const [status, setStatus] = useState<Status>(null);

  async function importFile(file: File) {
    setStatus(null);
    setRowErrors([]);
    setSource(null);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const reading = await readPrecinctFile(bytes, PRECINCT_FILE_COLUMNS.length);
    if (!reading.ok) return setStatus({ kind: 'error', text: t(reading.message) });
    setSource(reading.source);
    const checked = await validatePrecinctRecordsWithProgress(reading.records, new Set(constituencyCodes), (done, total) => setProgress({ done, total }));
    if (!checked.ok) {
      setRowErrors(checked.errors);
      return setStatus({ kind: 'error', text: t('lists.fileHasErrors', { count: checked.errors.length }) });
    }
    const result = await importPrecinctFileAction({ revisionId, lockVersion, file: bytes });
    if (!result.ok) {
      setRowErrors(result.rowErrors ?? []);
      return setStatus({ kind: 'error', text: failureText(t, result) });
    }
    setStatus({ kind: 'success', text: `${t('lists.fileImported', { rows: result.data.rows })} ${sourceText(result.data.source)}` });
    router.refresh();
  }

  return (
    <section aria-labelledby={`${inputId}-heading`} className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 id={`${inputId}-heading`} className="font-semibold">
        {t('lists.fileTitle')}
      </h3>
      <p id={`${inputId}-help`} className="mt-1 text-sm text-slate-600">
        {t('lists.fileHelp')}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
        <label htmlFor={inputId} className="text-sm font-medium">
          {t('lists.fileLabel')}
        </label>
        <input
          id={inputId}
          type="file"
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={`${inputId}-help`}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void importFile(file);
            event.target.value = '';
          }}
          className="max-w-full text-sm"
        />
        <a href={`${templateBase}/precincts.xlsx`} className="text-sm font-medium text-brand-700 underline" download>
          {t('lists.templateXlsx')}
        </a>
        <a href={`${templateBase}/precincts.csv`} className="text-sm font-medium text-brand-700 underline" download>
          {t('lists.templateCsv')}
        </a>
      </div>
      {progress && progress.done < progress.total && (
        <progress className="mt-3 w-full" value={progress.done} max={progress.total} aria-label={t('lists.fileChecking')} />
      )}
      {source && status?.kind === 'error' && (
        <p className="mt-3 text-sm text-slate-700" data-testid="file-source">
          {sourceText(source)}
        </p>
      )}
      <StatusMessage status={status} className="mt-3" />
      {rowErrors.length > 0 && (
        <div className="mt-3 max-h-80 overflow-auto">
          <table className="w-full text-left text-sm" data-testid="file-errors">
            <caption className="sr-only">{t('lists.fileErrorsCaption')}</caption>
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="pr-3">
                  {t(source?.format === 'xlsx' ? 'lists.sheetRow' : 'lists.fileLine')}
                </th>
                <th scope="col" className="pr-3">
                  {t('lists.fileColumn')}
                </th>
                <th scope="col" className="pr-3">
                  {t('lists.fileValue')}
                </th>
                <th scope="col">{t('lists.fileProblem')}</th>
              </tr>
            </thead>
            <tbody>
              {rowErrors.map((error, index) => (
                <tr key={index} className="border-t">
                  <td className="pr-3 tabular-nums">{error.line}</td>
                  <td className="pr-3 font-mono text-xs">{error.column ?? '—'}</td>
                  <td className="pr-3">{error.value ?? ''}</td>
                  <td>{t(messageKey(error.message), error.messageValues)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
