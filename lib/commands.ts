import { z } from 'zod';
import type { Database, Transaction } from '@/db/client';
import { isUniqueViolation, postgresError } from '@/db/errors';
import { writeAudit, type AuditEvent } from '@/lib/audit/write';
import { canAccessRegion, hasPermission, type Permission } from '@/lib/auth/permissions';
import { loadActiveUser, type StaffUser } from '@/lib/users/queries';
import type { MessageKey } from '@/lib/i18n/keys';

/**
 * Every state-changing command of the portal runs through `executeCommand`: validate the input,
 * re-read the actor from the database, check permission and region, then change the data and
 * write its audit row in one transaction. Server actions are thin wrappers around it.
 */

/** Error codes a form can show; each maps to a message key `errors.<code>` in the catalogues. */
export type ErrorCode = 'unauthenticated' | 'forbidden' | 'invalid' | 'conflict' | 'notFound' | 'invalidState' | 'failed';
export type FieldErrors = Record<string, string[] | undefined>;
/** A problem in one line of an uploaded file. */
export type RowError = { line: number; column?: string; message: string; messageValues?: Record<string, string>; value?: string };
/** A broken control relation of a protocol, with the numbers that break it. */
export type RelationError = { relation: string; values: Record<string, number> };
/** `message` is a catalogue key; `messageValues` fill its placeholders. */
type FailureDetail = {
  message?: MessageKey;
  messageValues?: Record<string, string>;
  fieldErrors?: FieldErrors;
  rowErrors?: RowError[];
  relationErrors?: RelationError[];
};
export type ActionResult<T = null> = { ok: true; data: T } | ({ ok: false; error: ErrorCode } & FailureDetail);

/** A refusal the domain raises on purpose; `message` is an i18n key with more detail than the code. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: FailureDetail,
  ) {
    super(detail?.message ?? code);
  }
}

/**
 * Optimistic locking, the one rule for every record a form edits: a change names the version it
 * was read at (the record's `lockVersion`); a record that moved on since was saved by someone else,
 * and the change is refused rather than overwriting theirs.
 */
export function assertLockVersion(current: number, expected: number): void {
  if (current !== expected) throw new DomainError('conflict', { message: 'errors.staleEdit' });
}

export type CommandContext<I> = {
  input: I;
  actor: StaffUser;
  tx: Transaction;
  /** The region of the command's target, already checked against the actor's scope. */
  regionId: number | null;
  audit: (event: AuditEvent) => Promise<void>;
};

export type Command<S extends z.ZodType, R> = {
  name: string;
  permission: Permission;
  schema: S;
  /** Where the target lives, read inside the transaction; null for commands bound to no region. */
  regionOf: (input: z.infer<S>, tx: Transaction) => number | null | Promise<number | null>;
  run: (context: CommandContext<z.infer<S>>) => Promise<R>;
};

export const defineCommand = <S extends z.ZodType, R>(command: Command<S, R>) => command;

/**
 * Unique keys whose violation means the input repeats a record that already exists (one person
 * nominated twice, a party's second nominee in a constituency, a taken e-mail): the user is told
 * which field and why. A unique violation not listed here can only come from two people doing the
 * same thing at the same moment, and is reported as a conflict ("reload and try again").
 */
export const DUPLICATE_KEYS: Record<string, { field: string; message: MessageKey } | { field?: undefined; message: MessageKey }> = {
  candidates_iin_per_election_unique: { field: 'iin', message: 'candidates.errors.duplicateIin' },
  candidates_one_party_nominee_per_constituency: { field: 'partyId', message: 'candidates.errors.partyQuota' },
  elections_slug_unique: { field: 'slug', message: 'elections.errors.slugTaken' },
  parties_code_unique: { field: 'code', message: 'parties.errors.codeTaken' },
  parties_registration_number_unique: { field: 'registrationNumber', message: 'parties.errors.registrationNumberTaken' },
  users_email_lower_unique: { field: 'email', message: 'errors.emailTaken' },
  // Two operators starting a revision at once: the second one finds the first one's open revision.
  list_revisions_one_open_per_region: { message: 'lists.errors.openRevisionExists' },
  list_revisions_number_unique: { message: 'lists.errors.openRevisionExists' },
  // Two reviewers answering a screening flag at once: the second finds it answered.
  screening_checks_entry_id_unique: { message: 'screening.errors.alreadyChecked' },
};

/** The refusal for a repeated unique key, or null when the violation is not a known duplicate. */
export function duplicateRefusal(error: unknown): DomainError | null {
  const pg = postgresError(error);
  const known = pg?.code === '23505' && pg.constraint ? DUPLICATE_KEYS[pg.constraint] : undefined;
  if (!known) return null;
  return known.field
    ? new DomainError('invalid', { fieldErrors: { [known.field]: [known.message] } })
    : new DomainError('invalidState', { message: known.message });
}

/** Who runs a command: from the session cookie (version and server-side session checked) or in-process (CLI, seed, tests). */
export type ActorRef = { id: number; sessionVersion?: number; sessionId?: string } | null;

const failure = (error: ErrorCode, extra: FailureDetail = {}): ActionResult<never> => ({
  ok: false,
  error,
  ...extra,
});

export async function executeCommand<S extends z.ZodType, R>(
  db: Database,
  command: Command<S, R>,
  actorRef: ActorRef,
  rawInput: unknown,
): Promise<ActionResult<R>> {
  if (!actorRef) return failure('unauthenticated');
  try {
    const actor = await loadActiveUser(db, actorRef.id, actorRef.sessionVersion, actorRef.sessionId);
    if (!actor) return failure('unauthenticated');
    if (!hasPermission(actor, command.permission)) return failure('forbidden');

    const parsed = command.schema.safeParse(rawInput);
    if (!parsed.success) return failure('invalid', { fieldErrors: z.flattenError(parsed.error).fieldErrors });

    const data = await db.transaction(async (tx) => {
      const regionId = await command.regionOf(parsed.data, tx);
      if (!canAccessRegion(actor, regionId)) throw new DomainError('forbidden');
      return command.run({
        input: parsed.data,
        actor,
        tx,
        regionId,
        audit: (event) => writeAudit(tx, actor, { regionId, ...event }),
      });
    });
    return { ok: true, data };
  } catch (error) {
    if (error instanceof DomainError) return failure(error.code, error.detail);
    const duplicate = duplicateRefusal(error);
    if (duplicate) return failure(duplicate.code, duplicate.detail);
    if (isUniqueViolation(error)) return failure('conflict');
    // Serialization failures and deadlocks: the other writer won; the user reloads and retries.
    if (['40001', '40P01'].includes(postgresError(error)?.code ?? '')) return failure('conflict');
    // Anything else (the database unreachable, say) is reported as failed. One transaction means
    // nothing is half-written: it rolled back whole (or, if the link broke during COMMIT, committed whole).
    console.error(`command ${command.name} failed`, error);
    return failure('failed');
  }
}
