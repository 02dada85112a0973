import { describe, expect, it } from 'vitest';
import { currentImageHashes, protocolImagesJson } from '@/lib/protocol-images/open-data';
import type { PublishedImage } from '@/lib/protocol-images/queries';
import type { ElectionResults, PrecinctResult } from '@/lib/results/aggregate';

const sha = (digit: string) => digit.repeat(64);
const image = (precinctId: number, versionNo: number, hashes: string[]): PublishedImage => ({
  precinctId,
  versionNo,
  uploadedAt: new Date(`2026-11-2${versionNo}T10:00:00Z`),
  reviewedAt: new Date(`2026-11-2${versionNo}T11:00:00Z`),
  correctionReason: versionNo > 1 ? 'The first photo cut off the signatures' : null,
  demoRendering: false,
  files: hashes.map((sha256, index) => ({
    fileNo: index + 1,
    sha256,
    contentType: 'image/jpeg',
    size: 1000,
    pageCount: 1,
    previews: [sha(String(index + 5))],
  })),
});
const precinct = (id: number, reported: boolean) => ({ id, number: id, constituencyId: 1, reported }) as PrecinctResult;
const results = { election: { id: 7 }, constituencies: [{ id: 1, code: 'aktobe-martuk' }] } as unknown as ElectionResults;
// Precinct 11: corrected once (version 2 current); 12: one image; 13: approved without one.
const IMAGES = [image(11, 2, [sha('b'), sha('c')]), image(11, 1, [sha('a')]), image(12, 1, [sha('d')])];

describe('protocol images as open data', () => {
  it('lists every precinct with its published versions, latest first, each file by URL and SHA-256', () => {
    const document = protocolImagesJson(results, [precinct(11, true), precinct(12, true), precinct(13, true)], IMAGES, new Date('2026-11-30T00:00:00Z'));
    expect(document.electionId).toBe(7);
    expect(document.precincts.map((p) => [p.precinctId, p.constituencyCode, p.images.map((i) => i.version)])).toEqual([
      [11, 'aktobe-martuk', [2, 1]],
      [12, 'aktobe-martuk', [1]],
      [13, 'aktobe-martuk', []],
    ]);
    expect(document.precincts[0]!.images[0]).toMatchObject({
      uploadedAt: '2026-11-22T10:00:00.000Z',
      correctionReason: 'The first photo cut off the signatures',
      files: [
        {
          url: `/protocol-images/${sha('b')}`,
          downloadUrl: `/protocol-images/${sha('b')}?download`,
          sha256: sha('b'),
          previewUrls: [`/protocol-images/${sha('5')}`],
        },
        { url: `/protocol-images/${sha('c')}`, sha256: sha('c') },
      ],
    });
  });

  it('gives the NIST report the files of each precinct’s current image only', () => {
    expect(currentImageHashes(IMAGES)).toEqual(
      new Map([
        [11, [sha('b'), sha('c')]],
        [12, [sha('d')]],
      ]),
    );
  });
});
