import { sql } from 'drizzle-orm';
import { writeAudit } from '@/lib/audit/write';
import { hashPassword } from '@/lib/auth/password';
import { todayInKazakhstan } from '@/lib/calendar';
import type { Database, Queryable, Transaction } from './client';
import { getFileStore } from '@/lib/storage';
import { PAPER_SIZE } from '@/lib/protocol-images/demo-rendering';
import { DEMO_PASSWORD, generateDemoData, type DemoData } from './demo';
import { approvedWithoutImage, DEMO_WITHOUT_IMAGE_REASON, demoProtocolScans } from './demo/protocol-images';
import {
  akimRegistrations,
  candidateChecks,
  candidates,
  constituencies,
  constituencyListRevisions,
  elections,
  parties,
  precincts,
  protocolEntries,
  protocolEntryVotes,
  protocols,
  protocolScanFiles,
  protocolScanPages,
  protocolScans,
  protocolVersions,
  regions,
  registrationCancellations,
  users,
} from './schema';

/** True while the database holds no election: the demo may be loaded. */
export async function isDatabaseEmpty(db: Queryable): Promise<boolean> {
  const rows = await db.select({ id: elections.id }).from(elections).limit(1);
  return rows.length === 0;
}

/**
 * Loads the demo (see db/demo) in one transaction: all of it or nothing. `referenceDate`
 * (YYYY-MM-DD, default today in Kazakhstan) dates the upcoming election. Refuses a database that
 * already holds elections; two seeds racing each other collide on the unique election slug.
 */
export async function seedDemoData(db: Database, options: { referenceDate?: string } = {}): Promise<void> {
  if (!(await isDatabaseEmpty(db))) {
    throw new Error('The database already holds elections: the demo is only loaded into an empty database.');
  }
  // Kazakhstan's day, not the UTC day: from 19:00 UTC the demo elections already belong to tomorrow.
  const referenceDate = options.referenceDate ?? todayInKazakhstan();
  const demo = generateDemoData(referenceDate);
  // Argon2 is slow on purpose: hash the shared demo password once, not once per account.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction((tx) => insertDemo(tx, demo, passwordHash, referenceDate));
}

// Multi-row inserts in slices: far fewer round trips than row by row, well below the 65,535 parameter cap.
const ROWS_PER_INSERT = 500;

async function inSlices<Row>(rows: readonly Row[], run: (slice: Row[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) await run(rows.slice(start, start + ROWS_PER_INSERT));
}

/** Inserts in slices and maps each natural key to the id the database gave the row. */
async function insertReturningIds<Row, Returned extends { id: number }>(
  what: string,
  rows: readonly Row[],
  insert: (slice: Row[]) => Promise<Returned[]>,
  keyOf: (returned: Returned) => string,
): Promise<(key: string) => number> {
  const ids = new Map<string, number>();
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    for (const returned of await insert(rows.slice(start, start + ROWS_PER_INSERT))) ids.set(keyOf(returned), returned.id);
  }
  return (key) => {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`Demo data refers to an unknown ${what}: ${key}`);
    return id;
  };
}

