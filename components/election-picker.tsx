import Link from 'next/link';
import { getLocale } from 'next-intl/server';
import type { Phase } from '@/lib/elections/phase';
import { localizer } from '@/lib/i18n/config';
import { PhaseBadge } from './elections/phase-badge';

/**
 * Links to the same page for each election; the current one is marked for assistive technology
 * and followed by its phase.
 */
export async function ElectionPicker({
  elections,
  currentId,
  href,
  label,
}: {
  elections: { id: number; slug: string; nameKk: string; nameRu: string; nameEn: string; phase: Phase }[];
  currentId: number;
  href: (election: { id: number; slug: string }) => string;
  label: string;
}) {
  const name = localizer(await getLocale());
  const current = elections.find((election) => election.id === currentId);
  return (
    <div className="flex flex-col gap-2">
      <nav aria-label={label} className="flex flex-wrap gap-2">
        {elections.map((election) => (
          <Link
            key={election.id}
            href={href(election)}
            aria-current={election.id === currentId ? 'page' : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${election.id === currentId ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 bg-white'}`}
          >
            {name(election)}
          </Link>
        ))}
      </nav>
      {current && (
        <p className="text-sm text-slate-700">
          <PhaseBadge phase={current.phase} />
        </p>
      )}
    </div>
  );
}
