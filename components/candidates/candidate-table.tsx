import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { CandidateListItem } from '@/lib/candidates/queries';
import { localizer } from '@/lib/i18n/config';
import { Num, numeric, RowHeader, Table } from '@/components/table';

/** Candidates by constituency: staff see links to each file and the checklist tally. */
export async function CandidateTable({ candidates, caption, staffLinks = false }: { candidates: CandidateListItem[]; caption: string; staffLinks?: boolean }) {
  const [t, locale] = await Promise.all([getTranslations('candidates'), getLocale()]);
  const name = localizer(locale);
  if (candidates.length === 0) return <p className="text-slate-600">{t('none')}</p>;
  return (
    <Table
      testId="candidate-table"
      caption={caption}
      density="boxed"
      columns={[t('constituency'), t('ballotNo'), t('fullName'), ...numeric(t('age')), t('sex'), t('route'), t('status'), staffLinks && t('checksColumn')]}
    >
      {candidates.map((candidate) => (
        <tr key={candidate.id}>
          <td>
            {name(candidate.constituency)}
            <span className="block text-xs text-slate-500">{name(candidate.region)}</span>
          </td>
          <td className="tabular-nums">{candidate.ballotOrder ?? '—'}</td>
          <RowHeader>
            {staffLinks ? (
              <Link href={`/staff/candidates/${candidate.id}`} className="text-brand-700 underline">
                {candidate.fullName}
              </Link>
            ) : (
              candidate.fullName
            )}
          </RowHeader>
          <Num>{candidate.age}</Num>
          <td>{t(`sexes.${candidate.sex}`)}</td>
          <td>{candidate.party ? name(candidate.party) : t('routes.self')}</td>
          <td>
            {t(`statuses.${candidate.status}`)}
            {candidate.cancellationGround && <span className="block text-xs text-slate-600">{t(`cancellationGrounds.${candidate.cancellationGround}`)}</span>}
          </td>
          {staffLinks && (
            <td className="text-xs">
              {t('checksTally', { passed: candidate.checks.passed, failed: candidate.checks.failed, pending: candidate.checks.pending })}
            </td>
          )}
        </tr>
      ))}
    </Table>
  );
}
