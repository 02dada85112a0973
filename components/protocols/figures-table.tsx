import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AKIM_PROTOCOL, fieldValue, SIGNATURE_KEYS, type FigureKey, type ProtocolDefinition, type ProtocolFigures } from '@/lib/protocols/definition';
import { StruckLine } from './struck-line';

type Column = { label: string; figures: ProtocolFigures };

/**
 * Protocol figures side by side (copies of one version, or one approved protocol), line by line
 * as the definition orders them, signatures included; differing rows stand out. The approved
 * list's figure is shown above line 1 as the reference it is.
 */
export async function FiguresTable({
  columns,
  candidates,
  againstAllOnBallot,
  caption,
  votersOnList,
  definition = AKIM_PROTOCOL,
}: {
  columns: Column[];
  candidates: { id: number; fullName: string; ballotOrder: number; struck?: boolean }[];
  againstAllOnBallot: boolean;
  caption: string;
  votersOnList?: number;
  definition?: ProtocolDefinition;
}) {
  const [t, format] = await Promise.all([getTranslations('protocols'), getFormatter()]);
  type Row = { key: string; number?: string; label: ReactNode; value: (f: ProtocolFigures) => string | number | boolean | null; reference?: boolean };
  const show = (value: string | number | boolean | null, key: string) => {
    if (value === null) return key.startsWith('signatures.') ? t('signatures.notRecorded') : '—';
    if (typeof value === 'boolean') return t(value ? 'signatures.yes' : 'signatures.no');
    if (typeof value === 'number') return format.number(value);
    return key === 'signatures.signedAt' ? value.replace('T', ' ') : value;
  };
  const rows: Row[] = [
    ...(votersOnList === undefined ? [] : [{ key: 'listFigure', label: t('fields.listFigure'), value: () => votersOnList, reference: true }]),
    ...definition.lines.map((line) => ({
      key: line.key,
      number: String(line.number),
      label: t(`fields.${line.key}`),
      value: (f: ProtocolFigures) => fieldValue(f, line.key),
    })),
    ...candidates.map((c) => ({
      key: `votes.${c.id}`,
      number: `${definition.candidatesLine}.${c.ballotOrder}`,
      label: c.struck ? <StruckLine number={c.ballotOrder} name={c.fullName} /> : t('form.candidateVotes', { number: c.ballotOrder, name: c.fullName }),
      value: (f: ProtocolFigures) => fieldValue(f, `votes.${c.id}` as FigureKey),
    })),
    ...(againstAllOnBallot
      ? [
          {
            key: 'votesAgainstAll',
            number: String(definition.againstAllLine),
            label: t('fields.votesAgainstAll'),
            value: (f: ProtocolFigures) => f.votesAgainstAll,
          },
        ]
      : []),
    ...SIGNATURE_KEYS.map((key) => ({ key: `signatures.${key}`, label: t(`signatures.${key}`), value: (f: ProtocolFigures) => fieldValue(f, key) })),
  ];
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="figures-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-2">
              №
            </th>
            <th scope="col" className="py-1 pr-3">
              {t('field')}
            </th>
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
            const differs = !row.reference && new Set(values).size > 1;
            return (
              <tr
                key={row.key}
                className={`border-b last:border-0 ${differs ? 'bg-amber-100 font-semibold' : ''} ${row.reference ? 'text-slate-500' : ''}`}
                data-differs={differs || undefined}
                data-line={row.key}
              >
                <td className="py-1 pr-2 tabular-nums text-slate-500">{row.number ?? ''}</td>
                <th scope="row" className="py-1 pr-3 font-normal">
                  {row.label}
                  {differs && <span className="sr-only"> ({t('differs')})</span>}
                </th>
                {values.map((value, index) => (
                  <td key={index} className="py-1 pr-3 text-right tabular-nums">
                    {show(value, row.key)}
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