async function insertDemo(tx: Transaction, demo: DemoData, passwordHash: string, referenceDate: string): Promise<void> {
  const regionId = await insertReturningIds(
    'region',
    demo.regions,
    (slice) => tx.insert(regions).values(slice).returning({ id: regions.id, code: regions.code }),
    (row) => row.code,
  );
  const partyId = await insertReturningIds(
    'party',
    demo.parties,
    (slice) => tx.insert(parties).values(slice).returning({ id: parties.id, code: parties.code }),
    (row) => row.code,
  );
  const userId = await insertReturningIds(
    'user',
    demo.users,
    (slice) =>
      tx
        .insert(users)
        .values(slice.map(({ regionCode, ...user }) => ({ ...user, passwordHash, regionId: regionCode === null ? null : regionId(regionCode) })))
        .returning({ id: users.id, email: users.email }),
    (row) => row.email,
  );
  const optionalUserId = (email: string | null) => (email === null ? null : userId(email));
  const electionId = await insertReturningIds(
    'election',
    demo.elections,
    (slice) => tx.insert(elections).values(slice).returning({ id: elections.id, slug: elections.slug }),
    (row) => row.slug,
  );

  const revisionId = await insertReturningIds(
    'constituency list revision',
    demo.listRevisions,
    (slice) =>
      tx
        .insert(constituencyListRevisions)
        .values(
          slice.map(({ electionSlug, regionCode, createdBy, updatedBy, submittedBy, reviewedBy, ...revision }) => ({
            ...revision,
            electionId: electionId(electionSlug),
            regionId: regionId(regionCode),
            createdBy: userId(createdBy),
            updatedBy: optionalUserId(updatedBy),
            submittedBy: optionalUserId(submittedBy),
            reviewedBy: optionalUserId(reviewedBy),
          })),
        )
        .returning({
          id: constituencyListRevisions.id,
          electionId: constituencyListRevisions.electionId,
          regionId: constituencyListRevisions.regionId,
          revisionNo: constituencyListRevisions.revisionNo,
        }),
    (row) => `${row.electionId}/${row.regionId}/${row.revisionNo}`,
  );
  const constituencyId = await insertReturningIds(
    'constituency',
    demo.constituencies,
    (slice) =>
      tx
        .insert(constituencies)
        .values(
          slice.map((constituency) => {
            const ids = { electionId: electionId(constituency.electionSlug), regionId: regionId(constituency.regionCode) };
            return {
              ...ids,
              code: constituency.code,
              kind: constituency.kind,
              nameKk: constituency.nameKk,
              nameRu: constituency.nameRu,
              nameEn: constituency.nameEn,
              listRevisionId: revisionId(`${ids.electionId}/${ids.regionId}/${constituency.listRevisionNo}`),
              resultsStatus: constituency.resultsStatus,
              resultsOfficialAt: constituency.resultsOfficialAt,
              resultsOfficialBy: optionalUserId(constituency.resultsOfficialBy),
              ballotsPrintedOn: constituency.ballotsPrintedOn,
            };
          }),
        )
        .returning({ id: constituencies.id, electionId: constituencies.electionId, code: constituencies.code }),
    (row) => `${row.electionId}/${row.code}`,
  );
  const constituencyOf = (row: { electionSlug: string; constituencyCode: string }) => constituencyId(`${electionId(row.electionSlug)}/${row.constituencyCode}`);

  const precinctId = await insertReturningIds(
    'precinct',
    demo.constituencies.flatMap((constituency) =>
      constituency.precincts.map((precinct) => ({
        ...precinct,
        constituencyId: constituencyId(`${electionId(constituency.electionSlug)}/${constituency.code}`),
      })),
    ),
    (slice) => tx.insert(precincts).values(slice).returning({ id: precincts.id, constituencyId: precincts.constituencyId, number: precincts.number }),
    (row) => `${row.constituencyId}/${row.number}`,
  );

  const candidateId = await insertReturningIds(
    'candidate',
    demo.candidates,
    (slice) =>
      tx
        .insert(candidates)
        .values(
          slice.map(({ electionSlug, constituencyCode, partyCode, decidedBy, enteredBy, depositRefundRecordedBy, checks, ...candidate }) => ({
            ...candidate,
            electionId: electionId(electionSlug),
            constituencyId: constituencyOf({ electionSlug, constituencyCode }),
            partyId: partyCode === null ? null : partyId(partyCode),
            decidedBy: optionalUserId(decidedBy),
            enteredBy: userId(enteredBy),
            depositRefundRecordedBy: optionalUserId(depositRefundRecordedBy),
          })),
        )
        .returning({ id: candidates.id, electionId: candidates.electionId, iin: candidates.iin }),
    (row) => `${row.electionId}/${row.iin}`,
  );
  const candidateOf = (electionSlug: string, iin: string) => candidateId(`${electionId(electionSlug)}/${iin}`);
  await inSlices(
    demo.candidates.flatMap((candidate) =>
      candidate.checks.map((check) => ({
        ...check,
        candidateId: candidateOf(candidate.electionSlug, candidate.iin),
        decidedBy: optionalUserId(check.decidedBy),
      })),
    ),
    (slice) => tx.insert(candidateChecks).values(slice),
  );

  await inSlices(demo.cancellations, (slice) =>
    tx.insert(registrationCancellations).values(
      slice.map(({ electionSlug, candidateIin, proposedBy, decidedBy, ...cancellation }) => ({
        ...cancellation,
        candidateId: candidateOf(electionSlug, candidateIin),
        proposedBy: userId(proposedBy),
        decidedBy: optionalUserId(decidedBy),
      })),
    ),
  );
  await inSlices(demo.akimRegistrations, (slice) =>
    tx.insert(akimRegistrations).values(
      slice.map(({ electionSlug, constituencyCode, candidateIin, recordedBy, ...record }) => ({
        ...record,
        constituencyId: constituencyOf({ electionSlug, constituencyCode }),
        candidateId: candidateIin === null ? null : candidateOf(electionSlug, candidateIin),
        recordedBy: userId(recordedBy),
      })),
    ),
  );

  // Protocols point at their approved entry, which needs the protocol first: insert, then link.
  const protocolRows = demo.protocols.map((protocol) => ({ protocol, precinctId: precinctId(`${constituencyOf(protocol)}/${protocol.precinctNumber}`) }));
  const protocolId = await insertReturningIds(
    'protocol',
    protocolRows,
    (slice) =>
      tx
        .insert(protocols)
        .values(slice.map(({ protocol, precinctId }) => ({ precinctId, status: protocol.status, updatedAt: protocol.updatedAt })))
        .returning({ id: protocols.id, precinctId: protocols.precinctId }),
    (row) => String(row.precinctId),
  );
  const versionId = await insertReturningIds(
    'protocol version',
    protocolRows,
    (slice) =>
      tx
        .insert(protocolVersions)
        .values(
          slice.map(({ protocol, precinctId }) => ({
            protocolId: protocolId(String(precinctId)),
            versionNo: 1,
            createdBy: userId(protocol.version.createdBy),
            createdAt: protocol.version.createdAt,
            approvedBy: optionalUserId(protocol.version.approvedBy),
            approvedAt: protocol.version.approvedAt,
            approvedWithoutImageReason: approvedWithoutImage(protocol) ? DEMO_WITHOUT_IMAGE_REASON : null,
          })),
        )
        .returning({ id: protocolVersions.id, protocolId: protocolVersions.protocolId }),
    (row) => String(row.protocolId),
  );
  const entryRows = protocolRows.flatMap(({ protocol, precinctId }) =>
    protocol.entries.map((entry) => ({ protocol, entry, versionId: versionId(String(protocolId(String(precinctId)))) })),
  );
  const entryId = await insertReturningIds(
    'protocol entry',
    entryRows,
    (slice) =>
      tx
        .insert(protocolEntries)
        .values(slice.map(({ entry: { votes, enteredBy, ...figures }, versionId }) => ({ ...figures, versionId, enteredBy: userId(enteredBy) })))
        .returning({ id: protocolEntries.id, versionId: protocolEntries.versionId, kind: protocolEntries.kind }),
    (row) => `${row.versionId}/${row.kind}`,
  );
  await inSlices(
    entryRows.flatMap(({ protocol, entry, versionId }) =>
      entry.votes.map((line) => ({
        entryId: entryId(`${versionId}/${entry.kind}`),
        candidateId: candidateOf(protocol.electionSlug, line.candidateIin),
        votes: line.votes,
      })),
    ),
    (slice) => tx.insert(protocolEntryVotes).values(slice),
  );
  const approvals = protocolRows.flatMap(({ protocol, precinctId }) => {
    if (protocol.approvedEntryKind === null) return [];
    const id = protocolId(String(precinctId));
    return [sql`(${id}::int, ${entryId(`${versionId(String(id))}/${protocol.approvedEntryKind}`)}::int)`];
  });
  await inSlices(approvals, (slice) =>
    tx.execute(sql`update protocols set approved_entry_id = approved.entry_id
                   from (values ${sql.join(slice, sql`, `)}) as approved(protocol_id, entry_id)
                   where protocols.id = approved.protocol_id`),
  );

  await insertDemoScans(tx, demo, (protocol) => precinctId(`${constituencyOf(protocol)}/${protocol.precinctNumber}`), userId, optionalUserId);

  // The results' "last updated" time: the latest approval or certification in the demo (the
  // approvals' trigger has made the rows of elections with results already).
  await tx.execute(sql`insert into results_versions (election_id, changed_at)
    select e.id, coalesce(greatest(
      (select max(v.approved_at) from protocol_versions v join protocols p on p.id = v.protocol_id join precincts pc on pc.id = p.precinct_id
        join constituencies c on c.id = pc.constituency_id where c.election_id = e.id),
      (select max(c.results_official_at) from constituencies c where c.election_id = e.id)), now())
    from elections e
    on conflict (election_id) do update set changed_at = excluded.changed_at`);
  await writeAudit(tx, null, {
    action: 'demo.seed',
    entityType: 'database',
    after: {
      referenceDate,
      elections: demo.elections.map((election) => election.slug),
      rows: {
        users: demo.users.length,
        constituencies: demo.constituencies.length,
        precincts: demo.constituencies.reduce((total, constituency) => total + constituency.precincts.length, 0),
        candidates: demo.candidates.length,
        protocols: demo.protocols.length,
      },
    },
  });
}

