import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { signInSchema } from '@/lib/auth/schemas';
import {
  attestCheckSchema,
  ballotsPrintedSchema,
  decideCancellationSchema,
  decisionSchema,
  depositRefundSchema,
  electedAkimSchema,
  nominationSchema,
  proposeCancellationSchema,
  updateDocumentsSchema,
  withdrawalSchema,
} from '@/lib/candidates/schemas';
import { approveRevisionSchema, importFileSchema, returnRevisionSchema, saveDraftSchema, startRevisionSchema } from '@/lib/constituency-lists/schemas';
import { LINE_KEYS } from '@/lib/protocols/definition';
import { correctProtocolSchema, enterProtocolSchema, reopenResultsSchema } from '@/lib/protocols/schemas';
import { signatureFields } from '../support/protocols';

/** A balanced protocol with its signatures (the schemas check fields; relations are the command's). */
const PROTOCOL_LINES = {
  votersAtClose: 12,
  ballotsReceived: 10,
  ballotsIssuedPremises: 6,
  ballotsIssuedOutside: 2,
  ballotsFoundStationary: 6,
  ballotsFoundMobile: 2,
  ballotsSpoiled: 1,
  ballotsUnused: 1,
  ballotsInvalid: 0,
  ...signatureFields('2026-11-29'),
};
import { createUserSchema, updateUserSchema } from '@/lib/users/schemas';
import { freshIin } from '../support/iin';

/**
 * Property-based checks of every form schema: a valid input stays valid, and replacing any one
 * field with a hostile value gives an error at that field (never an exception, never a pass).
 */
const validIin = freshIin('1980-03-14');

type Case = { schema: z.ZodType; valid: Record<string, unknown>; counts?: string[]; texts?: string[]; dates?: string[]; ids?: string[] };

const CASES: Record<string, Case> = {
  signIn: { schema: signInSchema, valid: { email: 'a@b.kz', password: 'x' }, texts: ['email'] },
  createUser: {
    schema: createUserSchema,
    valid: { email: 'new@b.kz', fullName: 'Aigerim S', role: 'operator', regionId: '3', password: 'long-enough-secret' },
    texts: ['email', 'fullName', 'password'],
  },
  updateUser: {
    schema: updateUserSchema,
    valid: { userId: 5, lockVersion: 1, fullName: 'Aigerim S', role: 'reviewer', regionId: 3, active: true },
    ids: ['userId', 'lockVersion'],
    texts: ['fullName'],
  },
  startRevision: { schema: startRevisionSchema, valid: { electionId: 1, regionId: 2 }, ids: ['electionId', 'regionId'] },
  saveDraft: {
    schema: saveDraftSchema,
    valid: {
      revisionId: 1,
      lockVersion: 1,
      content: {
        constituencies: [
          { code: 'a-b', kind: 'city', nameKk: 'Қала', nameRu: 'Город', nameEn: 'Town', precincts: [{ number: 1, address: 'School 1', votersOnList: 10 }] },
        ],
      },
    },
    ids: ['revisionId', 'lockVersion'],
  },
  importFile: {
    schema: importFileSchema,
    valid: { revisionId: 1, lockVersion: 1, file: new TextEncoder().encode('a,1,b,2') },
    ids: ['revisionId', 'lockVersion'],
  },
  returnRevision: {
    schema: returnRevisionSchema,
    valid: { revisionId: 1, lockVersion: 2, comment: 'Fix precinct 2' },
    ids: ['revisionId'],
    texts: ['comment'],
  },
  approveRevision: { schema: approveRevisionSchema, valid: { revisionId: 1, lockVersion: 2 }, ids: ['revisionId', 'lockVersion'] },
  nomination: {
    schema: nominationSchema,
    valid: {
      electionId: 1,
      constituencyId: 2,
      fullName: 'Серік Болатұлы Оспанов',
      iin: validIin,
      birthDate: '1980-03-14',
      sex: 'male',
      education: 'Higher',
      currentPosition: '',
      nominationRoute: 'self',
      partyId: '',
      applicationReceived: true,
      assetDeclarationsReceived: true,
      depositAmount: 350000,
      depositPaidOn: '2023-09-20',
      supportingSignatures: 300,
    },
    counts: ['depositAmount', 'supportingSignatures'],
    texts: ['fullName', 'education', 'iin'],
    dates: ['birthDate'],
    ids: ['electionId', 'constituencyId'],
  },
  updateDocuments: {
    schema: updateDocumentsSchema,
    valid: {
      candidateId: 1,
      lockVersion: 1,
      applicationReceived: true,
      assetDeclarationsReceived: false,
      depositAmount: 10,
      depositPaidOn: '2023-09-20',
      supportingSignatures: '',
    },
    counts: ['depositAmount'],
    ids: ['candidateId'],
  },
  attestCheck: {
    schema: attestCheckSchema,
    valid: { candidateId: 1, lockVersion: 1, code: 'citizenship', outcome: 'passed', note: 'Passport checked' },
    texts: ['note'],
    ids: ['candidateId'],
  },
  decision: {
    schema: decisionSchema,
    valid: {
      candidateId: 1,
      lockVersion: 1,
      decision: 'refuse',
      refusalGround: 'other',
      explanation: 'Explained at length',
      decisionNumber: '3/2',
      decisionDate: '2023-10-01',
    },
    texts: ['explanation', 'decisionNumber'],
    dates: ['decisionDate'],
  },
  proposeCancellation: {
    schema: proposeCancellationSchema,
    valid: { candidateId: 1, lockVersion: 1, ground: 'voter_bribery', explanation: 'Food parcels handed out' },
    texts: ['explanation'],
    ids: ['candidateId'],
  },
  decideCancellation: {
    schema: decideCancellationSchema,
    valid: { candidateId: 1, lockVersion: 2, decision: 'cancel', decisionNumber: '7/1', decisionDate: '2023-10-20' },
    texts: ['decisionNumber'],
    dates: ['decisionDate'],
  },
  depositRefund: {
    schema: depositRefundSchema,
    valid: { candidateId: 1, lockVersion: 2, refundedOn: '2023-11-12' },
    dates: ['refundedOn'],
    ids: ['candidateId'],
  },
  ballotsPrinted: { schema: ballotsPrintedSchema, valid: { constituencyId: 3, printedOn: '2023-10-18' }, dates: ['printedOn'], ids: ['constituencyId'] },
  electedAkim: {
    schema: electedAkimSchema,
    valid: { constituencyId: 3, decision: 'register', candidateId: 9, decisionNumber: '9/1', decisionDate: '2023-11-10', lateReason: '' },
    texts: ['decisionNumber'],
    dates: ['decisionDate'],
    ids: ['constituencyId', 'candidateId'],
  },
  withdrawal: {
    schema: withdrawalSchema,
    valid: { candidateId: 1, lockVersion: 1, withdrawnBy: 'candidate', withdrawnOn: '2023-10-01' },
    dates: ['withdrawnOn'],
  },
  enterProtocol: {
    schema: enterProtocolSchema,
    valid: { precinctId: 1, lockVersion: 0, ...PROTOCOL_LINES, votesAgainstAll: 1, votes: { '7': 7 } },
    // votesAgainstAll is left out: null is its legitimate "no such line on the ballot".
    counts: [...LINE_KEYS, 'membersTotal', 'membersPresent', 'membersSigning'],
    texts: ['chairName', 'secretaryName'],
    ids: ['precinctId'],
  },
  correctProtocol: {
    schema: correctProtocolSchema,
    valid: { protocolId: 1, lockVersion: 3, reason: 'Typo found in the paper', ...PROTOCOL_LINES, votesAgainstAll: null, votes: { '7': 8 } },
    counts: ['ballotsFoundMobile', 'ballotsInvalid', 'votersAtClose'],
    texts: ['reason', 'chairName'],
  },
  reopenResults: { schema: reopenResultsSchema, valid: { constituencyId: 4, reason: 'Court ruling on recount' }, texts: ['reason'], ids: ['constituencyId'] },
};

