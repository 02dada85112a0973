import type { ScreenedPrecinct } from './figures';
import { PRECINCT_TESTS, screenElection, type AreaLevel, type AreaRef, type AreaTest, type PrecinctTest, type ScreeningReport } from './screen';
import type { ScreeningSettings } from './settings';
import { MANIPULATIONS, syntheticElection, type Manipulation } from './synthetic';

/**
 * How well the screening tests work, measured on seeded synthetic elections (lib/screening/synthetic):
 * how often each test flags a clean election, and how often it catches the manipulation it is
 * meant for. `scripts/screening-benchmark.ts` writes the table into docs/screening.md; the unit
 * test recomputes it, checks the targets and that the document says the same.
 */

export const BENCHMARK_SEEDS = Array.from({ length: 20 }, (_, index) => 2023_0000 + index);

export type Rate = { hits: number; of: number };
const rate = (): Rate => ({ hits: 0, of: 0 });
const count = (target: Rate, hit: boolean) => {
  target.of += 1;
  if (hit) target.hits += 1;
};

type PrecinctRow = {
  test: PrecinctTest | 'any';
  /** Precincts of clean elections this test flags. */
  clean: Rate;
  /** Stuffed precincts it flags. */
  stuffed: Rate;
  /** Precincts given a round turnout that it flags, and the untouched precincts of those elections it flags. */
  rounded: Rate;
  untouchedInRounded: Rate;
};

type AreaRow = { test: AreaTest; level: AreaLevel; clean: Rate; manipulated: Rate };

/** The manipulation each area-wide test is meant to catch. */
const AREA_TARGETS: Record<AreaTest, Manipulation> = { lastDigits: 'roundedCounts', roundTurnouts: 'roundedTurnout', fingerprint: 'stuffing' };

export type BenchmarkResult = { elections: number; precincts: number; precinctRows: PrecinctRow[]; areaRows: AreaRow[] };

const flaggedBy = (report: ScreeningReport) =>
  new Map(
    report.precincts.map((screening) => [
      screening.precinct.id,
      new Set<PrecinctTest | 'any'>([...screening.flags.map((flag) => flag.test), ...(screening.flags.length ? (['any'] as const) : [])]),
    ]),
  );

/** Async only to let the event loop breathe between elections (a test worker must keep answering its runner). */
export async function measureScreening(settings: ScreeningSettings, seeds: readonly number[] = BENCHMARK_SEEDS): Promise<BenchmarkResult> {
  const tests = ['any', ...PRECINCT_TESTS] as const;
  const precinctRows: PrecinctRow[] = tests.map((test) => ({ test, clean: rate(), stuffed: rate(), rounded: rate(), untouchedInRounded: rate() }));
  const levels: AreaLevel[] = ['election', 'region', 'constituency'];
  const areaRows: AreaRow[] = (Object.keys(AREA_TARGETS) as AreaTest[]).flatMap((test) =>
    levels.map((level) => ({ test, level, clean: rate(), manipulated: rate() })),
  );
  let precincts = 0;
  const flaggedAreas = (report: ScreeningReport, row: AreaRow, into: Rate) => {
    for (const area of report.areas.filter((a) => a.area.level === row.level))
      count(
        into,
        area.findings.some((finding) => finding.test === row.test && finding.status === 'flagged'),
      );
  };

  for (const seed of seeds) {
    await new Promise((resolve) => setImmediate(resolve));
    const scenarios = Object.fromEntries(
      ([null, ...(Object.keys(MANIPULATIONS) as Manipulation[])] as const).map((manipulation) => {
        const election = syntheticElection(seed, manipulation);
        return [manipulation ?? 'clean', { election, report: screenElection(election, settings) }];
      }),
    ) as Record<Manipulation | 'clean', { election: ReturnType<typeof syntheticElection>; report: ScreeningReport }>;
    precincts += scenarios.clean.election.precincts.length;

    const clean = flaggedBy(scenarios.clean.report);
    const stuffed = flaggedBy(scenarios.stuffing.report);
    const rounded = flaggedBy(scenarios.roundedTurnout.report);
    for (const row of precinctRows) {
      for (const tested of clean.values()) count(row.clean, tested.has(row.test));
      for (const id of scenarios.stuffing.election.manipulated) count(row.stuffed, stuffed.get(id)!.has(row.test));
      for (const [id, tested] of rounded)
        count(scenarios.roundedTurnout.election.manipulated.has(id) ? row.rounded : row.untouchedInRounded, tested.has(row.test));
    }
    for (const row of areaRows) {
      flaggedAreas(scenarios.clean.report, row, row.clean);
      flaggedAreas(scenarios[AREA_TARGETS[row.test]].report, row, row.manipulated);
    }
  }
  return { elections: seeds.length, precincts, precinctRows, areaRows };
}

const percent = ({ hits, of }: Rate) => (of === 0 ? '—' : `${((100 * hits) / of).toFixed(1)} % (${hits} of ${of})`);

