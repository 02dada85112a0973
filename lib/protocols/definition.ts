import { z } from 'zod';
import { KAZAKHSTAN_UTC_OFFSET_HOURS } from '@/lib/calendar';
import { countField, requiredText } from '@/lib/validation/fields';

/**
 * The results protocol as the commission signs it: its numbered lines in the paper form's order,
 * the signatures, and the control relations between the lines. One definition per election kind;
 * the entry form, the server check (the schema below), the comparison and resolution views,
 * corrections, the printout, aggregation and the exports all read it, so another kind of election
 * (party lists, a referendum question) adds a definition here rather than code in ten places.
 * Pure: runs in the browser and on the server.
 */

/** The typed count lines besides the candidates' votes and "against all", in the paper form's order. */
export const LINE_KEYS = [
  'votersAtClose',
  'ballotsReceived',
  'ballotsIssuedPremises',
  'ballotsIssuedOutside',
  'ballotsFoundStationary',
  'ballotsFoundMobile',
  'ballotsSpoiled',
  'ballotsUnused',
  'ballotsInvalid',
] as const;
export type LineKey = (typeof LINE_KEYS)[number];

export type Signatures = {
  chairName: string;
  secretaryName: string;
  membersTotal: number;
  membersPresent: number;
  membersSigning: number;
  dissentAttached: boolean;
  /** Kazakhstan wall-clock time, `YYYY-MM-DDTHH:mm`. */
  signedAt: string;
};
export const SIGNATURE_KEYS = [
  'chairName',
  'secretaryName',
  'membersTotal',
  'membersPresent',
  'membersSigning',
  'dissentAttached',
  'signedAt',
] as const satisfies readonly (keyof Signatures)[];
export type SignatureKey = (typeof SIGNATURE_KEYS)[number];

/** One typed copy of a protocol. `signatures` is null only in entries converted from the earlier form. */
export type ProtocolFigures = Record<LineKey, number> & {
  /** null when the ballot has no "against all" line. */
  votesAgainstAll: number | null;
  /** Votes per candidate on the ballot, by candidate id. */
  votes: Record<number, number>;
  signatures: Signatures | null;
};

/** A field of a protocol: a line, a candidate's votes, "against all" or a signature field. */
export type FigureKey = LineKey | 'votesAgainstAll' | `votes.${number}` | SignatureKey;

export type RelationId = 'ballotBalance' | 'castWithinIssued' | 'issuedWithinVoters' | 'castCounted' | 'mobileWithinOutside' | 'membersOrder';
export type RelationViolation = { relation: RelationId; values: Record<string, number> };

type Relation = {
  id: RelationId;
  /** The fields a violation is shown on. */
  fields: (f: ProtocolFigures) => FigureKey[];
  /** The numbers that break the relation, or null when it holds. */
  broken: (f: ProtocolFigures) => Record<string, number> | null;
};

export type ProtocolDefinition = {
  kind: 'akim';
  /** The numbered count lines; candidates are line `candidatesLine`, "against all" the line after. */
  lines: { number: number; key: LineKey }[];
  candidatesLine: number;
  againstAllLine: number;
  relations: Relation[];
};

export const sumOfVotes = (votes: Record<number, number>) => Object.values(votes).reduce((sum, value) => sum + value, 0);
export const issuedTotal = (f: Record<LineKey, number>) => f.ballotsIssuedPremises + f.ballotsIssuedOutside;
export const foundTotal = (f: Record<LineKey, number>) => f.ballotsFoundStationary + f.ballotsFoundMobile;

