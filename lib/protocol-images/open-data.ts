import type { ElectionResults, PrecinctResult } from '@/lib/results/aggregate';
import { downloadUrl, fileUrl, type PublishedImage } from './queries';

/**
 * The open-data list of protocol images: every precinct of the election with its published image
 * versions (latest first), each file's address, SHA-256 and upload time. A precinct whose
 * approved protocol has no image lists none, so a reader sees what is missing too.
 */
export function protocolImagesJson(results: ElectionResults, precincts: PrecinctResult[], images: PublishedImage[], generatedAt: Date) {
  const codes = new Map(results.constituencies.map((c) => [c.id, c.code]));
  const byPrecinct = new Map<number, PublishedImage[]>();
  for (const image of images) byPrecinct.set(image.precinctId, [...(byPrecinct.get(image.precinctId) ?? []), image]);
  return {
    electionId: results.election.id,
    generatedAt: generatedAt.toISOString(),
    precincts: precincts.map((precinct) => ({
      precinctId: precinct.id,
      number: precinct.number,
      constituencyCode: codes.get(precinct.constituencyId) ?? null,
      protocolApproved: precinct.reported,
      images: (byPrecinct.get(precinct.id) ?? []).map((image) => ({
        version: image.versionNo,
        uploadedAt: image.uploadedAt.toISOString(),
        reviewedAt: image.reviewedAt.toISOString(),
        correctionReason: image.correctionReason,
        demoRendering: image.demoRendering,
        files: image.files.map((file) => ({
          url: fileUrl(file.sha256),
          downloadUrl: downloadUrl(file.sha256),
          sha256: file.sha256,
          contentType: file.contentType,
          size: file.size,
          pages: file.pageCount,
          previewUrls: file.previews.map(fileUrl),
        })),
      })),
    })),
  };
}

/** Per precinct, the SHA-256 of each file of its current published image (the latest version). */
export function currentImageHashes(images: PublishedImage[]): Map<number, string[]> {
  const hashes = new Map<number, string[]>();
  const latest = new Map<number, number>();
  for (const image of images) if (image.versionNo > (latest.get(image.precinctId) ?? 0)) latest.set(image.precinctId, image.versionNo);
  for (const image of images)
    if (latest.get(image.precinctId) === image.versionNo)
      hashes.set(
        image.precinctId,
        image.files.map((file) => file.sha256),
      );
  return hashes;
}
