import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { NominationForm } from '@/components/candidates/nomination-form';
import { WorkClosedNote } from '@/components/elections/work-closed-note';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { constituencyOptions, partyOptions } from '@/lib/candidates/queries';
import { isWorkOpen } from '@/lib/elections/phase';
import { findElection } from '@/lib/elections/queries';
import { localizer } from '@/lib/i18n/config';

export default async function NewNominationPage({ searchParams }: { searchParams: Promise<{ election?: string }> }) {
  const user = await requirePermission('candidate.nominate');
  const db = getDb();
  const electionId = Number((await searchParams).election);
  const election = Number.isInteger(electionId) && electionId > 0 ? await findElection(db, electionId) : null;
  if (!election) notFound();
  const [t, locale, constituencies, parties] = await Promise.all([
    getTranslations('candidates'),
    getLocale(),
    constituencyOptions(db, election.id, user.regionId),
    partyOptions(db),
  ]);
  const name = localizer(locale);
  const open = isWorkOpen('nomination', election.phase);
  return (
    <div className="flex flex-col gap-4">
      <Link href={`/staff/candidates?election=${election.id}`} className="text-sm text-brand-700 underline">
        ← {t('title')}
      </Link>
      <h1 className="text-2xl font-bold text-brand-900">{t('form.title')}</h1>
      <p className="text-slate-600">{name(election)}</p>
      {!open ? (
        <WorkClosedNote election={election} work="nomination" />
      ) : constituencies.length === 0 ? (
        <p role="note">{t('form.noConstituencies')}</p>
      ) : (
        <NominationForm
          electionId={election.id}
          signatureShareBp={election.signatureShareBp}
          depositAmount={election.depositAmount}
          constituencies={constituencies.map((c) => ({ id: c.id, name: name(c), voters: c.voters }))}
          parties={parties.map((p) => ({ id: p.id, name: name(p) }))}
        />
      )}
    </div>
  );
}