const relations: Relation[] = [
  {
    id: 'ballotBalance',
    fields: () => ['ballotsReceived', 'ballotsIssuedPremises', 'ballotsIssuedOutside', 'ballotsSpoiled', 'ballotsUnused'],
    broken: (f) => {
      const sum = issuedTotal(f) + f.ballotsSpoiled + f.ballotsUnused;
      return f.ballotsReceived === sum
        ? null
        : { received: f.ballotsReceived, issued: issuedTotal(f), spoiled: f.ballotsSpoiled, unused: f.ballotsUnused, sum };
    },
  },
  {
    id: 'castWithinIssued',
    fields: () => ['ballotsFoundStationary', 'ballotsFoundMobile'],
    broken: (f) => (foundTotal(f) <= issuedTotal(f) ? null : { cast: foundTotal(f), issued: issuedTotal(f) }),
  },
  {
    id: 'issuedWithinVoters',
    fields: () => ['votersAtClose', 'ballotsIssuedPremises', 'ballotsIssuedOutside'],
    broken: (f) => (issuedTotal(f) <= f.votersAtClose ? null : { issued: issuedTotal(f), voters: f.votersAtClose }),
  },
  {
    id: 'castCounted',
    fields: (f) => [
      'ballotsInvalid',
      ...Object.keys(f.votes).map((id) => `votes.${Number(id)}` as const),
      ...(f.votesAgainstAll === null ? [] : ['votesAgainstAll' as const]),
    ],
    broken: (f) => {
      const candidates = sumOfVotes(f.votes);
      const againstAll = f.votesAgainstAll ?? 0;
      const sum = f.ballotsInvalid + candidates + againstAll;
      return foundTotal(f) === sum ? null : { cast: foundTotal(f), invalid: f.ballotsInvalid, candidates, againstAll, sum };
    },
  },
  {
    id: 'mobileWithinOutside',
    fields: () => ['ballotsFoundMobile'],
    broken: (f) => (f.ballotsFoundMobile <= f.ballotsIssuedOutside ? null : { mobile: f.ballotsFoundMobile, outside: f.ballotsIssuedOutside }),
  },
  {
    id: 'membersOrder',
    fields: () => ['membersSigning', 'membersPresent'],
    broken: (f) => {
      const s = f.signatures;
      if (!s || (s.membersSigning <= s.membersPresent && s.membersPresent <= s.membersTotal)) return null;
      return { signing: s.membersSigning, present: s.membersPresent, total: s.membersTotal };
    },
  },
];

/** The protocol of a precinct commission in akim elections (both kinds of akim elections share it). */
export const AKIM_PROTOCOL: ProtocolDefinition = {
  kind: 'akim',
  lines: LINE_KEYS.map((key, index) => ({ number: index + 1, key })),
  candidatesLine: LINE_KEYS.length + 1,
  againstAllLine: LINE_KEYS.length + 2,
  relations,
};

export function protocolDefinition(_electionKind: 'district_city_akim' | 'rural_akim'): ProtocolDefinition {
  return AKIM_PROTOCOL;
}

/** Every broken relation, with the numbers that break it (empty when the protocol balances). */
export function checkControlRelations(f: ProtocolFigures, definition: ProtocolDefinition = AKIM_PROTOCOL): RelationViolation[] {
  return definition.relations.flatMap((relation) => {
    const values = relation.broken(f);
    return values ? [{ relation: relation.id, values }] : [];
  });
}

/** The value of one field, for comparing copies and showing them. */
export function fieldValue(f: ProtocolFigures, key: FigureKey): string | number | boolean | null {
  if (key.startsWith('votes.')) return f.votes[Number(key.slice(6))] ?? null;
  if ((SIGNATURE_KEYS as readonly string[]).includes(key)) return f.signatures?.[key as SignatureKey] ?? null;
  return f[key as LineKey | 'votesAgainstAll'];
}

/** Every field of a protocol in the paper form's order. */
export function fieldsOf(f: ProtocolFigures, definition: ProtocolDefinition = AKIM_PROTOCOL): FigureKey[] {
  const candidateIds = Object.keys(f.votes).map(Number);
  return [...definition.lines.map((line) => line.key), ...candidateIds.map((id) => `votes.${id}` as const), 'votesAgainstAll', ...SIGNATURE_KEYS];
}

/** The fields where two typed copies differ, the signatures included (a difference there is a mismatch too). */
export function differingFields(a: ProtocolFigures, b: ProtocolFigures, definition: ProtocolDefinition = AKIM_PROTOCOL): FigureKey[] {
  const keys = new Set([...fieldsOf(a, definition), ...fieldsOf(b, definition)]);
  return [...keys].filter((key) => fieldValue(a, key) !== fieldValue(b, key));
}

/** How far the voters at the close are above the approved list, and whether that deserves a reviewer's look. */
export function votersGrowth(votersAtClose: number, votersOnList: number, warnBp: number) {
  const added = votersAtClose - votersOnList;
  return { added, warn: added * 10_000 > warnBp * votersOnList };
}

// ---- Validation: the schema is derived from the definition ----

