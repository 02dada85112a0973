import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { CandidateListItem } from '@/lib/candidates/queries';
import { localizer } from '@/lib/i18n/config';
import { TableScroll } from '@/components/table-scroll';

/** Candidates by constituency: staff see links to each file and the checklist tally. */
export async function CandidateTable({ candidates, caption, staffLinks = false }: { candidates: CandidateListItem[]; caption: string; staffLinks?: boolean }) {
  const [t, locale] = await Promise.all([getTranslations('candidates'), getLocale()]);
  const name = localizer(locale);
  if (candidates.length === 0) return <p className="text-slate-600">{t('none')}</p>;
  return (
    <TableScroll className="rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="candidate-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t('constituency')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('ballotNo')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('fullName')}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t('age')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('sex')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('route')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('status')}
            </th>
            {staffLinks && (
              <th scope="col" className="px-3 py-2">
                {t('checksColumn')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {candidates.map((candidate) => (
            <tr key={candidate.id} className="border-b last:border-0">
              <td className="px-3 py-2">
                {name(candidate.constituency)}
                <span className="block text-xs text-slate-500">{name(candidate.region)}</span>
              </td>
              <td className="px-3 py-2 tabular-nums">{candidate.ballotOrder ?? '—'}</td>
              <th scope="row" className="px-3 py-2 font-medium">
                {staffLinks ? (
                  <Link href={`/staff/candidates/${candidate.id}`} className="text-brand-700 underline">
                    {candidate.fullName}
                  </Link>
                ) : (
                  candidate.fullName
                )}
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{candidate.age}</td>
              <td className="px-3 py-2">{t(`sexes.${candidate.sex}`)}</td>
              <td className="px-3 py-2">{candidate.party ? name(candidate.party) : t('routes.self')}</td>
              <td className="px-3 py-2">
                {t(`statuses.${candidate.status}`)}
                {candidate.cancellationGround && (
                  <span className="block text-xs text-slate-600">{t(`cancellationGrounds.${candidate.cancellationGround}`)}</span>
                )}
              </td>
              {staffLinks && (
                <td className="px-3 py-2 text-xs">
                  {t('checksTally', { passed: candidate.checks.passed, failed: candidate.checks.failed, pending: candidate.checks.pending })}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
