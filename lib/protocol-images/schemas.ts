import { z } from 'zod';
import { countField, idField, requiredText } from '@/lib/validation/fields';
import { isInspectedFile, type InspectedFile } from './vetted';
import { UPLOAD_LIMITS } from './limits';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** A written reason (a correction's, or why a protocol is approved without its image). */
export const reasonField = z.preprocess(blankToUndefined, requiredText(10, 2000).optional());

export const checkUploadSchema = z.object({ precinctId: idField });

/**
 * An upload to store: files that `inspectUpload` passed (nothing else gets through), the version
 * the uploader saw as the latest (0: none yet), and the reason when it replaces a reviewed image.
 */
export const attachImagesSchema = z.object({
  precinctId: idField,
  expectedVersionNo: countField(1_000_000),
  reason: reasonField,
  files: z
    .array(z.custom<InspectedFile>(isInspectedFile, 'protocolImages.refusals.unsupportedType'))
    .min(1, 'protocolImages.refusals.noFiles')
    .max(UPLOAD_LIMITS.maxFiles, 'protocolImages.refusals.tooManyFiles'),
});

export const approveScanSchema = z.object({ precinctId: idField, versionNo: idField });
