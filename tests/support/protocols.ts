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
