import { getFormatter, getTranslations } from 'next-intl/server';
import type { CheckView } from '@/lib/candidates/queries';
import { withCalendarDays } from '@/lib/i18n/formats';
import { AttestForm } from './candidate-actions';
import { messageKey } from '@/lib/i18n/keys';

const OUTCOME_STYLE = { passed: 'bg-green-100 text-green-900', failed: 'bg-red-100 text-red-900', pending: 'bg-slate-200 text-slate-800' } as const;

/** The nominee's checklist: each check's outcome, its working or note, and who decided it when. */
export async function Checklist({ checks, attest }: { checks: CheckView[]; attest: { candidateId: number; lockVersion: number } | null }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  return (
    <ul className="flex flex-col gap-2" data-testid="checklist">
      {checks.map((check) => {
        const label = t(messageKey(`candidates.checks.${check.code}`));
        return (
          <li key={check.code} className="rounded-lg border border-slate-200 bg-white p-3" data-check={check.code}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-medium">{label}</span>
              <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${OUTCOME_STYLE[check.outcome]}`}>
                {t(`candidates.outcomes.${check.outcome}`)}
              </span>
            </div>
            <p className="mt-1 text-sm text-slate-700">
              {'key' in check.detail ? t(check.detail.key, withCalendarDays(check.detail.values)) : check.detail.text}
            </p>
            <p className="text-xs text-slate-500">
              {check.kind === 'automatic'
                ? t('candidates.checkedBySystem', { date: check.decidedAt ? format.dateTime(check.decidedAt, 'dateTime') : '—' })
                : check.decidedBy
                  ? t('candidates.checkedBy', { name: check.decidedBy, date: check.decidedAt ? format.dateTime(check.decidedAt, 'dateTime') : '—' })
                  : t('candidates.awaitingReviewer')}
            </p>
            {attest && check.kind === 'attested' && <AttestForm candidateRef={attest} code={check.code} label={label} />}
          </li>
        );
      })}
    </ul>
  );
}
