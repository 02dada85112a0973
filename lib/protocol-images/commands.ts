import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { constituencies, elections, precincts, protocols, protocolScanFiles, protocolScanPages, protocolScans } from '@/db/schema';
import { assertLockVersion, defineCommand, DomainError } from '@/lib/commands';
import { precinctRegion } from '@/lib/constituency-lists/queries';
import { requireWorkOpen } from '@/lib/elections/queries';
import { bumpResultsVersion } from '@/lib/results/version';
import { getFileStore } from '@/lib/storage';
import { approveScanSchema, attachImagesSchema, checkUploadSchema } from './schemas';
import type { MessageKey } from '@/lib/i18n/keys';

const invalidState = (message: MessageKey): never => {
  throw new DomainError('invalidState', { message });
};

const latestScan = async (tx: Transaction, precinctId: number) =>
  (await tx.select().from(protocolScans).where(eq(protocolScans.precinctId, precinctId)).orderBy(desc(protocolScans.versionNo)).limit(1))[0];

/**
 * Where an image may be attached: the precinct's constituency (locked for share, so its results
 * cannot be declared official meanwhile) not yet official, the election in its counting work.
 * A reviewed image already exists → a new one is a correction, which needs a reason.
 */
async function uploadTarget(tx: Transaction, precinctId: number) {
  const [row] = await tx
    .select({ constituencyId: constituencies.id, electionId: constituencies.electionId })
    .from(precincts)
    .innerJoin(constituencies, eq(constituencies.id, precincts.constituencyId))
    .where(eq(precincts.id, precinctId));
  if (!row) throw new DomainError('notFound');
  const [constituency] = await tx
    .select({ resultsStatus: constituencies.resultsStatus })
    .from(constituencies)
    .where(eq(constituencies.id, row.constituencyId))
    .for('share');
  if (constituency!.resultsStatus === 'official') invalidState('protocols.errors.resultsOfficial');
  await requireWorkOpen(tx, row.electionId, 'protocols');
  const latest = await latestScan(tx, precinctId);
  const [reviewed] = await tx
    .select({ id: protocolScans.id })
    .from(protocolScans)
    .where(and(eq(protocolScans.precinctId, precinctId), isNotNull(protocolScans.reviewedAt)))
    .limit(1);
  return { ...row, latestVersionNo: latest?.versionNo ?? 0, reasonRequired: reviewed !== undefined };
}

/**
 * The upload route's first step, before it reads the files: the same guard, permission, region
 * and phase as the upload itself, so nobody else gets the server to decode anything.
 */
export const checkProtocolImageUpload = defineCommand({
  name: 'protocolImages.checkUpload',
  permission: 'protocol.attachImage',
  schema: checkUploadSchema,
  regionOf: (input, tx) => precinctRegion(tx, input.precinctId),
  async run({ input, tx }) {
    const { latestVersionNo, reasonRequired } = await uploadTarget(tx, input.precinctId);
    return { latestVersionNo, reasonRequired };
  },
});

/**
 * Stores an inspected upload as the precinct's next image version: originals and previews in the
 * file store (once per content), the version with its files and pages, an audit row. Replacing a
 * reviewed image is a correction: it needs a reason and waits for a reviewer.
 */
export const attachProtocolImages = defineCommand({
  name: 'protocolImages.attach',
  permission: 'protocol.attachImage',
  schema: attachImagesSchema,
  regionOf: (input, tx) => precinctRegion(tx, input.precinctId),
  async run({ input, actor, tx, audit }) {
    const target = await uploadTarget(tx, input.precinctId);
    assertLockVersion(target.latestVersionNo, input.expectedVersionNo);
    if (target.reasonRequired && !input.reason) throw new DomainError('invalid', { fieldErrors: { reason: ['protocolImages.errors.correctionReason'] } });
    const versionNo = target.latestVersionNo + 1;
    const store = getFileStore();
    // The bytes first (S3 uploads take time), the audit row last: its chain lock is held until commit.
    for (const file of input.files) {
      await store.put(tx, { ...file.original, contentType: file.contentType });
      for (const page of file.pages) if (page) await store.put(tx, { ...page, contentType: 'image/jpeg' });
    }
    const [scan] = await tx
      .insert(protocolScans)
      .values({ precinctId: input.precinctId, versionNo, correctionReason: target.reasonRequired ? input.reason! : null, uploadedBy: actor.id })
      .returning();
    for (const [index, file] of input.files.entries()) {
      const [row] = await tx
        .insert(protocolScanFiles)
        .values({
          scanId: scan!.id,
          fileNo: index + 1,
          sha256: file.original.sha256,
          contentType: file.contentType,
          size: file.original.bytes.byteLength,
          pageCount: file.pages.length,
          receivedName: file.receivedName,
          receivedSha256: file.receivedSha256,
        })
        .returning({ id: protocolScanFiles.id });
      await tx.insert(protocolScanPages).values(
        file.pages.map((page, pageIndex) => ({
          fileId: row!.id,
          pageNo: pageIndex + 1,
          previewSha256: page?.sha256 ?? null,
          previewWidth: page?.width ?? null,
          previewHeight: page?.height ?? null,
        })),
      );
    }
    await audit({
      action: 'protocolImages.attach',
      entityType: 'precinct',
      entityId: input.precinctId,
      before: { version: target.latestVersionNo || null },
      after: {
        version: versionNo,
        correctionReason: scan!.correctionReason,
        files: input.files.map((file) => ({
          sha256: file.original.sha256,
          receivedSha256: file.receivedSha256,
          receivedName: file.receivedName,
          contentType: file.contentType,
          pages: file.pages.length,
        })),
      },
    });
    return { versionNo, files: input.files.map((file) => file.original.sha256) };
  },
});

