import ru from '@/messages/ru.json';
import { renderPaperSvg, type PaperRow } from '@/lib/protocol-images/demo-rendering';
import { AKIM_PROTOCOL, signedAtFromDate } from '@/lib/protocols/definition';
import { sha256Hex } from '@/lib/storage/hash';
import { addMinutes } from './calendar';
import type { DemoCandidate, DemoConstituency, DemoData, DemoElection, DemoProtocol, ProtocolFigures } from './types';

/**
 * The demo's protocol images: a rendering of each protocol's own figures in the paper form's
 * layout (lib/protocol-images/demo-rendering.ts), marked as a demo rendering. Every protocol of
 * the 2023 pilot has one, reviewed with its approval; in the counting election protocols under
 * review have theirs waiting, and some approved ones were approved without one, with a reason.
 * Made at load time from the generated data, which stays as it was.
 */
export type DemoScan = {
  protocol: DemoProtocol;
  bytes: Uint8Array;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
};

const PILOT_SLUG = 'akim-2023';

/** Why some approved counting-election protocols have no image (every third precinct). */
export const DEMO_WITHOUT_IMAGE_REASON = 'Фото протокола не получено: бумажный протокол сверен в районной комиссии.';
export const approvedWithoutImage = (protocol: DemoProtocol) =>
  protocol.status === 'approved' && protocol.electionSlug !== PILOT_SLUG && protocol.precinctNumber % 3 === 0;

/**
 * The lines of the paper form with this protocol's figures, in the form's order, as the protocol
 * definition (lib/protocols/definition.ts) gives them: when the form changes, the definition does.
 */
export function paperRows(figures: ProtocolFigures, candidates: DemoCandidate[]): PaperRow[] {
  const labels = ru.protocols.lines;
  const lines = AKIM_PROTOCOL.lines.map((line) => ({ number: String(line.number), label: labels[line.key], value: figures[line.key] }));
  const votes = [...candidates]
    .sort((a, b) => (a.ballotOrder ?? 0) - (b.ballotOrder ?? 0))
    .map((candidate) => ({
      number: `${AKIM_PROTOCOL.candidatesLine}.${candidate.ballotOrder}`,
      label: candidate.fullName,
      value: figures.votes.find((line) => line.candidateIin === candidate.iin)?.votes ?? 0,
    }));
  const againstAll =
    figures.votesAgainstAll === null ? [] : [{ number: String(AKIM_PROTOCOL.againstAllLine), label: labels.votesAgainstAll, value: figures.votesAgainstAll }];
  return [...lines, ...votes, ...againstAll];
}

export function demoProtocolScans(demo: DemoData): DemoScan[] {
  const elections = new Map<string, DemoElection>(demo.elections.map((election) => [election.slug, election]));
  const constituencies = new Map<string, DemoConstituency>(demo.constituencies.map((c) => [`${c.electionSlug}/${c.code}`, c]));
  const candidatesOf = new Map<string, DemoCandidate[]>();
  for (const candidate of demo.candidates) {
    if (candidate.status !== 'registered') continue;
    const key = `${candidate.electionSlug}/${candidate.constituencyCode}`;
    candidatesOf.set(key, [...(candidatesOf.get(key) ?? []), candidate]);
  }
  return demo.protocols.flatMap((protocol): DemoScan[] => {
    // Operators photograph the paper once both copies are typed; a protocol typed once has none yet.
    if (protocol.status === 'entered_once' || approvedWithoutImage(protocol)) return [];
    const key = `${protocol.electionSlug}/${protocol.constituencyCode}`;
    const constituency = constituencies.get(key)!;
    const precinct = constituency.precincts.find((p) => p.number === protocol.precinctNumber)!;
    // The paper holds the figures that were approved, or the first copy (the second was mistyped).
    const paper = protocol.entries.find((entry) => entry.kind === (protocol.approvedEntryKind ?? 'first'))!;
    const svg = renderPaperSvg({
      election: elections.get(protocol.electionSlug)!.nameRu,
      constituency: constituency.nameRu,
      precinctNumber: precinct.number,
      address: precinct.address,
      rows: paperRows(paper, candidatesOf.get(key) ?? []),
      signedOn: signedAtFromDate(paper.signedAt ?? paper.enteredAt).slice(0, 10),
    });
    const bytes = new TextEncoder().encode(svg);
    return [
      {
        protocol,
        bytes,
        sha256: sha256Hex(bytes),
        uploadedBy: protocol.version.createdBy,
        uploadedAt: addMinutes(paper.enteredAt, 3),
        reviewedBy: protocol.version.approvedBy,
        reviewedAt: protocol.version.approvedAt,
      },
    ];
  });
}
