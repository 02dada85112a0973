import 'server-only';
import { getDb } from '@/db/client';
import { cachedDerived } from '@/lib/results/cache';
import { constituencyIds, imageCoverage, precinctsMissingImages, publicPrecinctImages, publishedImages, type MissingImagesPage } from './queries';

/**
 * The public reads of protocol images, cached like the results (decision 004): computed once per
 * results version, which every approval of a protocol or of a corrected image bumps.
 */
export const cachedImageCoverage = (electionId: number) => cachedDerived('image-coverage', electionId, () => imageCoverage(getDb(), electionId));
/** The election's constituencies by code (a missing-images address names one by its code). */
export const cachedConstituencyIds = (electionId: number) => cachedDerived('constituency-ids', electionId, () => constituencyIds(getDb(), electionId));
export const cachedMissingImages = (electionId: number, page: MissingImagesPage) =>
  cachedDerived(`missing-images:${page.constituencyCode ?? ''}:${page.offset}:${page.limit}`, electionId, () =>
    precinctsMissingImages(getDb(), electionId, page),
  );
export const cachedPublishedImages = (electionId: number) => cachedDerived('published-images', electionId, () => publishedImages(getDb(), electionId));
export const cachedPrecinctImages = (electionId: number, precinctId: number) =>
  cachedDerived(`precinct-images:${precinctId}`, electionId, () => publicPrecinctImages(getDb(), precinctId));
