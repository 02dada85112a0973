'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { useForm, useWatch, type Path } from 'react-hook-form';
import { z } from 'zod';
import { correctProtocolAction, enterProtocolAction, resolveMismatchAction } from '@/lib/protocols/actions';
import type { RelationError } from '@/lib/commands';
import {
  checkControlRelations,
  fieldValue,
  protocolDefinition,
  protocolShape,
  signedAtWindow,
  toProtocolInput,
  votersGrowth,
  type FigureKey,
  type Figures,
  type FiguresInput,
  type LineKey,
  type ProtocolFigures,
  type SignatureKey,
} from '@/lib/protocols/definition';
import { applyActionErrors } from '../form-result';
import { fieldAria, FormField, inputClass, primaryButtonClass, TextAreaField } from '../form-field';
import { StatusMessage, type Status } from '../status-message';
import { messageKey } from '@/lib/i18n/keys';
import { useNotice } from '../notice';
import type { Messages } from 'next-intl';

export type ProtocolFormMode =
  | { kind: 'enter'; precinctId: number; lockVersion: number }
  | { kind: 'resolve'; protocolId: number; lockVersion: number; agreed: ProtocolFigures; disputed: FigureKey[]; copies: [ProtocolFigures, ProtocolFigures] }
  | { kind: 'correct'; protocolId: number; lockVersion: number; initial: ProtocolFigures };

type Candidate = { id: number; fullName: string; ballotOrder: number };
type ElectionKind = 'district_city_akim' | 'rural_akim';

const WHOLE = /^\s*\d+\s*$/;
const number = (value: unknown) => ((typeof value === 'string' || typeof value === 'number') && WHOLE.test(String(value)) ? Number(value) : null);

/** Parses the typed counts into figures, or null while any count is empty or not a whole number. */
function typedFigures(values: Record<string, unknown> | undefined, lineKeys: LineKey[], againstAll: boolean, candidates: Candidate[]): ProtocolFigures | null {
  if (!values) return null;
  const lines = lineKeys.map((key) => number(values[key]));
  const votesTyped = (values.votes ?? {}) as Record<string, unknown>;
  const votes = candidates.map((c) => number(votesTyped[String(c.id)]));
  const against = againstAll ? number(values.votesAgainstAll) : 0;
  if ([...lines, ...votes, against].some((value) => value === null)) return null;
  const members = (['membersTotal', 'membersPresent', 'membersSigning'] as const).map((key) => number(values[key]));
  return {
    ...(Object.fromEntries(lineKeys.map((key, index) => [key, lines[index]])) as Record<LineKey, number>),
    votesAgainstAll: againstAll ? against : null,
    votes: Object.fromEntries(candidates.map((c, index) => [c.id, votes[index]!])),
    // Only the members' counts take part in a relation; the other signature fields are checked as fields.
    signatures: members.every((m) => m !== null)
      ? {
          chairName: '',
          secretaryName: '',
          membersTotal: members[0]!,
          membersPresent: members[1]!,
          membersSigning: members[2]!,
          dissentAttached: false,
          signedAt: '',
        }
      : null,
  };
}

