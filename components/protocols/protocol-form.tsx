'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch, type Path } from 'react-hook-form';
import { correctProtocolAction, enterProtocolAction, resolveMismatchAction } from '@/app/(staff)/staff/protocols/actions';
import type { RelationError } from '@/lib/commands';
import { BALLOT_FIELDS, checkControlRelations, type FigureKey, type ProtocolFigures } from '@/lib/protocols/relations';
import { figuresSchema, type Figures, type FiguresInput } from '@/lib/protocols/schemas';
import { applyActionErrors } from '../form-result';
import { fieldAria, FormField, inputClass, primaryButtonClass } from '../form-field';
import { StatusMessage, type Status } from '../status-message';
import { messageKey } from '@/lib/i18n/keys';
import { useNotice } from '../notice';
import type { Messages } from 'next-intl';

export type ProtocolFormMode =
  | { kind: 'enter'; precinctId: number; lockVersion: number }
  | { kind: 'resolve'; protocolId: number; lockVersion: number; agreed: ProtocolFigures; disputed: FigureKey[]; copies: [ProtocolFigures, ProtocolFigures] }
  | { kind: 'correct'; protocolId: number; lockVersion: number; initial: ProtocolFigures };

type Candidate = { id: number; fullName: string; ballotOrder: number };

const WHOLE = /^\s*\d+\s*$/;

/** Parses the typed form into figures, or null while any field is empty or not a whole number. */
function typedFigures(values: FiguresInput | undefined, votersOnList: number, againstAll: boolean, candidates: Candidate[]): ProtocolFigures | null {
  if (!values) return null;
  const number = (value: unknown) => ((typeof value === 'string' || typeof value === 'number') && WHOLE.test(String(value)) ? Number(value) : null);
  const ballots = BALLOT_FIELDS.map((field) => number(values[field]));
  const votes = candidates.map((c) => number(values.votes?.[String(c.id)]));
  const against = againstAll ? number(values.votesAgainstAll) : 0;
  if ([...ballots, ...votes, against].some((value) => value === null)) return null;
  const [ballotsReceived, ballotsIssued, ballotsCast, ballotsSpoiled, ballotsUnused, ballotsInvalid] = ballots as number[];
  return {
    votersOnList,
    ballotsReceived: ballotsReceived!,
    ballotsIssued: ballotsIssued!,
    ballotsCast: ballotsCast!,
    ballotsSpoiled: ballotsSpoiled!,
    ballotsUnused: ballotsUnused!,
    ballotsInvalid: ballotsInvalid!,
    votesAgainstAll: againstAll ? against : null,
    votes: Object.fromEntries(candidates.map((c, index) => [c.id, votes[index]!])),
  };
}

const asInput = (figures: ProtocolFigures, blank: Set<FigureKey> = new Set()): FiguresInput => {
  const value = (key: FigureKey, n: number | null) => (blank.has(key) || n === null ? '' : String(n));
  return {
    ballotsReceived: value('ballotsReceived', figures.ballotsReceived),
    ballotsIssued: value('ballotsIssued', figures.ballotsIssued),
    ballotsCast: value('ballotsCast', figures.ballotsCast),
    ballotsSpoiled: value('ballotsSpoiled', figures.ballotsSpoiled),
    ballotsUnused: value('ballotsUnused', figures.ballotsUnused),
    ballotsInvalid: value('ballotsInvalid', figures.ballotsInvalid),
    votesAgainstAll: value('votesAgainstAll', figures.votesAgainstAll),
    votes: Object.fromEntries(Object.entries(figures.votes).map(([id, n]) => [id, value(`votes.${Number(id)}`, n)])),
  };
};

/**
 * A results protocol typed for speed: fields in the paper form's order, numeric keyboards, the
 * control relations re-checked on every keystroke; a protocol that breaks one cannot be sent.
 */
