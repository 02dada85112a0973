import { createHash } from 'node:crypto';

/** Files are addressed by the SHA-256 of their bytes, written as 64 lower-case hex digits. */
export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export const isSha256 = (value: string): boolean => /^[0-9a-f]{64}$/.test(value);
