/**
 * Which groups of a list, counted group by group, hold its rows [offset, offset + limit): the
 * groups' ids in list order and how many rows of the first to skip. A page of a long list grouped
 * by constituency then reads only the constituencies it shows, not every row before it.
 */
export function pageWindow(groups: readonly { id: number; count: number }[], offset: number, limit: number): { ids: number[]; skip: number } {
  const ids: number[] = [];
  let before = 0;
  let skip = 0;
  for (const { id, count } of groups) {
    if (before >= offset + limit) break;
    if (count > 0 && before + count > offset) {
      if (ids.length === 0) skip = offset - before;
      ids.push(id);
    }
    before += count;
  }
  return { ids, skip };
}
