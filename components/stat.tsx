import Link from 'next/link';

/** A figure with its label; with `href` the figure links to the list or queue it counts. */
export function Stat({ label, value, hint, href }: { label: string; value: string; hint?: string; href?: string }) {
  return (
    <div className="min-w-0 break-words rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-xl font-semibold text-slate-900 tabular-nums sm:text-2xl">
        {href ? (
          <Link href={href} className="text-brand-700 underline decoration-1 underline-offset-4 hover:decoration-2" aria-label={`${label}: ${value}`}>
            {value}
          </Link>
        ) : (
          value
        )}
      </dd>
      {hint && <dd className="mt-1 text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}
