'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { importPrecinctsCsvAction } from '@/app/(staff)/staff/lists/actions';
import type { RowError } from '@/lib/commands';
import { validatePrecinctCsvWithProgress } from '@/lib/constituency-lists/csv';
import { StatusMessage, type Status } from '../status-message';
import { failureText } from '../form-result';

/**
 * Precinct CSV import: the file is checked in the browser first (with progress, for large files),
 * then sent; the server checks it again and writes it whole or not at all.
 */
export function CsvImport({ revisionId, lockVersion, constituencyCodes, templateHref }: { revisionId: number; lockVersion: number; constituencyCodes: string[]; templateHref: string }) {
  const t = useTranslations();
  const router = useRouter();
  const inputId = useId();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const [status, setStatus] = useState<Status>(null);

  async function importFile(file: File) {
    setStatus(null);
    setRowErrors([]);
    const text = await file.text();
    const checked = await validatePrecinctCsvWithProgress(text, new Set(constituencyCodes), (done, total) => setProgress({ done, total }));
    if (!checked.ok) {
      setRowErrors(checked.errors);
      setStatus({ kind: 'error', text: t('lists.csvHasErrors', { count: checked.errors.length }) });
      return;
    }
    const result = await importPrecinctsCsvAction({ revisionId, lockVersion, csv: text });
    if (!result.ok) {
      setRowErrors(result.rowErrors ?? []);
      setStatus({ kind: 'error', text: failureText(t, result) });
      return;
    }
    setStatus({ kind: 'success', text: t('lists.csvImported', { rows: result.data.rows }) });
    router.refresh();
  }

  return (
    <section aria-labelledby={`${inputId}-heading`} className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 id={`${inputId}-heading`} className="font-semibold">
        {t('lists.csvTitle')}
      </h3>
      <p className="mt-1 text-sm text-slate-600">{t('lists.csvHelp')}</p>
      <div className="mt-3 flex flex-wrap items-center gap-4">
        <label htmlFor={inputId} className="text-sm font-medium">
          {t('lists.csvFile')}
        </label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void importFile(file);
            event.target.value = '';
          }}
          className="text-sm"
        />
        <a href={templateHref} className="text-sm font-medium text-brand-700 underline" download>
          {t('lists.csvTemplate')}
        </a>
      </div>
      {progress && progress.done < progress.total && (
        <progress className="mt-3 w-full" value={progress.done} max={progress.total} aria-label={t('lists.csvChecking')} />
      )}
      <StatusMessage status={status} className="mt-3" />
      {rowErrors.length > 0 && (
        <div className="mt-3 max-h-80 overflow-auto">
          <table className="w-full text-left text-sm" data-testid="csv-errors">
            <caption className="sr-only">{t('lists.csvErrorsCaption')}</caption>
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="pr-3">{t('lists.csvLine')}</th>
                <th scope="col" className="pr-3">{t('lists.csvColumn')}</th>
                <th scope="col" className="pr-3">{t('lists.csvValue')}</th>
                <th scope="col">{t('lists.csvProblem')}</th>
              </tr>
            </thead>
            <tbody>
              {rowErrors.map((error, index) => (
                <tr key={index} className="border-t">
                  <td className="pr-3 tabular-nums">{error.line}</td>
                  <td className="pr-3 font-mono text-xs">{error.column ?? '—'}</td>
                  <td className="pr-3">{error.value ?? ''}</td>
                  <td>{t(error.message)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
