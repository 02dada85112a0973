import type { ReactNode } from 'react';
import { TableScroll } from './table-scroll';

/** A column heading: its text, whether the column holds figures (right-aligned), whether the heading is for screen readers only. */
export type Column = string | { label: ReactNode; numeric?: boolean; srOnly?: boolean };

/** Headings of columns of figures, right-aligned like the figures under them. */
export const numeric = (...labels: ReactNode[]): Column[] => labels.map((label) => ({ label, numeric: true }));

/**
 * Cell padding for the whole table, so the cells carry only what is theirs (alignment, weight):
 * `normal` and `compact` leave no padding after the last column; `boxed` pads both sides, for a table that is a card of its own.
 */
const DENSITY = {
  normal: '[&_:is(th,td)]:py-2 [&_:is(th,td)]:pr-3 [&_:is(th,td):last-child]:pr-0',
  compact: '[&_:is(th,td)]:py-1 [&_:is(th,td)]:pr-3 [&_:is(th,td):last-child]:pr-0',
  boxed: '[&_:is(th,td)]:px-3 [&_:is(th,td)]:py-2',
};

/**
 * A data table: an optional (screen-reader) caption, column headings with `scope="col"`, a line under each row but the last.
 * `scroll` is the box around it: `region` scrolls sideways on a phone with the first column fixed and can be scrolled
 * with the keyboard (TableScroll), `plain` only scrolls, `none` has no box.
 */
export function Table({
  columns,
  children,
  caption,
  testId,
  density = 'normal',
  scroll = 'region',
  frame = density === 'boxed' ? 'rounded-xl border border-slate-200 bg-white' : undefined,
  className = 'text-sm',
  foot,
}: {
  columns: (Column | false)[];
  children: ReactNode;
  caption?: string;
  testId?: string;
  density?: keyof typeof DENSITY;
  scroll?: 'region' | 'plain' | 'none';
  /** Classes of the scrolling box, e.g. a card around the table (a `boxed` table's card by default). */
  frame?: string;
  className?: string;
  foot?: ReactNode;
}) {
  const table = (
    <table className={`w-full text-left ${className} ${DENSITY[density]} [&_tbody_tr]:border-b [&_tbody_tr:last-child]:border-0`} data-testid={testId}>
      {caption && <caption className="sr-only">{caption}</caption>}
      <thead className={`border-b text-slate-600 ${density === 'boxed' ? 'bg-slate-50' : ''}`}>
        <tr>
          {columns
            .filter((column) => column !== false)
            .map((column, index) =>
              typeof column === 'string' ? (
                <th key={index} scope="col">
                  {column}
                </th>
              ) : (
                <th key={index} scope="col" className={column.numeric ? 'text-right' : undefined}>
                  {column.srOnly ? <span className="sr-only">{column.label}</span> : column.label}
                </th>
              ),
            )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
      {foot && <tfoot className={`border-t font-semibold ${density === 'boxed' ? 'bg-slate-50' : ''}`}>{foot}</tfoot>}
    </table>
  );
  if (scroll === 'none') return table;
  if (scroll === 'plain') return <div className={`overflow-x-auto ${frame ?? ''}`}>{table}</div>;
  return <TableScroll className={frame}>{table}</TableScroll>;
}

/** A cell holding a figure: right-aligned, digits of equal width so a column of figures lines up. */
export function Num({ children }: { children: ReactNode }) {
  return <td className="text-right tabular-nums">{children}</td>;
}

/** The cell that names its row (`scope="row"`), medium weight unless told otherwise. */
export function RowHeader({ children, className = 'font-medium', colSpan }: { children: ReactNode; className?: string; colSpan?: number }) {
  return (
    <th scope="row" className={className} colSpan={colSpan}>
      {children}
    </th>
  );
}
