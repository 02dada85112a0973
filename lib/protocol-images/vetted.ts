import type { UploadType } from './limits';

/** Bytes with their address in the file store. */
export type Addressed = { sha256: string; bytes: Uint8Array };
export type Preview = Addressed & { width: number; height: number };

/** A file that passed every check, ready to store: its original without metadata and a preview per page. */
export type InspectedFile = {
  receivedName: string;
  receivedSha256: string;
  contentType: UploadType;
  original: Addressed;
  pages: (Preview | null)[];
};

// Only files that went through `inspectUpload` in this process are stored: the upload command's
// schema refuses anything else, whoever calls it.
const inspected = new WeakSet<object>();

export const markInspected = (file: InspectedFile) => inspected.add(file);
export const isInspectedFile = (value: unknown): value is InspectedFile => typeof value === 'object' && value !== null && inspected.has(value);
