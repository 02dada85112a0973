import { notFound } from 'next/navigation';
import writeExcelFile from 'write-excel-file/node';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { precinctCsv, precinctTemplateRows } from '@/lib/constituency-lists/precinct-import';
import { regionListState } from '@/lib/constituency-lists/queries';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The import template as precincts.csv or precincts.xlsx: the open revision's precincts (or the list in force), ready to edit and re-import. */
export async function GET(_request: Request, { params }: { params: Promise<{ electionId: string; regionCode: string; file: string }> }) {
  const { electionId, regionCode, file } = await params;
  if (file !== 'precincts.csv' && file !== 'precincts.xlsx') notFound();
  await requirePermission('constituencyList.view');
  const state = Number.isInteger(Number(electionId)) ? await regionListState(getDb(), Number(electionId), regionCode) : null;
  if (!state) notFound();
  await requirePermission('constituencyList.view', state.region.id);
  const content = state.open?.content ?? state.approved?.content ?? { constituencies: [] };
  const name = `precincts-${state.region.code}-${state.election.slug}`;
  const headers = { 'Cache-Control': 'private, no-store' };
  if (file === 'precincts.csv') {
    return new Response(precinctCsv(content), {
      headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` },
    });
  }
  const [header, rows] = precinctTemplateRows(content);
  // Cells are typed values (text stays text), so nothing in the workbook is a formula.
  const workbook = await writeExcelFile([[...header], ...rows], {
    sheet: 'precincts',
    columns: [{ width: 22 }, { width: 16 }, { width: 48 }, { width: 16 }],
  }).toBuffer();
  return new Response(new Uint8Array(workbook), {
    headers: { ...headers, 'Content-Type': XLSX_TYPE, 'Content-Disposition': `attachment; filename="${name}.xlsx"` },
  });
}
