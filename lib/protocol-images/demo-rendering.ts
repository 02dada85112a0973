/**
 * A rendering of a protocol's typed figures in the paper form's layout, for the demo elections
 * (decision 011): numbered lines with their figures, the candidates' votes, the commission's
 * signature block and seal, marked across the page as a demo rendering. SVG, because a page is
 * a few kilobytes of text made in microseconds: the demo's ~1,700 images add under a second to
 * loading it, where rasterising each would take minutes. Pure.
 */
export type PaperRow = { number: string; label: string; value: number };
export type PaperSheet = {
  /** The election, as the form's heading names it. */
  election: string;
  constituency: string;
  precinctNumber: number;
  address: string;
  rows: PaperRow[];
  signedOn: string;
};

const WIDTH = 595;
const HEIGHT = 842;

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Text cut to fit a column (the paper wraps; a demo rendering shortens). */
const fit = (text: string, characters: number) => (text.length > characters ? `${text.slice(0, characters - 1)}…` : text);

// Classes keep each page small: the text is most of it.
const STYLE =
  'text{font:10px Arial,Helvetica,sans-serif}.h{font-size:16px;font-weight:bold}.m{text-anchor:middle}.e{text-anchor:end}' +
  '.s{font-size:9px}.b{font-size:11px;font-weight:bold}.v{font:13px monospace;fill:#123a8c;text-anchor:end}.r{fill:#b00020}' +
  '.w{font-size:54px;font-weight:bold;fill:#b00020;opacity:.16;text-anchor:middle}.x{font-size:22px}.p{fill:none;stroke:#123a8c;stroke-width:1.2}.g{fill:none;stroke:#555;stroke-width:.6}';

export function renderPaperSvg(sheet: PaperSheet): string {
  const rowHeight = Math.min(26, (HEIGHT - 330) / Math.max(1, sheet.rows.length));
  const top = 200;
  const bottom = top + sheet.rows.length * rowHeight;
  const text = (x: number, y: number, content: string, className = '') =>
    `<text x="${x}" y="${Math.round(y)}"${className ? ` class="${className}"` : ''}>${escapeXml(content)}</text>`;
  // The table's rules in one path: every row's top and bottom, then the three columns.
  const grid = [
    ...sheet.rows.map((_, index) => `M40 ${Math.round(top + index * rowHeight)}h515`),
    `M40 ${Math.round(bottom)}h515`,
    ...[40, 80, 455, 555].map((x) => `M${x} ${top}V${Math.round(bottom)}`),
  ].join('');
  const rows = sheet.rows
    .map((row, index) => {
      const baseline = top + index * rowHeight + rowHeight * 0.68;
      return text(46, baseline, row.number) + text(86, baseline, fit(row.label, 62)) + text(548, baseline, String(row.value), 'v');
    })
    .join('');
  const signaturesTop = Math.round(bottom + 30);
  const signature = (y: number, role: string, seed: number) =>
    text(40, y, role) + `<path class="p" d="M300 ${y}q12 -${14 + (seed % 5)} 24 0t24 ${seed % 7}q10 -12 30 -3"/><path class="g" d="M290 ${y + 3}h130"/>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}"><style>${STYLE}</style>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fcfbf7"/>`,
    text(WIDTH / 2, 50, 'ХАТТАМА / ПРОТОКОЛ', 'h m'),
    text(WIDTH / 2, 68, 'учаскелік сайлау комиссиясының дауыс беру қорытындылары туралы', 's m'),
    text(WIDTH / 2, 80, 'участковой избирательной комиссии об итогах голосования', 's m'),
    text(WIDTH / 2, 104, fit(sheet.election, 90), 'm'),
    text(40, 134, `Избирательный участок № ${sheet.precinctNumber}`, 'b'),
    text(40, 150, fit(sheet.constituency, 90)),
    text(40, 166, fit(sheet.address, 90)),
    text(555, 134, sheet.signedOn, 'e'),
    `<path class="g" d="${grid}"/>`,
    rows,
    signature(signaturesTop, 'Председатель комиссии / Комиссия төрағасы', sheet.precinctNumber),
    signature(signaturesTop + 28, 'Секретарь комиссии / Комиссия хатшысы', sheet.precinctNumber + 3),
    signature(signaturesTop + 56, 'Члены комиссии / Комиссия мүшелері', sheet.precinctNumber + 5),
    `<circle cx="500" cy="${signaturesTop + 40}" r="34" fill="none" stroke="#6b4fa8" stroke-width="1.5" opacity=".7"/>`,
    `<text x="500" y="${signaturesTop + 44}" class="s m" fill="#6b4fa8">М.О. / М.П.</text>`,
    `<g transform="rotate(-35 ${WIDTH / 2} ${HEIGHT / 2})"><text x="${WIDTH / 2}" y="${HEIGHT / 2 - 20}" class="w">DEMO RENDERING</text>`,
    `<text x="${WIDTH / 2}" y="${HEIGHT / 2 + 30}" class="w x">not a photograph of a paper protocol</text></g>`,
    text(WIDTH / 2, HEIGHT - 20, 'Демонстрационное изображение введённых данных · Demo rendering of the typed figures', 's m r'),
    `</svg>`,
  ].join('');
}

export const PAPER_SIZE = { width: WIDTH, height: HEIGHT };
