import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/client';
import { auditLog, constituencies, elections, protocols, protocolVersions } from '@/db/schema';
import { executeCommand, type ActionResult } from '@/lib/commands';
import { approveProtocolScan, attachProtocolImages, checkProtocolImageUpload } from '@/lib/protocol-images/commands';
import { discardFailedUpload, sweepOrphanFiles, uploadHashes } from '@/lib/protocol-images/files';
import { inspectUpload, type InspectedFile } from '@/lib/protocol-images/inspect';
import { imageCoverage, precinctScans, precinctsMissingImages, publishedImages, storedFileAccess } from '@/lib/protocol-images/queries';
import { approveProtocol, enterProtocol } from '@/lib/protocols/commands';
import { readVerified, sha256Hex, useFileStore, type FileStore } from '@/lib/storage';
import { postgresStore } from '@/lib/storage/postgres-store';
import { createS3Store } from '@/lib/storage/s3-store';
import { insertConstituency, insertCountingConstituency } from '../support/elections';
import { protocolPdf, protocolPhoto, protocolScanPng } from '../support/protocol-images';
import { startS3Server } from '../support/s3-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { insertEntryTeam, insertRegion, insertUser } from '../support/users';
import { addDays, todayInKazakhstan } from '@/lib/calendar';
import { balancedProtocol } from '../support/protocols';

/**
 * Protocol images end to end below the HTTP route, on each storage backend: PostgreSQL (the
 * default) and S3, against s3rver started here. Uploads, corrections, reviews, refusals that
 * store nothing, failed uploads that leave no bytes behind, and what the public may read.
 */
type Backend = { name: string; start: () => Promise<{ store: FileStore; stop: () => Promise<void> }> };
const backends: Backend[] = [
  { name: 'PostgreSQL', start: () => Promise.resolve({ store: postgresStore, stop: async () => {} }) },
  {
    name: 'S3 (s3rver)',
    start: async () => {
      const server = await startS3Server();
      return { store: createS3Store(server.config), stop: server.stop };
    },
  },
];