const PRECINCT_TEST_NAMES: Record<PrecinctTest | 'any', string> = {
  any: '**any flag**',
  turnout: 'turnout outlier',
  leaderShare: "leader's share outlier",
  fingerprint: 'high turnout and high share (fingerprint corner)',
  nearFullTurnout: 'near-100 % turnout',
  invalidShare: 'invalid ballots far above the median',
  mobileShare: 'mobile-box ballots far above the median',
  roundTurnout: 'round turnout where round turnouts are in excess',
};
const AREA_TEST_NAMES: Record<AreaTest, string> = {
  lastDigits: 'last digits of counts (χ²)',
  roundTurnouts: 'excess of round turnouts',
  fingerprint: 'mass in the fingerprint corner',
};
const MANIPULATION_NAMES: Record<Manipulation, string> = {
  stuffing: 'ballot stuffing',
  roundedTurnout: 'rounded turnout',
  roundedCounts: 'counts rounded to tens',
};

/** The benchmark as the Markdown tables of docs/screening.md. */
export function benchmarkMarkdown(result: BenchmarkResult): string {
  const precinctTable = [
    '| precinct test | flags in clean elections | stuffed precincts flagged | rounded-turnout precincts flagged | untouched precincts flagged in rounded-turnout elections |',
    '|---|---|---|---|---|',
    ...result.precinctRows.map(
      (row) =>
        `| ${PRECINCT_TEST_NAMES[row.test]} | ${percent(row.clean)} | ${percent(row.stuffed)} | ${percent(row.rounded)} | ${percent(row.untouchedInRounded)} |`,
    ),
  ];
  const areaTable = [
    '| area-wide test | level | areas flagged in clean elections | manipulation it looks for | areas flagged with it |',
    '|---|---|---|---|---|',
    ...result.areaRows.map(
      (row) =>
        `| ${AREA_TEST_NAMES[row.test]} | ${row.level} | ${percent(row.clean)} | ${MANIPULATION_NAMES[AREA_TARGETS[row.test]]} | ${percent(row.manipulated)} |`,
    ),
  ];
  return [
    `Measured on ${result.elections} synthetic elections (${result.precincts} precincts in all), each screened clean and with each manipulation injected.`,
    '',
    ...precinctTable,
    '',
    ...areaTable,
  ].join('\n');
}

/** What screening finds in the 2023 demo election, for docs/screening.md. */
export function demoMarkdown(report: ScreeningReport, label: { precinct: (precinct: ScreenedPrecinct) => string; area: (area: AreaRef) => string }): string {
  const flagged = report.precincts.filter((s) => s.flags.length > 0);
  const findings = report.areas.flatMap((a) => a.findings);
  const flaggedFindings = report.areas.flatMap((a) =>
    a.findings.filter((f) => f.status === 'flagged').map((f) => `${AREA_TEST_NAMES[f.test]} in ${label.area(a.area)}`),
  );
  const share = ((100 * flagged.length) / report.precincts.length).toFixed(2);
  return [
    `The 2023 pilot election of the demo data: ${report.precincts.length} precincts screened, **${flagged.length} flagged (${share} %)**; ${report.precincts.filter((s) => s.skipped.includes('smallPrecinct')).length} too small to compare.`,
    '',
    '| precinct | flags |',
    '|---|---|',
    ...flagged.map((s) => `| ${label.precinct(s.precinct)} | ${s.flags.map((f) => PRECINCT_TEST_NAMES[f.test]).join('; ')} |`),
    '',
    `Area-wide tests worth a look: ${flaggedFindings.length ? flaggedFindings.join('; ') : 'none'} (of ${findings.length} tests over ${report.areas.length} areas).`,
  ].join('\n');
}

/** The marked sections of docs/screening.md that scripts/screening-benchmark.ts writes. */
export const DOC_SECTIONS = {
  benchmark: ['<!-- screening-benchmark:start (written by scripts/screening-benchmark.ts) -->', '<!-- screening-benchmark:end -->'],
  demo: ['<!-- screening-demo:start (written by scripts/screening-benchmark.ts) -->', '<!-- screening-demo:end -->'],
} as const;

/** Where the text of `section` starts and ends in the document. */
function sectionBounds(document: string, section: keyof typeof DOC_SECTIONS) {
  const [startMarker, endMarker] = DOC_SECTIONS[section];
  const start = document.indexOf(startMarker);
  const end = document.indexOf(endMarker);
  if (start < 0 || end < start) throw new Error(`docs/screening.md has no ${section} markers`);
  return { start: start + startMarker.length, end };
}

/** The document's `section` as written between its markers. */
export function docSection(document: string, section: keyof typeof DOC_SECTIONS): string {
  const { start, end } = sectionBounds(document, section);
  return document.slice(start, end).trim();
}

/** The document with `section` replaced by `markdown`. */
export function withSection(document: string, section: keyof typeof DOC_SECTIONS, markdown: string): string {
  const { start, end } = sectionBounds(document, section);
  return `${document.slice(0, start)}\n${markdown}\n${document.slice(end)}`;
}
