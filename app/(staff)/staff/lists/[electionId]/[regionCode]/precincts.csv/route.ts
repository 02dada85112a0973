import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { precinctCsv } from '@/lib/constituency-lists/csv';
import { regionListState } from '@/lib/constituency-lists/queries';

/** The CSV template: the open revision's precincts (or the list in force), ready to edit and re-import. */
export async function GET(_request: Request, { params }: { params: Promise<{ electionId: string; regionCode: string }> }) {
  const { electionId, regionCode } = await params;
  const state = Number.isInteger(Number(electionId)) ? await regionListState(getDb(), Number(electionId), regionCode) : null;
  if (!state) notFound();
  await requirePermission('constituencyList.view', state.region.id);
  const content = state.open?.content ?? state.approved?.content ?? { constituencies: [] };
  return new Response(`\uFEFF${precinctCsv(content)}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="precincts-${state.region.code}-${state.election.slug}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