export function ProtocolForm({ mode, votersOnList, candidates, againstAllOnBallot }: { mode: ProtocolFormMode; votersOnList: number; candidates: Candidate[]; againstAllOnBallot: boolean }) {
  const t = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const notify = useNotice();
  const [status, setStatus] = useState<Status>(null);
  const [serverRelations, setServerRelations] = useState<RelationError[]>([]);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const disputed = new Set(mode.kind === 'resolve' ? mode.disputed : []);
  const emptyVotes = Object.fromEntries(candidates.map((c) => [String(c.id), '']));
  const defaults: FiguresInput =
    mode.kind === 'resolve'
      ? asInput(mode.agreed, disputed)
      : mode.kind === 'correct'
        ? asInput(mode.initial)
        : ({ ballotsReceived: '', ballotsIssued: '', ballotsCast: '', ballotsSpoiled: '', ballotsUnused: '', ballotsInvalid: '', votesAgainstAll: againstAllOnBallot ? '' : null, votes: emptyVotes });
  const { register, handleSubmit, control, setError, formState } = useForm<FiguresInput, unknown, Figures>({ resolver: zodResolver(figuresSchema), defaultValues: defaults });
  const values = useWatch({ control }) as FiguresInput;
  const figures = typedFigures(values, votersOnList, againstAllOnBallot, candidates);
  const violations = figures ? checkControlRelations(figures) : [];
  const shown: RelationError[] = figures ? violations : serverRelations;

  const onSubmit = handleSubmit(
    async (typed) => {
      setStatus(null);
      setServerRelations([]);
      const input = { ...typed, votesAgainstAll: againstAllOnBallot ? typed.votesAgainstAll : null };
      const result =
        mode.kind === 'enter'
          ? await enterProtocolAction({ precinctId: mode.precinctId, lockVersion: mode.lockVersion, ...input })
          : mode.kind === 'resolve'
            ? await resolveMismatchAction({ protocolId: mode.protocolId, lockVersion: mode.lockVersion, ...input })
            : await correctProtocolAction({ protocolId: mode.protocolId, lockVersion: mode.lockVersion, reason, ...input });
      if (!result.ok) {
        setServerRelations(result.relationErrors ?? []);
        setReasonError(result.fieldErrors?.reason?.[0]);
      }
      const error = applyActionErrors(result, setError, t);
      if (error) return setStatus({ kind: 'error', text: error });
      notify(t(`protocols.saved.${savedMessage(mode.kind, result.ok ? result.data : null)}`));
      router.refresh();
    },
    () => setStatus({ kind: 'error', text: t('errors.invalid') }),
  );

  const field = (name: Path<FiguresInput>, key: FigureKey, label: string, autoFocus = false) => {
    const id = `protocol-${name.replace('.', '-')}`;
    const error = (name.startsWith('votes.') ? formState.errors.votes?.[name.slice(6)] : formState.errors[name as keyof FiguresInput])?.message as string | undefined;
    const isDisputed = disputed.has(key);
    const readOnly = mode.kind === 'resolve' && !isDisputed;
    const hint =
      mode.kind === 'resolve' && isDisputed
        ? t('protocols.form.copies', { first: valueOf(mode.copies[0], key), second: valueOf(mode.copies[1], key) })
        : undefined;
    return (
      <FormField key={name} id={id} label={label} error={error ? t(messageKey(error)) : undefined} hint={hint}>
        <input
          {...register(name)}
          {...fieldAria(id, error, hint)}
          inputMode="numeric"
          autoComplete="off"
          readOnly={readOnly}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- a page opened only to type this form starts at its first field to enter
          autoFocus={autoFocus}
          className={`${inputClass} tabular-nums ${isDisputed ? 'border-amber-500 bg-amber-50' : ''} ${readOnly ? 'bg-slate-100' : ''}`}
        />
      </FormField>
    );
  };
  const firstEditable = mode.kind === 'resolve' ? mode.disputed[0] : 'ballotsReceived';

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t(`protocols.form.label.${mode.kind}`)}>
      <p className="text-sm">
        {t('protocols.form.votersOnList')}: <strong className="tabular-nums" data-testid="voters-on-list">{format.number(votersOnList)}</strong>{' '}
        <span className="text-slate-600">{t('protocols.form.votersFromList')}</span>
      </p>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 font-semibold">{t('protocols.form.ballots')}</legend>
        {BALLOT_FIELDS.map((name) => field(name, name, t(`protocols.fields.${name}`), firstEditable === name))}
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">{t('protocols.form.votes')}</legend>
        {candidates.map((c) => field(`votes.${c.id}` as Path<FiguresInput>, `votes.${c.id}`, t('protocols.form.candidateVotes', { number: c.ballotOrder, name: c.fullName }), firstEditable === `votes.${c.id}`))}
        {againstAllOnBallot && field('votesAgainstAll', 'votesAgainstAll', t('protocols.fields.votesAgainstAll'), firstEditable === 'votesAgainstAll')}
      </fieldset>
      {mode.kind === 'correct' && (
        <FormField id="correction-reason" label={t('protocols.form.reason')} error={reasonError ? t(messageKey(reasonError)) : undefined}>
          <textarea id="correction-reason" value={reason} onChange={(event) => setReason(event.target.value)} rows={2} className={inputClass} />
        </FormField>
      )}
      <div aria-live="polite" data-testid="relations">
        {figures === null && !shown.length ? (
          <p className="text-sm text-slate-600">{t('protocols.form.incomplete')}</p>
        ) : shown.length ? (
          <ul className="list-disc rounded-md border border-red-300 bg-red-50 p-3 pl-8 text-sm text-red-900">
            {shown.map((violation) => (
              <li key={violation.relation}>{t(messageKey(`protocols.relations.${violation.relation}`), violation.values)}</li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-green-800">{t('protocols.form.balanced')}</p>
        )}
      </div>
      <StatusMessage status={status} />
      <div>
        <button type="submit" disabled={formState.isSubmitting || figures === null || violations.length > 0} className={primaryButtonClass}>
          {t(`protocols.form.submit.${mode.kind}`)}
        </button>
      </div>
    </form>
  );
}

/** Which success message a saved protocol gets: what happened and who acts next. */
function savedMessage(kind: ProtocolFormMode['kind'], data: unknown): keyof Messages['protocols']['saved'] {
  if (kind !== 'enter') return kind;
  const status = (data as { status?: string } | null)?.status;
  return status === 'awaiting_review' || status === 'mismatch' ? status : 'first';
}

function valueOf(figures: ProtocolFigures, key: FigureKey): string {
  const value = key.startsWith('votes.') ? figures.votes[Number(key.slice(6))] : figures[key as Exclude<FigureKey, `votes.${number}`>];
  return value === null || value === undefined ? '—' : String(value);
}
