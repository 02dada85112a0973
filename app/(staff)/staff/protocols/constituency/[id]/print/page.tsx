import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { PrintButton } from '@/components/print-button';
import { ConstituencyResultView } from '@/components/results/constituency-result';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { localizer } from '@/lib/i18n/config';
import { constituencyResult } from '@/lib/results/aggregate';

/** A printable summary of a constituency's results from approved protocols. */
export default async function ConstituencyPrintPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  await requirePermission('protocol.view');
  const found = Number.isInteger(id) && id > 0 ? await constituencyResult(getDb(), id) : null;
  if (!found) notFound();
  await requirePermission('protocol.view', found.result.regionId);
  const [t, format, locale] = await Promise.all([getTranslations('protocols'), getFormatter(), getLocale()]);
  const name = localizer(locale);
  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-4 bg-white p-6">
      <header>
        <p className="text-sm text-slate-600">{name(found.election)}</p>
        <h1 className="text-xl font-bold">{name(found.result)}</h1>
        <p>{t(`resultsStatus.${found.result.resultsStatus}`)}</p>
      </header>
      <ConstituencyResultView result={found.result} />
      <p className="text-xs text-slate-500">{t('printFooter', { date: format.dateTime(new Date(), 'dateTime') })}</p>
      <PrintButton />
    </article>
  );
}
