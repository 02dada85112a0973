import { addDays, asMoment, kazakhstanInstant, type LocalMoment } from '@/lib/calendar';
import type { Permission } from '@/lib/auth/permissions';
import { lastWithdrawalDay, POLLS_OPEN_AT, REGISTRATION_CLOSES_AT, type ElectionCalendar } from './calendar';

/**
 * The legal deadlines of an election, each tied to the work it ends (a permission), so the staff
 * dashboard can show a user the next one for their own work and how long is left. A deadline
 * with a time (registration at 18:00, cancellations when the polls open) holds at that time in
 * Kazakhstan; one without holds until the end of its day.
 */
export const DEADLINE_KINDS = [
  'nominationCloses',
  'registrationCloses',
  'withdrawalCloses',
  'cancellationCloses',
  'resultsDue',
  'akimRegistrationDue',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export type LegalDeadline = { kind: DeadlineKind; date: string; time: string | null; permissions: readonly Permission[] };

type DeadlineCalendar = ElectionCalendar & { withdrawalCutoffDays: number };

export function legalDeadlines(election: DeadlineCalendar): LegalDeadline[] {
  return [
    { kind: 'nominationCloses', date: election.nominationClosesOn, time: null, permissions: ['candidate.nominate'] },
    { kind: 'registrationCloses', date: election.registrationDeadline, time: REGISTRATION_CLOSES_AT, permissions: ['candidate.decide', 'candidate.attest'] },
    { kind: 'withdrawalCloses', date: lastWithdrawalDay(election), time: null, permissions: ['candidate.withdraw'] },
    { kind: 'cancellationCloses', date: election.votingDay, time: POLLS_OPEN_AT, permissions: ['candidate.cancel', 'candidate.proposeCancellation'] },
    { kind: 'resultsDue', date: election.resultsDeadline, time: null, permissions: ['protocol.enter', 'protocol.approve', 'results.markOfficial'] },
    { kind: 'akimRegistrationDue', date: election.akimRegistrationDeadline, time: null, permissions: ['candidate.registerElected'] },
  ];
}

/** The first moment after the deadline (its time, or the next midnight). */
export const deadlineEnds = (deadline: Pick<LegalDeadline, 'date' | 'time'>): LocalMoment =>
  deadline.time ? `${deadline.date}T${deadline.time}` : `${addDays(deadline.date, 1)}T00:00`;

export const deadlineInstant = (deadline: Pick<LegalDeadline, 'date' | 'time'>): Date => {
  const ends = deadlineEnds(deadline);
  return kazakhstanInstant(ends.slice(0, 10), ends.slice(11));
};

/** The next deadline still ahead of `now` among those of work `may` allows, or null. */
export function nextLegalDeadline(election: DeadlineCalendar, may: (permission: Permission) => boolean, now: LocalMoment): LegalDeadline | null {
  const moment = asMoment(now);
  return (
    legalDeadlines(election)
      .filter((deadline) => deadline.permissions.some(may) && deadlineEnds(deadline) > moment)
      .sort((a, b) => (deadlineEnds(a) < deadlineEnds(b) ? -1 : 1))[0] ?? null
  );
}

/** Whole days, hours and minutes from `now` until `until` (zero once passed). */
export function timeLeft(now: Date, until: Date): { days: number; hours: number; minutes: number } {
  const minutes = Math.max(0, Math.floor((until.getTime() - now.getTime()) / 60_000));
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}
