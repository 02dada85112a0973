import type { ReactNode } from 'react';

/**
 * Static SVG charts drawn on the server: no chart library and no script reach the browser. Each
 * chart is an image with a title and a description for screen readers, and comes with a table of
 * the same numbers (`ChartFigure`). Labels arrive formatted in the reader's language.
 */

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { left: 64, right: 16, top: 12, bottom: 40 };
const PLOT = { width: WIDTH - MARGIN.left - MARGIN.right, height: HEIGHT - MARGIN.top - MARGIN.bottom };
const INK = '#334155';
const GRID = '#e2e8f0';

type Tick = { at: number; label: string };

function SvgFrame({ id, title, description, children }: { id: string; title: string; description: string; children: ReactNode }) {
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full" data-testid={id}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}

/** Axes with ticks: `x`/`y` ticks are positions from 0 to 1 along the plot. */
function Axes({ xTicks, yTicks, xLabel, yLabel }: { xTicks: Tick[]; yTicks: Tick[]; xLabel: string; yLabel: string }) {
  const bottom = MARGIN.top + PLOT.height;
  return (
    <g fontSize="11" fill={INK}>
      {yTicks.map((tick) => {
        const y = bottom - tick.at * PLOT.height;
        return (
          <g key={`y${tick.at}`}>
            <line x1={MARGIN.left} x2={MARGIN.left + PLOT.width} y1={y} y2={y} stroke={GRID} />
            <text x={MARGIN.left - 6} y={y + 4} textAnchor="end">
              {tick.label}
            </text>
          </g>
        );
      })}
      {xTicks.map((tick) => (
        <text key={`x${tick.at}`} x={MARGIN.left + tick.at * PLOT.width} y={bottom + 16} textAnchor="middle">
          {tick.label}
        </text>
      ))}
      <line x1={MARGIN.left} x2={MARGIN.left + PLOT.width} y1={bottom} y2={bottom} stroke={INK} />
      <line x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={bottom} stroke={INK} />
      <text x={MARGIN.left + PLOT.width / 2} y={HEIGHT - 4} textAnchor="middle">
        {xLabel}
      </text>
      <text transform={`translate(12 ${MARGIN.top + PLOT.height / 2}) rotate(-90)`} textAnchor="middle">
        {yLabel}
      </text>
    </g>
  );
}

/** A "nice" top for a count axis (1, 2 or 5 times a power of ten) and its ticks. */
function countTicks(max: number, format: (value: number) => string): { top: number; ticks: Tick[] } {
  const raw = Math.max(1, max);
  const power = 10 ** Math.floor(Math.log10(raw));
  const top = [1, 2, 5, 10].map((step) => step * power).find((value) => value >= raw)!;
  return { top, ticks: [0, 0.5, 1].map((at) => ({ at, label: format(top * at) })) };
}

/** Columns (a histogram or a bar per category), with an optional dashed line at the count chance would give. */
export function ColumnChart(props: {
  id: string;
  title: string;
  description: string;
  values: number[];
  xTicks: { index: number; label: string }[];
  xLabel: string;
  yLabel: string;
  formatCount: (value: number) => string;
  expected?: { value: number; label: string };
}) {
  const { values, expected } = props;
  const { top, ticks } = countTicks(Math.max(...values, expected?.value ?? 0), props.formatCount);
  const slot = PLOT.width / values.length;
  const gap = values.length > 30 ? 0.5 : slot * 0.2;
  const bottom = MARGIN.top + PLOT.height;
  const expectedY = expected ? bottom - (expected.value / top) * PLOT.height : 0;
  return (
    <SvgFrame id={props.id} title={props.title} description={props.description}>
      <Axes
        xTicks={props.xTicks.map((tick) => ({ at: (tick.index + 0.5) / values.length, label: tick.label }))}
        yTicks={ticks}
        xLabel={props.xLabel}
        yLabel={props.yLabel}
      />
      <g fill="#0284c7">
        {values.map((value, index) => {
          const height = (value / top) * PLOT.height;
          return value > 0 ? <rect key={index} x={MARGIN.left + index * slot + gap / 2} y={bottom - height} width={slot - gap} height={height} /> : null;
        })}
      </g>
      {expected && (
        <g>
          <line x1={MARGIN.left} x2={MARGIN.left + PLOT.width} y1={expectedY} y2={expectedY} stroke="#b45309" strokeWidth="2" strokeDasharray="6 4" />
          <text x={MARGIN.left + PLOT.width} y={expectedY - 6} textAnchor="end" fontSize="11" fill="#92400e">
            {expected.label}
          </text>
        </g>
      )}
    </SvgFrame>
  );
}

/** A grid of cells shaded by count (the fingerprint): `cells[row][column]`, row 0 at the bottom. */
export function HeatmapChart(props: {
  id: string;
  title: string;
  description: string;
  cells: number[][];
  xTicks: { index: number; label: string }[];
  yTicks: { index: number; label: string }[];
  xLabel: string;
  yLabel: string;
}) {
  const rows = props.cells.length;
  const columns = props.cells[0]?.length ?? 0;
  const max = Math.max(1, ...props.cells.flat());
  const cellWidth = PLOT.width / columns;
  const cellHeight = PLOT.height / rows;
  const bottom = MARGIN.top + PLOT.height;
  return (
    <SvgFrame id={props.id} title={props.title} description={props.description}>
      <Axes
        xTicks={props.xTicks.map((tick) => ({ at: tick.index / columns, label: tick.label }))}
        yTicks={props.yTicks.map((tick) => ({ at: tick.index / rows, label: tick.label }))}
        xLabel={props.xLabel}
        yLabel={props.yLabel}
      />
      <g fill="#1e3a8a">
        {props.cells.flatMap((row, r) =>
          row.map((count, c) =>
            count > 0 ? (
              // Square-root shading: single precincts far from the bulk stay visible next to crowded cells.
              <rect
                key={`${r}-${c}`}
                x={MARGIN.left + c * cellWidth}
                y={bottom - (r + 1) * cellHeight}
                width={cellWidth}
                height={cellHeight}
                fillOpacity={0.12 + 0.88 * Math.sqrt(count / max)}
              />
            ) : null,
          ),
        )}
      </g>
    </SvgFrame>
  );
}

/** A chart with its caption and the same numbers as a table for readers who cannot see it. */
export function ChartFigure({
  title,
  tableLabel,
  chart,
  columns,
  rows,
}: {
  title: string;
  tableLabel: string;
  chart: ReactNode;
  columns: string[];
  rows: (string | number)[][];
}) {
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="font-semibold">{title}</figcaption>
      {chart}
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700 underline">{tableLabel}</summary>
        {/* Scrolls when long: focusable so a keyboard can scroll it too. */}
        <div className="mt-2 max-h-80 overflow-auto" tabIndex={0} role="region" aria-label={title}>
          <table className="w-full text-left tabular-nums">
            <caption className="sr-only">{title}</caption>
            <thead className="border-b text-slate-600">
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col" className="py-1 pr-3">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={index} className="border-b last:border-0">
                  {row.map((cell, column) => (
                    <td key={column} className="py-1 pr-3">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
