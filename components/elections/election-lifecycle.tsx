'use client';

import { announceElectionAction, archiveElectionAction } from '@/lib/elections/actions';
import { ConfirmButton } from '../confirm-button';
import { primaryButtonClass, secondaryButtonClass } from '../form-field';
import { StatusMessage } from '../status-message';
import { useCommandButton } from '../use-command-button';

/** Announcing a draft, or archiving a finished (or abandoned draft) election. */
export function ElectionLifecycle({
  electionId,
  version,
  canAnnounce,
  canArchive,
}: {
  electionId: number;
  version: number;
  canAnnounce: boolean;
  canArchive: boolean;
}) {
  const { status, busy, run, t } = useCommandButton();
  const ref = { electionId, lockVersion: version };
  if (!canAnnounce && !canArchive) return null;
  return (
    <section aria-labelledby="lifecycle-heading" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="lifecycle-heading" className="text-lg font-semibold">
        {t('elections.phase')}
      </h2>
      <StatusMessage status={status} />
      {canAnnounce && (
        <div className="flex flex-col items-start gap-1">
          <ConfirmButton
            disabled={busy}
            className={primaryButtonClass}
            title={t('elections.announceConfirm.title')}
            description={t('elections.announceConfirm.description')}
            confirmLabel={t('elections.announceConfirm.confirm')}
            onConfirm={() => run(() => announceElectionAction(ref), t('elections.announced'))}
          >
            {t('elections.announce')}
          </ConfirmButton>
          <p className="text-sm text-slate-600">{t('elections.announceHint')}</p>
        </div>
      )}
      {canArchive && (
        <div className="flex flex-col items-start gap-1">
          <ConfirmButton
            disabled={busy}
            className={secondaryButtonClass}
            tone="danger"
            title={t('elections.archiveConfirm.title')}
            description={t('elections.archiveConfirm.description')}
            confirmLabel={t('elections.archiveConfirm.confirm')}
            onConfirm={() => run(() => archiveElectionAction(ref), t('elections.archived'))}
          >
            {t('elections.archive')}
          </ConfirmButton>
          <p className="text-sm text-slate-600">{t('elections.archiveHint')}</p>
        </div>
      )}
    </section>
  );
}
