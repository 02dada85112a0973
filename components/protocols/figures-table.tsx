import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { BALLOT_FIELDS, type ProtocolFigures } from '@/lib/protocols/relations';
import { StruckLine } from './struck-line';

type Column = { label: string; figures: ProtocolFigures };

/** Protocol figures side by side (copies of one version, or one approved protocol); differing rows stand out. */
export async function FiguresTable({ columns, candidates, againstAllOnBallot, caption }: { columns: Column[]; candidates: { id: number; fullName: string; ballotOrder: number; struck?: boolean }[]; againstAllOnBallot: boolean; caption: string }) {
  const [t, format] = await Promise.all([getTranslations('protocols'), getFormatter()]);
  const rows: { key: string; label: ReactNode; value: (f: ProtocolFigures) => number | null }[] = [
    { key: 'votersOnList', label: t('fields.votersOnList'), value: (f) => f.votersOnList },
    ...BALLOT_FIELDS.map((field) => ({ key: field, label: t(`fields.${field}`), value: (f: ProtocolFigures) => f[field] })),
    ...candidates.map((c) => ({
      key: `votes.${c.id}`,
      label: c.struck ? <StruckLine number={c.ballotOrder} name={c.fullName} /> : t('form.candidateVotes', { number: c.ballotOrder, name: c.fullName }),
      value: (f: ProtocolFigures) => f.votes[c.id] ?? null,
    })),
    ...(againstAllOnBallot ? [{ key: 'votesAgainstAll', label: t('fields.votesAgainstAll'), value: (f: ProtocolFigures) => f.votesAgainstAll }] : []),
  ];
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="figures-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-3">{t('field')}</th>
            {columns.map((column) => (
              <th key={column.label} scope="col" className="py-1 pr-3 text-right">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const values = columns.map((column) => row.value(column.figures));
            const differs = new Set(values).size > 1;
            return (
              <tr key={row.key} className={`border-b last:border-0 ${differs ? 'bg-amber-100 font-semibold' : ''}`} data-differs={differs || undefined}>
                <th scope="row" className="py-1 pr-3 font-normal">
                  {row.label}
                  {differs && <span className="sr-only"> ({t('differs')})</span>}
                </th>
                {values.map((value, index) => (
                  <td key={index} className="py-1 pr-3 text-right tabular-nums">
                    {value === null ? '—' : format.number(value)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
