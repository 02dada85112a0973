import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ElectionForm } from '@/components/elections/election-form';
import { ElectionLifecycle } from '@/components/elections/election-lifecycle';
import { PhaseBadge } from '@/components/elections/phase-badge';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { rulesLocked } from '@/lib/elections/phase';
import { findElection } from '@/lib/elections/queries';
import { electionFormValues } from '@/lib/elections/schemas';
import { localizer } from '@/lib/i18n/config';

export default async function EditElectionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  await requirePermission('elections.manage');
  const id = Number((await params).id);
  const election = Number.isInteger(id) && id > 0 ? await findElection(getDb(), id) : null;
  if (!election) notFound();
  const [t, locale] = await Promise.all([getTranslations('elections'), getLocale()]);
  const name = localizer(locale);
  const created = (await searchParams).created === '1' && election.phase === 'draft';
  return (
    <div className="flex flex-col gap-4">
      <Link href="/staff/elections" className="text-sm text-brand-700 underline">
        ← {t('title')}
      </Link>
      <h1 className="text-2xl font-bold text-brand-900">{name(election)}</h1>
      <p>
        <PhaseBadge phase={election.phase} />
      </p>
      {created && (
        <p role="status" className="text-sm text-green-700">
          {t('form.created')}
        </p>
      )}
      <ElectionLifecycle
        electionId={election.id}
        version={election.lockVersion}
        canAnnounce={election.phase === 'draft'}
        canArchive={election.phase === 'draft' || election.phase === 'results_official'}
      />
      {election.phase === 'archived' ? (
        <p role="note">{t('errors.archived')}</p>
      ) : (
        <ElectionForm
          election={{
            id: election.id,
            version: election.lockVersion,
            values: electionFormValues(election),
          }}
          locked={rulesLocked(election.phase) ? { since: election.nominationOpensOn } : null}
          slugFixed={election.phase !== 'draft'}
        />
      )}
    </div>
  );
}
