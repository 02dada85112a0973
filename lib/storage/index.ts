import type { Queryable } from '@/db/client';
import { sha256Hex } from './hash';
import { postgresStore } from './postgres-store';
import { createS3Store, s3ConfigFromEnv } from './s3-store';
import type { FileStore } from './store';

export { isSha256, sha256Hex } from './hash';
export { lockFile, type FileStore, type PutResult, type StorageBackend, type StoredFile } from './store';

/** The backend the environment names: `STORAGE_BACKEND=s3` (with the S3_* settings) or PostgreSQL, the default. */
export function fileStoreFromEnv(env: NodeJS.ProcessEnv = process.env): FileStore {
  const backend = env.STORAGE_BACKEND || 'postgres';
  if (backend === 'postgres') return postgresStore;
  if (backend === 's3') return createS3Store(s3ConfigFromEnv(env));
  throw new Error(`STORAGE_BACKEND must be "postgres" or "s3", not "${backend}".`);
}

const globalForStore = globalThis as unknown as { portalFileStore?: FileStore };

/** The process-wide store (one S3 client), like the process-wide database. */
export function getFileStore(): FileStore {
  globalForStore.portalFileStore ??= fileStoreFromEnv();
  return globalForStore.portalFileStore;
}

/**
 * The stored bytes, checked against their address: bytes that no longer hash to it (a damaged
 * disk, an object changed in the bucket) are an error, never served as the signed original.
 */
export async function readVerified(store: FileStore, db: Queryable, sha256: string): Promise<Uint8Array | null> {
  const bytes = await store.get(db, sha256);
  if (bytes && sha256Hex(bytes) !== sha256) throw new Error(`stored file ${sha256} does not match its hash (${store.backend} backend)`);
  return bytes;
}

/** For scripts and tests that choose the backend themselves; `null` goes back to the environment's. */
export function useFileStore(store: FileStore | null): void {
  globalForStore.portalFileStore = store ?? undefined;
}