/** The demo's protocol images (db/demo/protocol-images.ts): the files, then one reviewed or waiting version per protocol. */
async function insertDemoScans(
  tx: Transaction,
  demo: DemoData,
  precinctIdOf: (protocol: DemoData['protocols'][number]) => number,
  userId: (email: string) => number,
  optionalUserId: (email: string | null) => number | null,
): Promise<void> {
  const scans = demoProtocolScans(demo);
  await getFileStore().putMany(
    tx,
    scans.map(({ sha256, bytes }) => ({ sha256, bytes, contentType: 'image/svg+xml' })),
  );
  const scanId = await insertReturningIds(
    'protocol scan',
    scans,
    (slice) =>
      tx
        .insert(protocolScans)
        .values(
          slice.map((scan) => ({
            precinctId: precinctIdOf(scan.protocol),
            versionNo: 1,
            uploadedBy: userId(scan.uploadedBy),
            uploadedAt: scan.uploadedAt,
            reviewedBy: optionalUserId(scan.reviewedBy),
            reviewedAt: scan.reviewedAt,
            demoRendering: true,
          })),
        )
        .returning({ id: protocolScans.id, precinctId: protocolScans.precinctId }),
    (row) => String(row.precinctId),
  );
  const fileId = await insertReturningIds(
    'protocol scan file',
    scans,
    (slice) =>
      tx
        .insert(protocolScanFiles)
        .values(
          slice.map((scan) => ({
            scanId: scanId(String(precinctIdOf(scan.protocol))),
            fileNo: 1,
            sha256: scan.sha256,
            contentType: 'image/svg+xml',
            size: scan.bytes.byteLength,
            pageCount: 1,
            receivedName: 'demo-rendering.svg',
            receivedSha256: scan.sha256,
          })),
        )
        .returning({ id: protocolScanFiles.id, scanId: protocolScanFiles.scanId }),
    (row) => String(row.scanId),
  );
  // An SVG draws itself at any size: it is its own preview.
  await inSlices(scans, (slice) =>
    tx.insert(protocolScanPages).values(
      slice.map((scan) => ({
        fileId: fileId(String(scanId(String(precinctIdOf(scan.protocol))))),
        pageNo: 1,
        previewSha256: scan.sha256,
        previewWidth: PAPER_SIZE.width,
        previewHeight: PAPER_SIZE.height,
      })),
    ),
  );
}
