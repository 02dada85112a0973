import { getDb, type Database } from '@/db/client';
import { getFileStore, type FileStore } from '@/lib/storage';
import { discardUnreferenced, sweepOrphans } from '@/lib/storage/sweep';
import { referencedFiles } from './queries';
import type { InspectedFile } from './vetted';

/** Every stored file an upload writes: its originals and their previews. */
export const uploadHashes = (files: InspectedFile[]) =>
  files.flatMap((file) => [file.original.sha256, ...file.pages.flatMap((page) => (page ? [page.sha256] : []))]);

/**
 * After an upload's command failed: deletes what it wrote that nothing refers to. With the
 * PostgreSQL backend the rollback already did; with S3 the objects it put are removed here.
 */
export const discardFailedUpload = (db: Database, store: FileStore, files: InspectedFile[]) =>
  discardUnreferenced(db, store, uploadHashes(files), referencedFiles);

/** Deletes stored files nothing refers to (an upload's objects left behind by a crash mid-way). */
export const sweepOrphanFiles = (db: Database, store: FileStore) => sweepOrphans(db, store, referencedFiles);

/**
 * At start-up, with S3: sweeps what an instance that died mid-upload left in the bucket. In the
 * background, so serving does not wait; with PostgreSQL a rollback leaves nothing to sweep.
 */
export function sweepOrphanFilesInBackground(): void {
  const store = getFileStore();
  if (store.backend !== 's3') return;
  sweepOrphanFiles(getDb(), store).then(
    (removed) => removed.length && console.log(`Removed ${removed.length} stored files that no protocol image refers to.`),
    (error: unknown) => console.error('Sweeping unreferenced stored files failed', error),
  );
}
