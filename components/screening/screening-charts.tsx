import { getFormatter, getTranslations } from 'next-intl/server';
import { FINGERPRINT_BINS, fingerprintGrid, turnoutHistogram } from '@/lib/screening/charts';
import type { AreaFinding, PrecinctScreening } from '@/lib/screening/screen';
import type { ScreeningSettings } from '@/lib/screening/settings';
import { ChartFigure, ColumnChart, HeatmapChart } from './charts';

/** The fingerprint, the turnout histogram and the last-digit chart of an area, each with its table. */
export async function ScreeningCharts({
  id,
  screened,
  digits,
  settings,
}: {
  id: string;
  screened: PrecinctScreening[];
  digits: Extract<AreaFinding, { test: 'lastDigits' }>;
  settings: ScreeningSettings;
}) {
  const [t, format] = await Promise.all([getTranslations('screening.public'), getFormatter()]);
  const count = (value: number) => format.number(value);
  const whole = (share: number) => format.number(share, { style: 'percent', maximumFractionDigits: 0 });
  const range = (from: number, to: number) => `${whole(from)}–${whole(to)}`;
  const precincts = count(screened.length);
  const histogram = turnoutHistogram(screened);
  const grid = fingerprintGrid(screened);
  const step = 1 / FINGERPRINT_BINS;
  const fiveStepTicks = [0, 5, 10, 15, 20].map((index) => ({ index, label: whole(index * step) }));
  const expectedDigit = digits.counts / 10;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ChartFigure
        title={t('fingerprintTitle')}
        tableLabel={t('showTable')}
        columns={[t('turnoutRange'), t('shareRange'), t('precinctsAxis')]}
        rows={grid.flatMap((row, r) =>
          row.flatMap((cell, c) => (cell > 0 ? [[range(c * step, (c + 1) * step), range(r * step, (r + 1) * step), count(cell)]] : [])),
        )}
        chart={
          <HeatmapChart
            id={`${id}-fingerprint`}
            title={t('fingerprintTitle')}
            description={t('fingerprintDescription', { precincts })}
            cells={grid}
            xTicks={fiveStepTicks}
            yTicks={fiveStepTicks}
            xLabel={t('turnoutAxis')}
            yLabel={t('shareAxis')}
          />
        }
      />
      <ChartFigure
        title={t('turnoutTitle')}
        tableLabel={t('showTable')}
        columns={[t('turnoutRange'), t('precinctsAxis')]}
        rows={histogram.flatMap((cell, index) => (cell > 0 ? [[range(index / 100, (index + 1) / 100), count(cell)]] : []))}
        chart={
          <ColumnChart
            id={`${id}-turnout`}
            title={t('turnoutTitle')}
            description={t('turnoutDescription', { precincts })}
            values={histogram}
            xTicks={[0, 20, 40, 60, 80, 99].map((index) => ({ index, label: whole(index === 99 ? 1 : index / 100) }))}
            xLabel={t('turnoutAxis')}
            yLabel={t('precinctsAxis')}
            formatCount={count}
          />
        }
      />
      <ChartFigure
        title={t('digitsTitle')}
        tableLabel={t('showTable')}
        columns={[t('digit'), t('count')]}
        rows={digits.digits.map((value, digit) => [digit, count(value)])}
        chart={
          <ColumnChart
            id={`${id}-digits`}
            title={t('digitsTitle')}
            description={t('digitsDescription', {
              counts: count(digits.counts),
              minVotes: settings.digitMinVotes,
              expected: format.number(expectedDigit, { maximumFractionDigits: 1 }),
            })}
            values={digits.digits}
            xTicks={digits.digits.map((_, digit) => ({ index: digit, label: String(digit) }))}
            xLabel={t('digitAxis')}
            yLabel={t('countsAxis')}
            formatCount={count}
            expected={{ value: expectedDigit, label: t('expected', { expected: format.number(expectedDigit, { maximumFractionDigits: 1 }) }) }}
          />
        }
      />
    </div>
  );
}
