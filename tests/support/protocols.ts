/**
 * Protocol fields for tests. Many tests speak of a protocol in its classic figures (issued, found in
 * the boxes); `protocolInput` turns them into the lines of the paper form (lib/protocols/definition.ts):
 * everything issued at the premises and found in stationary boxes unless the test says otherwise,
 * voters at the close as given, and the signatures of a protocol signed on voting day evening.
 */
type Classic = {
  ballotsReceived: number;
  ballotsIssued?: number;
  ballotsCast?: number;
  ballotsSpoiled: number;
  ballotsUnused: number;
  ballotsInvalid: number;
  votesAgainstAll: number | null;
  votes: Record<string, number>;
  [line: string]: unknown;
};

export const signatureFields = (votingDay: string) => ({
  chairName: 'Ахметов Ержан Серікұлы',
  secretaryName: 'Иванова Анна Петровна',
  membersTotal: 9,
  membersPresent: 8,
  membersSigning: 8,
  dissentAttached: false,
  signedAt: `${votingDay}T21:30`,
});

export function protocolInput({ ballotsIssued, ballotsCast, ...rest }: Classic, options: { votersAtClose: number; votingDay: string }) {
  return {
    votersAtClose: options.votersAtClose,
    ballotsIssuedPremises: ballotsIssued,
    ballotsIssuedOutside: 0,
    ballotsFoundStationary: ballotsCast,
    ballotsFoundMobile: 0,
    ...signatureFields(options.votingDay),
    ...rest,
  };
}

/**
 * A balanced protocol of two candidates: 700 ballots issued, 698 cast, 8 invalid; the candidates
 * have `first` and `second` votes and the rest of the 690 valid ones are against all.
 */
export function balancedProtocol(
  candidateIds: readonly number[],
  options: { votersAtClose: number; votingDay: string; first?: number; second?: number; overrides?: Record<string, unknown> },
) {
  const { first = 400, second = 280 } = options;
  return protocolInput(
    {
      ballotsReceived: 1010,
      ballotsIssued: 700,
      ballotsCast: 698,
      ballotsSpoiled: 3,
      ballotsUnused: 307,
      ballotsInvalid: 8,
      votesAgainstAll: 690 - first - second,
      votes: { [candidateIds[0]!]: first, [candidateIds[1]!]: second },
      ...options.overrides,
    },
    options,
  );
}