/** A stored copy as form values; `blank` fields start empty (the disputed ones a reviewer types). */
function asInput(figures: ProtocolFigures, blank: Set<FigureKey> = new Set()): FiguresInput {
  const input = toProtocolInput(figures);
  const value = (key: FigureKey, v: unknown) =>
    blank.has(key) || !(typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') ? '' : String(v);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(input)) if (key !== 'votes') out[key] = value(key as FigureKey, v);
  out.votes = Object.fromEntries(Object.entries(figures.votes).map(([id, n]) => [id, value(`votes.${Number(id)}`, n)]));
  return out as FiguresInput;
}

/**
 * A results protocol typed for speed: the paper form's lines in its order and numbering (from the
 * protocol definition), numeric keyboards, the signatures, and the control relations re-checked
 * on every keystroke; a protocol that breaks one cannot be sent. Line 1 shows the approved list
 * beside it, with the voters added on the day.
 */
export function ProtocolForm({
  mode,
  votersOnList,
  candidates,
  againstAllOnBallot,
  electionKind,
  votingDay,
  votersGrowthWarnBp,
}: {
  mode: ProtocolFormMode;
  votersOnList: number;
  candidates: Candidate[];
  againstAllOnBallot: boolean;
  electionKind: ElectionKind;
  votingDay: string;
  votersGrowthWarnBp: number;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const notify = useNotice();
  const definition = protocolDefinition(electionKind);
  const lineKeys = definition.lines.map((line) => line.key);
  const schema = useMemo(() => z.object(protocolShape(protocolDefinition(electionKind), votingDay)), [electionKind, votingDay]);
  const [status, setStatus] = useState<Status>(null);
  const [serverRelations, setServerRelations] = useState<RelationError[]>([]);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const disputed = new Set(mode.kind === 'resolve' ? mode.disputed : []);
  const blankDefaults = {
    ...Object.fromEntries(lineKeys.map((key) => [key, ''])),
    votesAgainstAll: againstAllOnBallot ? '' : null,
    votes: Object.fromEntries(candidates.map((c) => [String(c.id), ''])),
    chairName: '',
    secretaryName: '',
    membersTotal: '',
    membersPresent: '',
    membersSigning: '',
    dissentAttached: '',
    signedAt: '',
  } as unknown as FiguresInput;
  const defaults: FiguresInput = mode.kind === 'resolve' ? asInput(mode.agreed, disputed) : mode.kind === 'correct' ? asInput(mode.initial) : blankDefaults;
  const { register, handleSubmit, control, setError, formState } = useForm<FiguresInput, unknown, Figures>({
    resolver: zodResolver(schema),
    defaultValues: defaults,
  });
  const values = useWatch({ control }) as Record<string, unknown>;
  const figures = typedFigures(values, lineKeys, againstAllOnBallot, candidates);
  const violations = figures ? checkControlRelations(figures, definition) : [];
  const shown: RelationError[] = figures ? violations : serverRelations;
  const atClose = number(values.votersAtClose);
  const growth = atClose === null ? null : votersGrowth(atClose, votersOnList, votersGrowthWarnBp);
  const window = signedAtWindow(votingDay);

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

  const errorOf = (name: string) =>
    (name.startsWith('votes.')
      ? (formState.errors.votes as Record<string, { message?: string }> | undefined)?.[name.slice(6)]
      : (formState.errors as Record<string, { message?: string }>)[name]
    )?.message;
  const hintFor = (key: FigureKey, extra?: string) =>
    mode.kind === 'resolve' && disputed.has(key)
      ? t('protocols.form.copies', { first: String(fieldValue(mode.copies[0], key) ?? '—'), second: String(fieldValue(mode.copies[1], key) ?? '—') })
      : extra;
  const field = (key: FigureKey, label: string, options: { numeric?: boolean; type?: string; hint?: string; autoFocus?: boolean } = {}) => {
    const name = key as Path<FiguresInput>;
    const id = `protocol-${key.replace('.', '-')}`;
    const error = errorOf(key);
    const isDisputed = disputed.has(key);
    const readOnly = mode.kind === 'resolve' && !isDisputed;
    const hint = hintFor(key, options.hint);
    return (
      <FormField key={key} id={id} label={label} error={error ? t(messageKey(error)) : undefined} hint={hint}>
        <input
          {...register(name)}
          {...fieldAria(id, error, hint)}
          type={options.type ?? 'text'}
          inputMode={options.numeric === false ? undefined : 'numeric'}
          autoComplete="off"
          readOnly={readOnly}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- a page opened only to type this form starts at its first field to enter
          autoFocus={options.autoFocus}
          min={options.type === 'datetime-local' ? window.from : undefined}
          max={options.type === 'datetime-local' ? window.to : undefined}
          className={`${inputClass} ${options.numeric === false ? '' : 'tabular-nums'} ${isDisputed ? 'border-amber-500 bg-amber-50' : ''} ${readOnly ? 'bg-slate-100' : ''}`}
        />
      </FormField>
    );
  };
  const firstEditable = mode.kind === 'resolve' ? mode.disputed[0] : 'votersAtClose';
  const line = (key: LineKey, n: number) => field(key, `${n}. ${t(`protocols.lines.${key}`)}`, { autoFocus: firstEditable === key });
  const dissentError = errorOf('dissentAttached');
  const dissentReadOnly = mode.kind === 'resolve' && !disputed.has('dissentAttached');
  const signature = (key: SignatureKey, options: { numeric?: boolean; type?: string; hint?: string } = {}) =>
    field(key, t(`protocols.signatures.${key}`), { ...options, autoFocus: firstEditable === key });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t(`protocols.form.label.${mode.kind}`)}>
      <fieldset className="grid gap-3">
        <legend className="mb-2 font-semibold">{t('protocols.form.ballots')}</legend>
        {line('votersAtClose', 1)}
        <p className="-mt-2 text-sm text-slate-700" data-testid="voters-on-list">
          {t('protocols.form.listFigure', { voters: format.number(votersOnList) })}
          {growth && (
            <>
              {' · '}
              <strong data-testid="voters-added">
                {growth.added >= 0 ? t('protocols.form.addedOnDay', { count: growth.added }) : t('protocols.form.fewerAtClose', { count: -growth.added })}
              </strong>
            </>
          )}
        </p>
        {growth?.warn && (
          <p role="status" className="rounded-md border border-amber-400 bg-amber-50 p-2 text-sm text-amber-900" data-testid="growth-warning">
            {t('protocols.form.growthWarning', { share: format.number(votersGrowthWarnBp / 100) })}
          </p>
        )}
        <div className="grid gap-3 sm:grid-cols-2">{definition.lines.slice(1).map((l) => line(l.key, l.number))}</div>
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">
          {definition.candidatesLine}. {t('protocols.lines.votes')}
        </legend>
        {candidates.map((c) =>
          field(
            `votes.${c.id}`,
            `${definition.candidatesLine}.${c.ballotOrder} ${t('protocols.form.candidateVotes', { number: c.ballotOrder, name: c.fullName })}`,
            {
              autoFocus: firstEditable === `votes.${c.id}`,
            },
          ),
        )}
        {againstAllOnBallot &&
          field('votesAgainstAll', `${definition.againstAllLine}. ${t('protocols.lines.votesAgainstAll')}`, { autoFocus: firstEditable === 'votesAgainstAll' })}
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 font-semibold">{t('protocols.form.signatures')}</legend>
        <div className="sm:col-span-3 grid gap-3 sm:grid-cols-2">
          {signature('chairName', { numeric: false })}
          {signature('secretaryName', { numeric: false })}
        </div>
        {signature('membersTotal')}
        {signature('membersPresent')}
        {signature('membersSigning')}
        <div className="flex flex-col gap-1">
          <span className="text-sm font-medium" id="protocol-dissentAttached-label">
            {t('protocols.signatures.dissentAttached')}
          </span>
          <div
            role="radiogroup"
            aria-labelledby="protocol-dissentAttached-label"
            className={`flex gap-4 rounded-md p-1 ${disputed.has('dissentAttached') ? 'border border-amber-500 bg-amber-50' : ''}`}
          >
            {(['false', 'true'] as const).map((option) => (
              <label key={option} className="flex items-center gap-2">
                <input
                  type="radio"
                  value={option}
                  aria-disabled={dissentReadOnly || undefined}
                  className={dissentReadOnly ? 'pointer-events-none' : ''}
                  {...register('dissentAttached')}
                />
                {t(option === 'true' ? 'protocols.signatures.yes' : 'protocols.signatures.no')}
              </label>
            ))}
          </div>
          {hintFor('dissentAttached') && <p className="text-sm text-slate-600">{hintFor('dissentAttached')}</p>}
          {dissentError && <p className="text-sm text-red-700">{t(messageKey(dissentError))}</p>}
        </div>
        <div className="sm:col-span-2">{signature('signedAt', { numeric: false, type: 'datetime-local', hint: t('protocols.form.signedAtHint') })}</div>
      </fieldset>
      {mode.kind === 'correct' && (
        <TextAreaField
          id="correction-reason"
          label={t('protocols.form.reason')}
          error={reasonError ? t(messageKey(reasonError)) : undefined}
          value={reason}
          onChange={setReason}
        />
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
