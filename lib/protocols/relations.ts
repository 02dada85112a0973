/**
 * A precinct results protocol's figures and the control relations they must satisfy
 * (see the domain brief). Pure: the entry form checks them as the operator types, the server again.
 */
export type ProtocolFigures = {
  votersOnList: number;
  ballotsReceived: number;
  ballotsIssued: number;
  ballotsCast: number;
  ballotsSpoiled: number;
  ballotsUnused: number;
  ballotsInvalid: number;
  /** null when the ballot has no "against all" line. */
  votesAgainstAll: number | null;
  /** Votes per registered candidate, by candidate id. */
  votes: Record<number, number>;
};

export const BALLOT_FIELDS = ['ballotsReceived', 'ballotsIssued', 'ballotsCast', 'ballotsSpoiled', 'ballotsUnused', 'ballotsInvalid'] as const;
export type BallotField = (typeof BALLOT_FIELDS)[number];

export type RelationViolation =
  | { relation: 'ballotBalance'; values: { received: number; issued: number; spoiled: number; unused: number; sum: number } }
  | { relation: 'castWithinIssued'; values: { cast: number; issued: number } }
  | { relation: 'issuedWithinVoters'; values: { issued: number; voters: number } }
  | { relation: 'castCounted'; values: { cast: number; invalid: number; candidates: number; againstAll: number; sum: number } };

export const sumOfVotes = (votes: Record<number, number>) => Object.values(votes).reduce((sum, value) => sum + value, 0);

/** Every broken relation, with the numbers that break it (empty when the protocol balances). */
export function checkControlRelations(f: ProtocolFigures): RelationViolation[] {
  const violations: RelationViolation[] = [];
  const balance = f.ballotsIssued + f.ballotsSpoiled + f.ballotsUnused;
  if (f.ballotsReceived !== balance)
    violations.push({ relation: 'ballotBalance', values: { received: f.ballotsReceived, issued: f.ballotsIssued, spoiled: f.ballotsSpoiled, unused: f.ballotsUnused, sum: balance } });
  if (f.ballotsCast > f.ballotsIssued) violations.push({ relation: 'castWithinIssued', values: { cast: f.ballotsCast, issued: f.ballotsIssued } });
  if (f.ballotsIssued > f.votersOnList) violations.push({ relation: 'issuedWithinVoters', values: { issued: f.ballotsIssued, voters: f.votersOnList } });
  const candidates = sumOfVotes(f.votes);
  const againstAll = f.votesAgainstAll ?? 0;
  const counted = f.ballotsInvalid + candidates + againstAll;
  if (f.ballotsCast !== counted)
    violations.push({ relation: 'castCounted', values: { cast: f.ballotsCast, invalid: f.ballotsInvalid, candidates, againstAll, sum: counted } });
  return violations;
}

export type FigureKey = BallotField | 'votesAgainstAll' | `votes.${number}`;

/** The fields where two typed copies of a protocol differ (voters on the list come from the precinct). */
export function differingFields(a: ProtocolFigures, b: ProtocolFigures): FigureKey[] {
  const fields: FigureKey[] = BALLOT_FIELDS.filter((field) => a[field] !== b[field]);
  if (a.votesAgainstAll !== b.votesAgainstAll) fields.push('votesAgainstAll');
  const candidateIds = [...new Set([...Object.keys(a.votes), ...Object.keys(b.votes)].map(Number))].sort((x, y) => x - y);
  for (const id of candidateIds) if (a.votes[id] !== b.votes[id]) fields.push(`votes.${id}`);
  return fields;
}
