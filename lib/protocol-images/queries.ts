import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { selectRows, type Queryable } from '@/db/client';
import { protocolEntries, protocols, protocolScanFiles, protocolScanPages, protocolScans, protocolVersions, users } from '@/db/schema';

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
  const rows = await selectRows<{ contentType: string; published: boolean; regionId: number }>(
    db,
    sql`select use.content_type as "contentType", (s.reviewed_at is not null and pr.approved_entry_id is not null) as published, c.region_id as "regionId"
        from (select f.scan_id, f.content_type from protocol_scan_files f where f.sha256 = ${sha256}
              union all
              -- Previews are JPEGs, except a demo rendering's, which is its own preview.
              select f.scan_id, case when f.sha256 = p.preview_sha256 then f.content_type else 'image/jpeg' end
              from protocol_scan_pages p join protocol_scan_files f on f.id = p.file_id where p.preview_sha256 = ${sha256}) use
        join protocol_scans s on s.id = use.scan_id
        join precincts pc on pc.id = s.precinct_id
        join constituencies c on c.id = pc.constituency_id
        left join protocols pr on pr.precinct_id = s.precinct_id`,
  );
  if (rows.length === 0) return null;
  return { contentType: rows[0]!.contentType, published: rows.some((row) => row.published), regionIds: [...new Set(rows.map((row) => row.regionId))] };
}

export type ImageCoverage = { approved: number; published: number };

/** Per constituency of the election: approved protocols, and how many of them are published with their image. */
export async function imageCoverage(db: Queryable, electionId: number): Promise<Map<number, ImageCoverage>> {
  const rows = await selectRows<ImageCoverage & { constituencyId: number }>(
    db,
    sql`select c.id as "constituencyId", count(pr.id)::int as approved,
               count(pr.id) filter (where exists (select 1 from protocol_scans s where s.precinct_id = p.id and s.reviewed_at is not null))::int as published
        from constituencies c
        join precincts p on p.constituency_id = c.id
        left join protocols pr on pr.precinct_id = p.id and pr.approved_entry_id is not null
        where c.election_id = ${electionId} and c.status = 'in_force'
        group by c.id`,
  );
  return new Map(rows.map(({ constituencyId, ...coverage }) => [constituencyId, coverage]));
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

/** Approved protocols published without an image of their signed paper, with the reviewer's reason. */
export async function precinctsMissingImages(db: Queryable, electionId: number): Promise<MissingImage[]> {
  const rows = await selectRows<{
    precinctId: number;
    number: number;
    address: string;
    code: string;
    nameKk: string;
    nameRu: string;
    nameEn: string;
    regionCode: string;
    regionKk: string;
    regionRu: string;
    regionEn: string;
    withoutImageReason: string | null;
  }>(
    db,
    sql`select p.id as "precinctId", p.number, p.address, c.code, c.name_kk as "nameKk", c.name_ru as "nameRu", c.name_en as "nameEn",
               r.code as "regionCode", r.name_kk as "regionKk", r.name_ru as "regionRu", r.name_en as "regionEn",
               v.approved_without_image_reason as "withoutImageReason"
        from protocols pr
        join precincts p on p.id = pr.precinct_id
        join constituencies c on c.id = p.constituency_id
        join regions r on r.id = c.region_id
        join protocol_entries e on e.id = pr.approved_entry_id
        join protocol_versions v on v.id = e.version_id
        where c.election_id = ${electionId} and c.status = 'in_force'
          and not exists (select 1 from protocol_scans s where s.precinct_id = p.id and s.reviewed_at is not null)
        order by r.name_en, c.name_en, p.number`,
  );
  return rows.map((row) => ({
    precinctId: row.precinctId,
    number: row.number,
    address: row.address,
    constituency: { code: row.code, nameKk: row.nameKk, nameRu: row.nameRu, nameEn: row.nameEn },
    region: { code: row.regionCode, nameKk: row.regionKk, nameRu: row.regionRu, nameEn: row.regionEn },
    withoutImageReason: row.withoutImageReason,
  }));
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
  const rows = await selectRows<{
    precinctId: number;
    versionNo: number;
    uploadedAt: string | Date;
    reviewedAt: string | Date;
    correctionReason: string | null;
    demoRendering: boolean;
    fileNo: number;
    sha256: string;
    contentType: string;
    size: number;
    pageCount: number;
    previews: (string | null)[];
  }>(
    db,
    sql`select s.precinct_id as "precinctId", s.version_no as "versionNo", s.uploaded_at as "uploadedAt", s.reviewed_at as "reviewedAt",
               s.correction_reason as "correctionReason", s.demo_rendering as "demoRendering",
               f.file_no as "fileNo", f.sha256, f.content_type as "contentType", f.size, f.page_count as "pageCount",
               array(select pg.preview_sha256 from protocol_scan_pages pg where pg.file_id = f.id order by pg.page_no) as previews
        from protocol_scans s
        join protocol_scan_files f on f.scan_id = s.id
        join precincts p on p.id = s.precinct_id
        join constituencies c on c.id = p.constituency_id
        join protocols pr on pr.precinct_id = p.id and pr.approved_entry_id is not null
        where c.election_id = ${electionId} and s.reviewed_at is not null
        order by s.precinct_id, s.version_no desc, f.file_no`,
  );
  const versions = new Map<string, PublishedImage>();
  for (const row of rows) {
    const key = `${row.precinctId}/${row.versionNo}`;
    let version = versions.get(key);
    if (!version) {
      version = {
        precinctId: row.precinctId,
        versionNo: row.versionNo,
        uploadedAt: new Date(row.uploadedAt),
        reviewedAt: new Date(row.reviewedAt),
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