export const MAX_BALLOTS = 1_000_000;
export const MAX_MEMBERS = 100;
const count = countField(MAX_BALLOTS);
const blankToNull = (value: unknown) => (value === '' || value === undefined ? null : value);
const LOCAL_MINUTE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/** `YYYY-MM-DDTHH:mm` in Kazakhstan time ⇄ an instant. */
export const signedAtToDate = (local: string) => new Date(`${local}:00+0${KAZAKHSTAN_UTC_OFFSET_HOURS}:00`);
export function signedAtFromDate(date: Date): string {
  const shifted = new Date(date.getTime() + KAZAKHSTAN_UTC_OFFSET_HOURS * 3_600_000);
  return shifted.toISOString().slice(0, 16);
}

/** A protocol is signed after the polls close at 20:00 on voting day, and at the latest the next day. */
export function signedAtWindow(votingDay: string) {
  const next = new Date(`${votingDay}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return { from: `${votingDay}T20:00`, to: `${next.toISOString().slice(0, 10)}T23:59` };
}

/**
 * The fields of a typed protocol for a ballot, derived from the definition: every line a bounded
 * whole number, candidates' votes, "against all" and the signature fields, flat so each error
 * lands on its field. `votingDay` (when known) bounds the time of signing.
 */
export function protocolShape(definition: ProtocolDefinition, votingDay: string | null = null) {
  const members = countField(MAX_MEMBERS);
  const window = votingDay ? signedAtWindow(votingDay) : null;
  return {
    ...(Object.fromEntries(definition.lines.map((line) => [line.key, count])) as Record<LineKey, typeof count>),
    votesAgainstAll: z.preprocess(blankToNull, count.nullable()),
    /** Votes by candidate id; the server checks they are exactly the ballot's candidates. */
    votes: z.record(z.string().regex(/^[0-9]+$/), count),
    chairName: requiredText(3, 200),
    secretaryName: requiredText(3, 200),
    membersTotal: members,
    membersPresent: members,
    membersSigning: members,
    dissentAttached: z.preprocess(
      (value) => (value === 'true' || value === 'yes' ? true : value === 'false' || value === 'no' ? false : value),
      z.boolean('errors.required'),
    ),
    signedAt: z
      .string('errors.required')
      .trim()
      .min(1, 'errors.required')
      .regex(LOCAL_MINUTE, 'protocols.errors.signedAtFormat')
      .refine((value) => !window || (value >= window.from && value <= window.to), 'protocols.errors.signedAtWindow'),
  };
}

type ShapeOutput = z.output<z.ZodObject<ReturnType<typeof protocolShape>>>;

/** The typed (flat) fields as a protocol copy. */
export function toProtocolFigures(input: ShapeOutput): ProtocolFigures {
  const lines = Object.fromEntries(LINE_KEYS.map((key) => [key, input[key]])) as Record<LineKey, number>;
  return {
    ...lines,
    votesAgainstAll: input.votesAgainstAll,
    votes: Object.fromEntries(Object.entries(input.votes).map(([id, n]) => [Number(id), n])),
    signatures: Object.fromEntries(SIGNATURE_KEYS.map((key) => [key, input[key]])) as Signatures,
  };
}

/** A protocol copy as the flat fields of the form. */
export function toProtocolInput(f: ProtocolFigures) {
  return { ...Object.fromEntries(LINE_KEYS.map((key) => [key, f[key]])), votesAgainstAll: f.votesAgainstAll, votes: f.votes, ...f.signatures } as Record<
    string,
    unknown
  >;
}

export const relationMessage = (relation: RelationId) => `protocols.relationNames.${relation}`;

/** The shape with the definition's control relations: a broken one is reported by name on the fields it concerns. */
export function protocolSchema(definition: ProtocolDefinition, options: { votingDay: string | null } = { votingDay: null }) {
  return z.object(protocolShape(definition, options.votingDay)).superRefine((value, context) => {
    const figures = toProtocolFigures(value);
    for (const violation of checkControlRelations(figures, definition)) {
      const relation = definition.relations.find((r) => r.id === violation.relation)!;
      for (const field of relation.fields(figures)) {
        context.addIssue({ code: 'custom', path: field.split('.'), message: relationMessage(violation.relation), params: { relation: violation.relation } });
      }
    }
  });
}

export const figuresSchema = z.object(protocolShape(AKIM_PROTOCOL));
export type FiguresInput = z.input<typeof figuresSchema>;
export type Figures = z.output<typeof figuresSchema>;
