import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AKIM_PROTOCOL, fieldValue, SIGNATURE_KEYS, type FigureKey, type ProtocolDefinition, type ProtocolFigures } from '@/lib/protocols/definition';
import { StruckLine } from './struck-line';
import { Num, numeric, RowHeader, Table } from '../table';

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
    <Table
      testId="figures-table"
      caption={caption}
      density="compact"
      scroll="plain"
      columns={['№', t('field'), ...numeric(...columns.map((column) => column.label))]}
    >
      {rows.map((row) => {
        const values = columns.map((column) => row.value(column.figures));
        const differs = !row.reference && new Set(values).size > 1;
        return (
          <tr
            key={row.key}
            className={`${differs ? 'bg-amber-100 font-semibold' : ''} ${row.reference ? 'text-slate-500' : ''}`}
            data-differs={differs || undefined}
            data-line={row.key}
          >
            <td className="tabular-nums text-slate-500">{row.number ?? ''}</td>
            <RowHeader className="font-normal">
              {row.label}
              {differs && <span className="sr-only"> ({t('differs')})</span>}
            </RowHeader>
            {values.map((value, index) => (
              <Num key={index}>{show(value, row.key)}</Num>
            ))}
          </tr>
        );
      })}
    </Table>
  );
}