/** Nobody reviews an image they uploaded. */
function checkNotUploader(actorId: number, scan: { uploadedBy: number }) {
  if (scan.uploadedBy === actorId) invalidState('protocolImages.errors.ownUpload');
}

/**
 * A reviewer checks an image attached to an approved protocol (a correction, or the first image
 * of a protocol approved without one) against its figures: from then on the public sees it.
 * Images uploaded before approval are reviewed with the protocol itself.
 */
export const approveProtocolScan = defineCommand({
  name: 'protocolImages.approve',
  permission: 'protocol.approve',
  schema: approveScanSchema,
  regionOf: (input, tx) => precinctRegion(tx, input.precinctId),
  async run({ input, actor, tx, audit }) {
    const target = await uploadTarget(tx, input.precinctId);
    const [scan] = await tx
      .select()
      .from(protocolScans)
      .where(and(eq(protocolScans.precinctId, input.precinctId), eq(protocolScans.versionNo, input.versionNo)))
      .for('update');
    if (!scan) throw new DomainError('notFound');
    if (scan.versionNo !== target.latestVersionNo) throw new DomainError('conflict', { message: 'errors.staleEdit' });
    if (scan.reviewedAt) invalidState('protocolImages.errors.alreadyReviewed');
    const [protocol] = await tx
      .select({ approvedEntryId: protocols.approvedEntryId, status: protocols.status })
      .from(protocols)
      .where(eq(protocols.precinctId, input.precinctId));
    if (protocol?.status !== 'approved') invalidState('protocolImages.errors.reviewWithProtocol');
    checkNotUploader(actor.id, scan);
    await tx.update(protocolScans).set({ reviewedBy: actor.id, reviewedAt: new Date() }).where(eq(protocolScans.id, scan.id));
    await bumpResultsVersion(tx, target.electionId, 'figures');
    await audit({
      action: 'protocolImages.approve',
      entityType: 'precinct',
      entityId: input.precinctId,
      before: { reviewed: false },
      after: { version: scan.versionNo, reviewed: true },
    });
    return null;
  },
});

/**
 * Part of a protocol's approval (lib/protocols/commands.ts): the latest image, not yet reviewed,
 * is reviewed with the figures. Without any image the reviewer must say why, and an election
 * may require the image. Returns what the approval's audit row records.
 */
export async function reviewImageWithProtocol(
  tx: Transaction,
  { precinctId, electionId, actorId, withoutImageReason }: { precinctId: number; electionId: number; actorId: number; withoutImageReason?: string },
) {
  const scan = await latestScan(tx, precinctId);
  if (scan) {
    if (!scan.reviewedAt) {
      checkNotUploader(actorId, scan);
      await tx.update(protocolScans).set({ reviewedBy: actorId, reviewedAt: new Date() }).where(eq(protocolScans.id, scan.id));
    }
    return { imageVersion: scan.versionNo, withoutImageReason: null };
  }
  const [election] = await tx.select({ required: elections.protocolImageRequired }).from(elections).where(eq(elections.id, electionId));
  if (election!.required) invalidState('protocolImages.errors.imageRequired');
  if (!withoutImageReason)
    throw new DomainError('invalid', {
      message: 'protocolImages.errors.reasonWithoutImage',
      fieldErrors: { withoutImageReason: ['protocolImages.errors.reasonWithoutImage'] },
    });
  return { imageVersion: null, withoutImageReason };
}
