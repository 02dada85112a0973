import { and, asc, desc, eq, exists, gt, inArray, isNotNull, not, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import {
  constituencies,
  constituencyTotals,
  precincts,
  protocolEntries,
  protocols,
  protocolScanFiles,
  protocolScanPages,
  protocolScans,
  protocolVersions,
  regions,
  users,
} from '@/db/schema';
import { constituenciesInForce, namesOf, orZero } from '@/db/selections';
import { pageWindow } from '@/lib/page-window';

/**
 * Reading protocol images: a precinct's versions for staff and for the public, who may fetch a
 * stored file, and how many approved protocols are published with their image. "Published" =
 * reviewed (with the protocol's approval, or as a correction) for a protocol approved at least
 * once; the public sees the latest such version and the earlier ones as its history.
 */

/** Where a stored file is served; the hash is the whole address, so the answer never changes. */
export const fileUrl = (sha256: string) => `/protocol-images/${sha256}`;
export const downloadUrl = (sha256: string) => `${fileUrl(sha256)}?download`;

export type ScanFileView = {
  fileNo: number;
  sha256: string;
  url: string;
  downloadUrl: string;
  contentType: string;
  size: number;
  pageCount: number;
  receivedName: string | null;
};
/** One page as the viewer shows it: its preview, or null when only the original can be downloaded. */
export type ScanPageView = {
  fileNo: number;
  pageNo: number;
  preview: { url: string; width: number; height: number } | null;
  original: { url: string; downloadUrl: string; contentType: string };
};
export type ScanView = {
  versionNo: number;
  correctionReason: string | null;
  uploadedBy: string | null;
  uploadedById: number | null;
  uploadedAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  demoRendering: boolean;
  files: ScanFileView[];
  pages: ScanPageView[];
};

const uploader = alias(users, 'uploader');
const reviewer = alias(users, 'reviewer');

const publishedCondition = sql`${protocolScans.reviewedAt} is not null and exists (select 1 from ${protocols} where ${protocols.precinctId} = ${protocolScans.precinctId} and ${protocols.approvedEntryId} is not null)`;

/** A precinct's image versions, newest first: every version for staff, the published ones (without who uploaded them) for the public. */
export async function precinctScans(db: Queryable, precinctId: number, audience: 'staff' | 'public'): Promise<ScanView[]> {
  const scans = await db
    .select({ scan: protocolScans, uploadedBy: uploader.fullName, reviewedBy: reviewer.fullName })
    .from(protocolScans)
    .innerJoin(uploader, eq(uploader.id, protocolScans.uploadedBy))
    .leftJoin(reviewer, eq(reviewer.id, protocolScans.reviewedBy))
    .where(and(eq(protocolScans.precinctId, precinctId), audience === 'public' ? publishedCondition : undefined))
    .orderBy(desc(protocolScans.versionNo));
  if (scans.length === 0) return [];
  const files = await db
    .select()
    .from(protocolScanFiles)
    .where(
      inArray(
        protocolScanFiles.scanId,
        scans.map((s) => s.scan.id),
      ),
    )
    .orderBy(asc(protocolScanFiles.fileNo));
  const pages = await db
    .select()
    .from(protocolScanPages)
    .where(
      inArray(
        protocolScanPages.fileId,
        files.map((f) => f.id),
      ),
    )
    .orderBy(asc(protocolScanPages.pageNo));
  const staff = audience === 'staff';
  return scans.map(({ scan, uploadedBy, reviewedBy }) => {
    const ownFiles = files.filter((file) => file.scanId === scan.id);
    return {
      versionNo: scan.versionNo,
      correctionReason: scan.correctionReason,
      uploadedBy: staff ? uploadedBy : null,
      uploadedById: staff ? scan.uploadedBy : null,
      uploadedAt: scan.uploadedAt,
      reviewedBy: staff ? reviewedBy : null,
      reviewedAt: scan.reviewedAt,
      demoRendering: scan.demoRendering,
      files: ownFiles.map((file) => ({
        fileNo: file.fileNo,
        sha256: file.sha256,
        url: fileUrl(file.sha256),
        downloadUrl: downloadUrl(file.sha256),
        contentType: file.contentType,
        size: file.size,
        pageCount: file.pageCount,
        receivedName: staff ? file.receivedName : null,
      })),
      pages: ownFiles.flatMap((file) =>
        pages
          .filter((page) => page.fileId === file.id)
          .map((page) => ({
            fileNo: file.fileNo,
            pageNo: page.pageNo,
            preview: page.previewSha256 ? { url: fileUrl(page.previewSha256), width: page.previewWidth!, height: page.previewHeight! } : null,
            original: { url: fileUrl(file.sha256), downloadUrl: downloadUrl(file.sha256), contentType: file.contentType },
          })),
      ),
    };
  });
}

/** Which of these stored files rows refer to, as an original or a preview (for the sweeper). */
export async function referencedFiles(db: Queryable, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const [originals, previews] = await Promise.all([
    db.selectDistinct({ sha256: protocolScanFiles.sha256 }).from(protocolScanFiles).where(inArray(protocolScanFiles.sha256, hashes)),
    db.selectDistinct({ sha256: protocolScanPages.previewSha256 }).from(protocolScanPages).where(inArray(protocolScanPages.previewSha256, hashes)),
  ]);
  return new Set([...originals, ...previews].map((row) => row.sha256!));
}

export type StoredFileAccess = { contentType: string; published: boolean; regionIds: number[] };

/** What the download route needs to know of a stored file: its type, whether the public may have it, and the regions of the precincts it belongs to. */
export async function storedFileAccess(db: Queryable, sha256: string): Promise<StoredFileAccess | null> {
  const uses = db
    .select({ scanId: protocolScanFiles.scanId, contentType: protocolScanFiles.contentType })
    .from(protocolScanFiles)
    .where(eq(protocolScanFiles.sha256, sha256))
    .unionAll(
      db
        .select({
          scanId: protocolScanFiles.scanId,
          // Previews are JPEGs, except a demo rendering's, which is its own preview.
          contentType: sql<string>`case when ${eq(protocolScanFiles.sha256, protocolScanPages.previewSha256)} then ${protocolScanFiles.contentType} else 'image/jpeg' end`,
        })
        .from(protocolScanPages)
        .innerJoin(protocolScanFiles, eq(protocolScanFiles.id, protocolScanPages.fileId))
        .where(eq(protocolScanPages.previewSha256, sha256)),
    )
    .as('uses');
  const rows = await db
    .select({
      contentType: uses.contentType,
      published: sql<boolean>`${and(isNotNull(protocolScans.reviewedAt), isNotNull(protocols.approvedEntryId))}`,
      regionId: constituencies.regionId,
    })
    .from(uses)
    .innerJoin(protocolScans, eq(protocolScans.id, uses.scanId))
    .innerJoin(precincts, eq(precincts.id, protocolScans.precinctId))
    .innerJoin(constituencies, eq(constituencies.id, precincts.constituencyId))
    .leftJoin(protocols, eq(protocols.precinctId, protocolScans.precinctId));
  if (rows.length === 0) return null;
  return { contentType: rows[0]!.contentType, published: rows.some((row) => row.published), regionIds: [...new Set(rows.map((row) => row.regionId))] };
}

export type ImageCoverage = { approved: number; published: number };

/** Whether the enclosing query's precinct has a reviewed image version (one the public sees once the protocol is approved). */
const hasReviewedScan = (db: Queryable) =>
  exists(
    db
      .select({ id: protocolScans.id })
      .from(protocolScans)
      .where(and(eq(protocolScans.precinctId, precincts.id), isNotNull(protocolScans.reviewedAt))),
  );

/** Per constituency of the election: approved protocols, and how many of them are published with their image. */
export async function imageCoverage(db: Queryable, electionId: number): Promise<Map<number, ImageCoverage>> {
  const inElection = constituenciesInForce(electionId);
  // Approved protocols from the running totals (decision 016); published ones from the reviewed
  // scans, which are as many as the images, not the precincts.
  const [approved, published] = await Promise.all([
    db
      .select({ constituencyId: constituencies.id, count: orZero(constituencyTotals.precinctsReported) })
      .from(constituencies)
      .innerJoin(constituencyTotals, eq(constituencyTotals.constituencyId, constituencies.id))
      .where(and(inElection, gt(constituencyTotals.precincts, 0))),
    db
      .select({ constituencyId: constituencies.id, count: sql<number>`count(distinct ${protocolScans.precinctId})`.mapWith(Number) })
      .from(protocolScans)
      .innerJoin(precincts, eq(precincts.id, protocolScans.precinctId))
      .innerJoin(protocols, and(eq(protocols.precinctId, precincts.id), isNotNull(protocols.approvedEntryId)))
      .innerJoin(constituencies, eq(constituencies.id, precincts.constituencyId))
      .where(and(inElection, isNotNull(protocolScans.reviewedAt)))
      .groupBy(constituencies.id),
  ]);
  const publishedIn = new Map(published.map((row) => [row.constituencyId, row.count]));
  return new Map(approved.map((row) => [row.constituencyId, { approved: row.count, published: publishedIn.get(row.constituencyId) ?? 0 }]));
}

/** The ids of the election's constituencies in force, by code. */
export async function constituencyIds(db: Queryable, electionId: number): Promise<Map<string, number>> {
  const rows = await db.select({ code: constituencies.code, id: constituencies.id }).from(constituencies).where(constituenciesInForce(electionId));
  return new Map(rows.map((row) => [row.code, row.id]));
}

export const totalCoverage = (coverage: Iterable<ImageCoverage>): ImageCoverage =>
  [...coverage].reduce((total, c) => ({ approved: total.approved + c.approved, published: total.published + c.published }), { approved: 0, published: 0 });

type Names = { nameKk: string; nameRu: string; nameEn: string };
export type MissingImage = {
  precinctId: number;
  number: number;
  address: string;
  constituency: Names & { code: string };
  region: Names & { code: string };
  withoutImageReason: string | null;
};

/** A page of a missing-images list: of one constituency, or of the whole election. */
export type MissingImagesPage = { constituencyCode?: string; offset: number; limit: number };

/** Approved protocols published without an image of their signed paper, with the reviewer's reason, in list order (a page of them if asked). */
export async function precinctsMissingImages(db: Queryable, electionId: number, page?: MissingImagesPage): Promise<MissingImage[]> {
  const inElection = and(constituenciesInForce(electionId), page?.constituencyCode === undefined ? undefined : eq(constituencies.code, page.constituencyCode));
  const order = [regions.nameEn, constituencies.nameEn, precincts.number];
  // A page reads only the constituencies it shows, found from the counts per constituency: at
  // 100,000 precincts, sorting the 95,000 rows of the whole list to cut a page of 500 took most of its time.
  let window: { ids: number[]; skip: number } | undefined;
  if (page) {
    const [listed, coverage] = await Promise.all([
      db
        .select({ id: constituencies.id })
        .from(constituencies)
        .innerJoin(regions, eq(regions.id, constituencies.regionId))
        .where(inElection)
        .orderBy(regions.nameEn, constituencies.nameEn),
      imageCoverage(db, electionId),
    ]);
    const counts = listed.map(({ id }) => ({ id, count: (coverage.get(id)?.approved ?? 0) - (coverage.get(id)?.published ?? 0) }));
    window = pageWindow(counts, page.offset, page.limit);
    if (window.ids.length === 0) return [];
  }
  const query = db
    .select({
      precinctId: precincts.id,
      number: precincts.number,
      address: precincts.address,
      constituency: { code: constituencies.code, ...namesOf(constituencies) },
      region: { code: regions.code, ...namesOf(regions) },
      withoutImageReason: protocolVersions.approvedWithoutImageReason,
    })
    .from(protocols)
    .innerJoin(precincts, eq(precincts.id, protocols.precinctId))
    .innerJoin(constituencies, eq(constituencies.id, precincts.constituencyId))
    .innerJoin(regions, eq(regions.id, constituencies.regionId))
    .innerJoin(protocolEntries, eq(protocolEntries.id, protocols.approvedEntryId))
    .innerJoin(protocolVersions, eq(protocolVersions.id, protocolEntries.versionId))
    .where(and(inElection, window ? inArray(constituencies.id, window.ids) : undefined, not(hasReviewedScan(db))))
    .orderBy(...order);
  return page && window ? query.limit(page.limit).offset(window.skip) : query;
}

export type PublishedImage = {
  precinctId: number;
  versionNo: number;
  uploadedAt: Date;
  reviewedAt: Date;
  correctionReason: string | null;
  demoRendering: boolean;
  files: { fileNo: number; sha256: string; contentType: string; size: number; pageCount: number; previews: string[] }[];
};

/** Every published image version of the election, latest first per precinct (open data). */
export async function publishedImages(db: Queryable, electionId: number): Promise<PublishedImage[]> {
  const rows = await db
    .select({
      precinctId: protocolScans.precinctId,
      versionNo: protocolScans.versionNo,
      uploadedAt: protocolScans.uploadedAt,
      reviewedAt: protocolScans.reviewedAt,
      correctionReason: protocolScans.correctionReason,
      demoRendering: protocolScans.demoRendering,
      fileNo: protocolScanFiles.fileNo,
      sha256: protocolScanFiles.sha256,
      contentType: protocolScanFiles.contentType,
      size: protocolScanFiles.size,
      pageCount: protocolScanFiles.pageCount,
      previews: sql<(string | null)[]>`array${db
        .select({ previewSha256: protocolScanPages.previewSha256 })
        .from(protocolScanPages)
        .where(eq(protocolScanPages.fileId, protocolScanFiles.id))
        .orderBy(protocolScanPages.pageNo)}`,
    })
    .from(protocolScans)
    .innerJoin(protocolScanFiles, eq(protocolScanFiles.scanId, protocolScans.id))
    .innerJoin(precincts, eq(precincts.id, protocolScans.precinctId))
    .innerJoin(constituencies, eq(constituencies.id, precincts.constituencyId))
    .innerJoin(protocols, and(eq(protocols.precinctId, precincts.id), isNotNull(protocols.approvedEntryId)))
    .where(and(eq(constituencies.electionId, electionId), isNotNull(protocolScans.reviewedAt)))
    .orderBy(protocolScans.precinctId, desc(protocolScans.versionNo), protocolScanFiles.fileNo);
  const versions = new Map<string, PublishedImage>();
  for (const row of rows) {
    const key = `${row.precinctId}/${row.versionNo}`;
    let version = versions.get(key);
    if (!version) {
      version = {
        precinctId: row.precinctId,
        versionNo: row.versionNo,
        uploadedAt: row.uploadedAt,
        reviewedAt: row.reviewedAt!,
        correctionReason: row.correctionReason,
        demoRendering: row.demoRendering,
        files: [],
      };
      versions.set(key, version);
    }
    version.files.push({
      fileNo: row.fileNo,
      sha256: row.sha256,
      contentType: row.contentType,
      size: row.size,
      pageCount: row.pageCount,
      previews: row.previews.filter((p): p is string => p !== null),
    });
  }
  return [...versions.values()];
}

/** What the public precinct page shows of the paper: the published image versions, or why the approved protocol has none. */
export async function publicPrecinctImages(db: Queryable, precinctId: number): Promise<{ scans: ScanView[]; withoutImageReason: string | null }> {
  const scans = await precinctScans(db, precinctId, 'public');
  if (scans.length) return { scans, withoutImageReason: null };
  const [row] = await db
    .select({ reason: protocolVersions.approvedWithoutImageReason })
    .from(protocols)
    .innerJoin(protocolEntries, eq(protocolEntries.id, protocols.approvedEntryId))
    .innerJoin(protocolVersions, eq(protocolVersions.id, protocolEntries.versionId))
    .where(eq(protocols.precinctId, precinctId));
  return { scans, withoutImageReason: row?.reason ?? null };
}
