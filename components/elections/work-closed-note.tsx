import { getTranslations } from 'next-intl/server';
import type { ElectionCalendar } from '@/lib/elections/calendar';
import { workRefusal, type Phase, type Work } from '@/lib/elections/phase';
import { withCalendarDays } from '@/lib/i18n/formats';

/** Says, before anyone tries, that `work` is not possible in the election's phase and when it opens. */
export async function WorkClosedNote({ election, work }: { election: ElectionCalendar & { phase: Phase }; work: Work }) {
  const refusal = workRefusal(work, election.phase, election);
  if (!refusal) return null;
  const t = await getTranslations();
  return (
    <p role="note" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950" data-testid="work-closed">
      {t(refusal.message, withCalendarDays(refusal.values))}
    </p>
  );
}
