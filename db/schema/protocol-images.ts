import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { precincts } from './constituencies';
import { users } from './users';

/**
 * The image of a precinct's signed paper protocol, as uploaded: one to four pages in one to four
 * files. Every upload is a new version, kept for ever; the public sees the latest reviewed
 * version of an approved protocol. A version uploaded after an earlier one was reviewed is a
 * correction: it carries its reason and is reviewed again (lib/protocol-images).
 */
export const protocolScans = pgTable(
  'protocol_scans',
  {
    id: serial('id').primaryKey(),
    precinctId: integer('precinct_id')
      .notNull()
      .references(() => precincts.id),
    versionNo: integer('version_no').notNull(),
    correctionReason: text('correction_reason'),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** A rendering of the typed figures made by the demo loader, not a photo of paper. */
    demoRendering: boolean('demo_rendering').notNull().default(false),
  },
  (t) => [
    unique('protocol_scans_version_unique').on(t.precinctId, t.versionNo),
    check('protocol_scans_version_positive', sql`${t.versionNo} >= 1`),
    check('protocol_scans_reviewed_together', sql`(${t.reviewedBy} is null) = (${t.reviewedAt} is null)`),
  ],
);

/** One uploaded file of a scan: its original, stored unchanged apart from metadata (decision 011). */
export const protocolScanFiles = pgTable(
  'protocol_scan_files',
  {
    id: serial('id').primaryKey(),
    scanId: integer('scan_id')
      .notNull()
      .references(() => protocolScans.id),
    fileNo: integer('file_no').notNull(),
    /** Address of the stored original in lib/storage. */
    sha256: text('sha256').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    pageCount: integer('page_count').notNull(),
    /** The file's name and hash as the browser sent it, before metadata was removed (staff and audit only). */
    receivedName: text('received_name').notNull(),
    receivedSha256: text('received_sha256').notNull(),
  },
  (t) => [
    unique('protocol_scan_files_number_unique').on(t.scanId, t.fileNo),
    index('protocol_scan_files_sha256_idx').on(t.sha256),
    check('protocol_scan_files_sha256_hex', sql`${t.sha256} ~ '^[0-9a-f]{64}$' and ${t.receivedSha256} ~ '^[0-9a-f]{64}$'`),
    check('protocol_scan_files_content_type', sql`${t.contentType} in ('image/jpeg', 'image/png', 'application/pdf', 'image/svg+xml')`),
    check('protocol_scan_files_counts', sql`${t.fileNo} between 1 and 4 and ${t.pageCount} between 1 and 4 and ${t.size} > 0`),
  ],
);

/** One page of a file with its preview-sized rendition (null: a PDF page that could not be rendered, shown as a download). */
export const protocolScanPages = pgTable(
  'protocol_scan_pages',
  {
    fileId: integer('file_id')
      .notNull()
      .references(() => protocolScanFiles.id),
    pageNo: integer('page_no').notNull(),
    previewSha256: text('preview_sha256'),
    previewWidth: integer('preview_width'),
    previewHeight: integer('preview_height'),
  },
  (t) => [
    primaryKey({ columns: [t.fileId, t.pageNo] }),
    index('protocol_scan_pages_preview_idx').on(t.previewSha256),
    check(
      'protocol_scan_pages_preview',
      sql`(${t.previewSha256} is null) = (${t.previewWidth} is null) and (${t.previewSha256} is null) = (${t.previewHeight} is null)`,
    ),
  ],
);
