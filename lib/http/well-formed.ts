/**
 * Whether a request target's path decodes: Next.js answers a broken percent-encoding in a route
 * parameter (`/results/x/region/%ZZ`) with a 500 of its own, before any page code runs.
 */
export function hasWellFormedPath(url: string | undefined): boolean {
  const path = (url ?? '/').split('?')[0]!;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