describe.each(backends)('protocol images on the $name backend', (backend) => {
  let testDb: TestDatabase;
  let store: FileStore;
  let stopBackend: () => Promise<void>;
  let staff: Record<'operator' | 'operator2' | 'reviewer' | 'reviewer2' | 'operatorB' | 'observer', { id: number }>;
  let electionId: number;
  let constituencyId: number;
  let precinctIds: number[];
  let candidateIds: number[];
  let nextPrecinct = 0;
  const precinct = () => precinctIds[nextPrecinct++]!;

  beforeAll(async () => {
    ({ store, stop: stopBackend } = await backend.start());
    useFileStore(store);
    testDb = await createTestDatabase();
    const db = testDb.db;
    const regionA = (await insertRegion(db, 'img-a')).id;
    const regionB = (await insertRegion(db, 'img-b')).id;
    staff = {
      ...(await insertEntryTeam(db, regionA)),
      reviewer2: await insertUser(db, 'reviewer', regionA),
      operatorB: await insertUser(db, 'operator', regionB),
      observer: await insertUser(db, 'observer', null),
    };
    ({ electionId, constituencyId, precinctIds, candidateIds } = await insertCountingConstituency(db, regionA, staff.operator.id, {
      precincts: 14,
      candidates: 2,
    }));
  });
  afterAll(async () => {
    useFileStore(null);
    await testDb?.drop();
    await stopBackend?.();
  });

  const run = <T>(command: Parameters<typeof executeCommand>[1], actor: { id: number } | null, input: unknown) =>
    executeCommand(testDb.db, command, actor, input) as Promise<ActionResult<T>>;
  function expectOk<T>(result: ActionResult<T>): T {
    if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
    return result.data;
  }
  async function inspected(...files: { name: string; bytes: Uint8Array }[]): Promise<InspectedFile[]> {
    const result = await inspectUpload(files);
    if (!result.ok) throw new Error(JSON.stringify(result.refusals));
    return result.files;
  }
  const photo = async (label: string) => inspected({ name: 'protocol.jpg', bytes: await protocolPhoto({ label }) });
  const attach = (actor: { id: number }, precinctId: number, files: InspectedFile[], expectedVersionNo = 0, reason?: string) =>
    run<{ versionNo: number; files: string[] }>(attachProtocolImages, actor, { precinctId, expectedVersionNo, reason, files });

  /** Both copies typed alike: the protocol waits for a reviewer. */
  async function awaitingReview(precinctId: number) {
    const figures = balancedProtocol(candidateIds, { votersAtClose: 1000, votingDay: addDays(todayInKazakhstan(), -1) });
    expectOk(await run(enterProtocol, staff.operator, { precinctId, lockVersion: 0, ...figures }));
    return expectOk(await run<{ protocolId: number; lockVersion: number }>(enterProtocol, staff.operator2, { precinctId, lockVersion: 1, ...figures }));
  }

  const storedHashes = async () => {
    const hashes: string[] = [];
    for await (const sha256 of store.list(testDb.db)) hashes.push(sha256);
    return hashes.sort();
  };
  const rowCounts = async () =>
    (
      await selectRows<Record<string, number>>(
        testDb.db,
        sql`select (select count(*)::int from protocol_scans) as scans, (select count(*)::int from protocol_scan_files) as files,
                   (select count(*)::int from protocol_scan_pages) as pages, (select count(*)::int from audit_log) as audit`,
      )
    )[0];

  it('stores an upload by hash: originals and previews readable and verified, rows and an audit row written', async () => {
    const precinctId = precinct();
    const files = await inspected(
      { name: 'page-1.jpg', bytes: await protocolPhoto({ label: 'Page one', gps: true }) },
      { name: 'pages-2-3.pdf', bytes: await protocolPdf(2) },
    );
    const check = expectOk(await run<{ latestVersionNo: number; reasonRequired: boolean }>(checkProtocolImageUpload, staff.operator, { precinctId }));
    expect(check).toEqual({ latestVersionNo: 0, reasonRequired: false });
    const stored = expectOk(await attach(staff.operator, precinctId, files));
    expect(stored).toEqual({ versionNo: 1, files: files.map((f) => f.original.sha256) });
    for (const sha256 of uploadHashes(files)) {
      const bytes = await readVerified(store, testDb.db, sha256);
      expect(bytes && sha256Hex(bytes)).toBe(sha256);
    }
    // The PDF is stored exactly as it came.
    expect(files[1]!.original.sha256).toBe(files[1]!.receivedSha256);
    const [scan] = await precinctScans(testDb.db, precinctId, 'staff');
    expect(scan).toMatchObject({ versionNo: 1, reviewedAt: null, correctionReason: null, uploadedById: staff.operator.id });
    expect(scan!.files.map((f) => [f.fileNo, f.contentType, f.pageCount, f.receivedName])).toEqual([
      [1, 'image/jpeg', 1, 'page-1.jpg'],
      [2, 'application/pdf', 2, 'pages-2-3.pdf'],
    ]);
    expect(scan!.pages.map((p) => [p.fileNo, p.pageNo, p.preview !== null])).toEqual([
      [1, 1, true],
      [2, 1, true],
      [2, 2, true],
    ]);
    const [audit] = await testDb.db.select().from(auditLog).where(eq(auditLog.action, 'protocolImages.attach'));
    expect(audit).toMatchObject({ entityType: 'precinct', entityId: String(precinctId), actorUserId: staff.operator.id });
    expect((audit!.after as { files: { sha256: string }[] }).files.map((f) => f.sha256)).toEqual(stored.files);
    // Not published before review: the public sees nothing and may not fetch the files.
    expect(await precinctScans(testDb.db, precinctId, 'public')).toEqual([]);
    expect((await storedFileAccess(testDb.db, stored.files[0]!))!.published).toBe(false);
  });

  it('stores the same bytes once, however many precincts they are uploaded for', async () => {
    const bytes = await protocolPhoto({ label: 'Shared photo' });
    const first = await inspected({ name: 'a.jpg', bytes });
    const second = await inspected({ name: 'b.jpg', bytes });
    expectOk(await attach(staff.operator, precinct(), first));
    const before = await storedHashes();
    expectOk(await attach(staff.operator2, precinct(), second));
    expect(await storedHashes()).toEqual(before);
    expect(before).toContain(first[0]!.original.sha256);
  });

  it('reviews the image with the protocol; a later image is a correction that needs a reason and another reviewer', async () => {
    const precinctId = precinct();
    const { versionNo } = expectOk(await attach(staff.operator, precinctId, await photo('First photo')));
    // Before approval an image may be replaced freely: no reason needed.
    const replaced = expectOk(await attach(staff.operator2, precinctId, await photo('Sharper photo'), versionNo));
    expect(replaced.versionNo).toBe(2);
    const review = await awaitingReview(precinctId);
    const byUploader = await run(approveProtocol, { id: staff.operator2.id }, { protocolId: review.protocolId, lockVersion: review.lockVersion });
    expect(!byUploader.ok && byUploader.error).toBe('forbidden'); // operators do not approve at all
    expectOk(await run(approveProtocol, staff.reviewer, { protocolId: review.protocolId, lockVersion: review.lockVersion }));
    const published = await precinctScans(testDb.db, precinctId, 'public');
    expect(published.map((s) => s.versionNo)).toEqual([2]);
    expect(published[0]!.uploadedBy).toBeNull(); // staff names stay with staff
    expect((await storedFileAccess(testDb.db, replaced.files[0]!))!.published).toBe(true);

    const correction = await photo('Corrected photo');
    const withoutReason = await attach(staff.operator, precinctId, correction, 2);
    expect(withoutReason).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { reason: ['protocolImages.errors.correctionReason'] } });
    const stale = await attach(staff.operator, precinctId, correction, 1, 'The first photo cut off the signatures');
    expect(stale).toMatchObject({ ok: false, error: 'conflict' });
    expectOk(await attach(staff.reviewer2, precinctId, correction, 2, 'The first photo cut off the signatures'));
    // Until reviewed, the public still sees version 2.
    expect((await precinctScans(testDb.db, precinctId, 'public')).map((s) => s.versionNo)).toEqual([2]);
    const own = await run(approveProtocolScan, staff.reviewer2, { precinctId, versionNo: 3 });
    expect(!own.ok && own.message).toBe('protocolImages.errors.ownUpload');
    expectOk(await run(approveProtocolScan, staff.reviewer, { precinctId, versionNo: 3 }));
    const history = await precinctScans(testDb.db, precinctId, 'public');
    expect(history.map((s) => [s.versionNo, s.correctionReason])).toEqual([
      [3, 'The first photo cut off the signatures'],
      [2, null],
    ]);
    const again = await run(approveProtocolScan, staff.reviewer, { precinctId, versionNo: 3 });
    expect(!again.ok && again.message).toBe('protocolImages.errors.alreadyReviewed');
    expect((await precinctScans(testDb.db, precinctId, 'staff')).map((s) => s.versionNo)).toEqual([3, 2, 1]);
  });

  it('does not let the reviewer who uploaded the image approve the protocol with it', async () => {
    const precinctId = precinct();
    expectOk(await attach(staff.reviewer, precinctId, await photo('Reviewer photo')));
    const review = await awaitingReview(precinctId);
    const result = await run(approveProtocol, staff.reviewer, { protocolId: review.protocolId, lockVersion: review.lockVersion });
    expect(!result.ok && result.message).toBe('protocolImages.errors.ownUpload');
    expectOk(await run(approveProtocol, staff.reviewer2, { protocolId: review.protocolId, lockVersion: review.lockVersion }));
  });

  it('approves a protocol without an image only with a written reason, never when the election requires the image', async () => {
    const precinctId = precinct();
    const review = await awaitingReview(precinctId);
    const bare = await run(approveProtocol, staff.reviewer, { protocolId: review.protocolId, lockVersion: review.lockVersion });
    expect(bare).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { withoutImageReason: ['protocolImages.errors.reasonWithoutImage'] } });
    const tooShort = await run(approveProtocol, staff.reviewer, { protocolId: review.protocolId, lockVersion: review.lockVersion, withoutImageReason: 'no' });
    expect(!tooShort.ok && tooShort.fieldErrors?.withoutImageReason).toEqual(['errors.minLength.n10']);

    await testDb.db.update(elections).set({ protocolImageRequired: true }).where(eq(elections.id, electionId));
    const required = await run(approveProtocol, staff.reviewer, {
      protocolId: review.protocolId,
      lockVersion: review.lockVersion,
      withoutImageReason: 'The camera was broken on the night',
    });
    await testDb.db.update(elections).set({ protocolImageRequired: false }).where(eq(elections.id, electionId));
    expect(!required.ok && required.message).toBe('protocolImages.errors.imageRequired');

    expectOk(
      await run(approveProtocol, staff.reviewer, {
        protocolId: review.protocolId,
        lockVersion: review.lockVersion,
        withoutImageReason: 'The camera was broken on the night',
      }),
    );
    const [version] = await testDb.db.select().from(protocolVersions).where(eq(protocolVersions.protocolId, review.protocolId));
    expect(version!.approvedWithoutImageReason).toBe('The camera was broken on the night');
    const missing = await precinctsMissingImages(testDb.db, electionId);
    expect(missing.find((m) => m.precinctId === precinctId)).toMatchObject({ withoutImageReason: 'The camera was broken on the night' });
    // The public page reads it a page at a time, of the election or of one constituency: the same rows, in the same order.
    for (let offset = 0; offset < missing.length; offset++) {
      expect(await precinctsMissingImages(testDb.db, electionId, { offset, limit: 2 })).toEqual(missing.slice(offset, offset + 2));
    }
    expect(await precinctsMissingImages(testDb.db, electionId, { offset: missing.length, limit: 10 })).toEqual([]);
    const code = missing[0]!.constituency.code;
    expect(await precinctsMissingImages(testDb.db, electionId, { constituencyCode: code, offset: 0, limit: 500 })).toEqual(
      missing.filter((m) => m.constituency.code === code),
    );
    expect(await precinctsMissingImages(testDb.db, electionId, { constituencyCode: 'no-such-code', offset: 0, limit: 500 })).toEqual([]);
    const [audit] = await testDb.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'protocols.approve'))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(audit!.after).toMatchObject({ imageVersion: null, withoutImageReason: 'The camera was broken on the night' });

    // An image attached after such an approval waits for a reviewer; then it is published and the precinct leaves the list.
    expectOk(await attach(staff.operator, precinctId, await photo('Late photo')));
    expect(await precinctScans(testDb.db, precinctId, 'public')).toEqual([]);
    expectOk(await run(approveProtocolScan, staff.reviewer, { precinctId, versionNo: 1 }));
    expect((await precinctScans(testDb.db, precinctId, 'public')).map((scan) => scan.versionNo)).toEqual([1]);
    expect((await precinctsMissingImages(testDb.db, electionId)).some((m) => m.precinctId === precinctId)).toBe(false);
  });

  it('refuses other regions, observers, anonymous callers and uploads after results are official, storing nothing', async () => {
    const precinctId = precinct();
    const files = await photo('Refused photo');
    const hashesBefore = await storedHashes();
    const rowsBefore = await rowCounts();
    for (const outsider of [null, staff.operatorB, staff.observer]) {
      for (const command of [checkProtocolImageUpload, attachProtocolImages]) {
        const result = await run(command, outsider, { precinctId, expectedVersionNo: 0, files });
        expect(['unauthenticated', 'forbidden']).toContain(!result.ok && result.error);
      }
    }
    const forged = await run(attachProtocolImages, staff.operator, { precinctId, expectedVersionNo: 0, files: [{ ...files[0]! }] });
    expect(forged).toMatchObject({ ok: false, error: 'invalid' });

    const other = await insertConstituency(
      testDb.db,
      electionId,
      (await testDb.db.select().from(constituencies).where(eq(constituencies.id, constituencyId)))[0]!.regionId,
      staff.operator.id,
      500,
      1,
    );
    await testDb.db.update(constituencies).set({ resultsStatus: 'official', resultsOfficialAt: new Date() }).where(eq(constituencies.id, other.id));
    for (const command of [checkProtocolImageUpload, attachProtocolImages]) {
      const official = await run(command, staff.operator, { precinctId: other.precincts[0]!.id, expectedVersionNo: 0, files });
      expect(!official.ok && official.message).toBe('protocols.errors.resultsOfficial');
    }
    expect(await storedHashes()).toEqual(hashesBefore);
    expect(await rowCounts()).toEqual(rowsBefore);
  });

  it('leaves no bytes of a failed upload: two operators racing for the same version, the loser’s files discarded', async () => {
    const precinctId = precinct();
    const [mine, theirs] = await Promise.all([photo('Race photo A'), inspected({ name: 'scan.png', bytes: await protocolScanPng('Race scan B') })]);
    const before = await storedHashes();
    const results = await Promise.all([attach(staff.operator, precinctId, mine), attach(staff.operator2, precinctId, theirs)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results[0].ok ? theirs : mine;
    const winner = results[0].ok ? mine : theirs;
    expect(results.find((r) => !r.ok)).toMatchObject({ error: 'conflict' });
    await discardFailedUpload(testDb.db, store, loser);
    expect(await storedHashes()).toEqual([...new Set([...before, ...uploadHashes(winner)])].sort());
    // Discarding never touches bytes that rows refer to.
    expect(await discardFailedUpload(testDb.db, store, winner)).toEqual([]);
  });

  it('sweeps bytes whose transaction never committed, and keeps every file rows refer to', async () => {
    const [orphan] = await photo('Orphan photo');
    const before = await storedHashes();
    // A process that wrote the bytes, then died before its transaction committed.
    await testDb.db
      .transaction(async (tx) => {
        await store.put(tx, { ...orphan!.original, contentType: orphan!.contentType });
        throw new Error('crash');
      })
      .catch(() => {});
    const left = await storedHashes();
    // PostgreSQL rolled the bytes back with the transaction; S3 kept the object: the sweeper removes it.
    expect(left.includes(orphan!.original.sha256)).toBe(backend.name !== 'PostgreSQL');
    const swept = await sweepOrphanFiles(testDb.db, store);
    expect(swept).toEqual(left.includes(orphan!.original.sha256) ? [orphan!.original.sha256] : []);
    expect(await storedHashes()).toEqual(before);
    for (const sha256 of before) expect(await readVerified(store, testDb.db, sha256)).not.toBeNull();
  });

  it('counts approved protocols published with their image, and lists them for open data', async () => {
    const coverage = (await imageCoverage(testDb.db, electionId)).get(constituencyId)!;
    const approved = await selectRows<{ n: number }>(
      testDb.db,
      sql`select count(*)::int as n from protocols p join precincts pc on pc.id = p.precinct_id where pc.constituency_id = ${constituencyId} and p.approved_entry_id is not null`,
    );
    expect(coverage.approved).toBe(approved[0]!.n);
    const images = await publishedImages(testDb.db, electionId);
    const publishedPrecincts = new Set(images.map((i) => i.precinctId));
    expect(coverage.published).toBe(publishedPrecincts.size);
    expect(coverage.published).toBeGreaterThanOrEqual(2);
    expect(coverage.approved - coverage.published).toBe((await precinctsMissingImages(testDb.db, electionId)).length);
    for (const image of images) {
      for (const file of image.files) {
        expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(file.previews.length).toBe(file.pageCount);
        expect((await storedFileAccess(testDb.db, file.sha256))!.published).toBe(true);
      }
    }
    const [protocol] = await testDb.db.select().from(protocols).where(eq(protocols.precinctId, images[0]!.precinctId));
    expect(protocol!.approvedEntryId).not.toBeNull();
  });
});
