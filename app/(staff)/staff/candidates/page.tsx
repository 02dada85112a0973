import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { CandidateTable } from '@/components/candidates/candidate-table';
import { ElectionPicker } from '@/components/election-picker';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { hasPermission } from '@/lib/auth/permissions';
import { constituencyOptions, listCandidates } from '@/lib/candidates/queries';
import { isWorkOpen } from '@/lib/elections/phase';
import { listElections, pickElection } from '@/lib/elections/queries';
import { localizer } from '@/lib/i18n/config';

export default async function StaffCandidatesPage({ searchParams }: { searchParams: Promise<{ election?: string }> }) {
  const user = await requirePermission('candidate.view');
  const db = getDb();
  const elections = await listElections(db);
  const election = pickElection(elections, (await searchParams).election, (e) => isWorkOpen('nomination', e.phase));
  const [t, locale] = await Promise.all([getTranslations('candidates'), getLocale()]);
  const name = localizer(locale);
  if (!election) return <p>{t('noElections')}</p>;
  const [candidates, constituencies] = await Promise.all([
    listCandidates(db, { electionId: election.id, regionId: user.regionId }),
    constituencyOptions(db, election.id, user.regionId),
  ]);
  const nominationOpen = isWorkOpen('nomination', election.phase);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
        <div className="flex gap-4">
          {hasPermission(user, 'candidate.decide') && (
            <Link href="/staff/candidates/review" className="font-medium text-brand-700 underline">
              {t('reviewQueue')}
            </Link>
          )}
          {hasPermission(user, 'candidate.nominate') && nominationOpen && (
            <Link href={`/staff/candidates/new?election=${election.id}`} className="font-medium text-brand-700 underline">
              {t('nominate')}
            </Link>
          )}
        </div>
      </div>
      <ElectionPicker elections={elections} currentId={election.id} href={(e) => `/staff/candidates?election=${e.id}`} label={t('election')} />
      <p className="text-sm text-slate-600">
        {t(nominationOpen ? 'windowOpen' : 'windowClosed', { opens: election.nominationOpensOn, closes: election.nominationClosesOn })}
      </p>
      <CandidateTable candidates={candidates} caption={name(election)} staffLinks />
      {constituencies.length > 0 && (
        <nav aria-labelledby="constituency-sheets-heading" className="flex flex-col gap-2">
          <h2 id="constituency-sheets-heading" className="text-lg font-semibold">
            {t('constituencySheet.title')}
          </h2>
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {constituencies.map((constituency) => (
              <li key={constituency.id}>
                <Link href={`/staff/candidates/constituency/${constituency.id}`} className="text-brand-700 underline">
                  {name(constituency)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}
