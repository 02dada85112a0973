/** Horizontal bars for people who would rather look than read; every bar also states its value. */
export function BarChart({ title, rows }: { title: string; rows: { key: string; label: string; value: number; display: string; highlight?: boolean }[] }) {
  const max = Math.max(0, ...rows.map((row) => row.value)) || 1;
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="font-semibold">{title}</figcaption>
      <ul className="flex flex-col gap-1">
        {rows.map((row) => (
          <li key={row.key} className="grid grid-cols-[minmax(8rem,12rem)_1fr_auto] items-center gap-2 text-sm">
            <span className="truncate">{row.label}</span>
            <span aria-hidden="true" className="h-3 rounded bg-slate-100">
              <span className={`block h-3 rounded ${row.highlight ? 'bg-brand-600' : 'bg-sky-400'}`} style={{ width: `${(row.value / max) * 100}%` }} />
            </span>
            <span className="tabular-nums">{row.display}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