const badCount = fc.oneof(
  fc.integer({ max: -1 }),
  fc.double({ noNaN: false }).filter((n) => !Number.isInteger(n) || n > 1e12),
  fc.constantFrom('12abc', 'ten', '1e400', '--5', '0x10', '½', '１２', ' ', 'NaN', 'Infinity', '9999999999999999'),
  fc.constantFrom(null, true, {}, []),
);
const badText = fc.oneof(
  fc.string({ minLength: 5000, maxLength: 6000 }),
  fc.constantFrom('', '   ', '\u0000', '\u200b', 'a'),
  fc.constantFrom(null, 42, {}, []),
);
const badDate = fc.oneof(
  fc.constantFrom('2023-02-30', '2023-13-01', '31.12.2023', '', 'yesterday', '2023-1-1', '0000-00-00', '20230101'),
  fc.constantFrom(null, 20230101, {}),
);
const badId = fc.oneof(fc.integer({ max: 0 }), fc.constantFrom('x', '', '1.5', null, -3, {}));

describe.each(Object.entries(CASES))('%s schema', (_name, { schema, valid, counts = [], texts = [], dates = [], ids = [] }) => {
  it('accepts its valid example', () => {
    expect(schema.safeParse(valid).success).toBe(true);
  });

  const hostile: [string, fc.Arbitrary<unknown>][] = [
    ...counts.map((field) => [field, badCount] as [string, fc.Arbitrary<unknown>]),
    ...texts.map((field) => [field, badText] as [string, fc.Arbitrary<unknown>]),
    ...dates.map((field) => [field, badDate] as [string, fc.Arbitrary<unknown>]),
    ...ids.map((field) => [field, badId] as [string, fc.Arbitrary<unknown>]),
  ];
  it.each(hostile)('rejects a hostile %s at that field', (field, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (value) => {
        const result = schema.safeParse({ ...valid, [field]: value });
        if (result.success) return false;
        return result.error.issues.some((issue) => issue.path[0] === field);
      }),
      { numRuns: 60 },
    );
  });

  it('reports every missing required field at its own path', () => {
    for (const field of [...counts, ...texts, ...dates, ...ids]) {
      const { [field]: _dropped, ...rest } = valid;
      const result = schema.safeParse(rest);
      const optional = field === 'supportingSignatures' || field === 'votesAgainstAll';
      if (optional) continue;
      expect(result.success, field).toBe(false);
      expect(
        result.error?.issues.some((issue) => issue.path[0] === field),
        field,
      ).toBe(true);
    }
  });

  it('never lets extra fields through to the command', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !(key in valid) && key !== '__proto__'),
          fc.anything(),
        ),
        (extra) => {
          const result = schema.safeParse({ ...valid, ...extra });
          return !result.success || Object.keys(extra).every((key) => !(key in (result.data as object)));
        },
      ),
      { numRuns: 40 },
    );
  });
});
