import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';

/** The page a `page` query parameter asks for: a positive whole number, else the first. */
export const pageNumber = (value: string | undefined) => (value && /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : 1);

/** "201–400 of 12,000" with links to the previous and next pages; nothing when everything fits on one page. */
export async function Pagination({ page, pageSize, total, href }: { page: number; pageSize: number; total: number; href: (page: number) => string }) {
  if (total <= pageSize) return null;
  const [t, format] = await Promise.all([getTranslations('pagination'), getFormatter()]);
  const last = Math.ceil(total / pageSize);
  const from = Math.min(total, (page - 1) * pageSize + 1);
  const to = Math.min(total, page * pageSize);
  return (
    <nav aria-label={t('label')} className="flex flex-wrap items-center gap-4 text-sm">
      <p role="status">{t('showing', { from: format.number(from), to: format.number(to), total: format.number(total) })}</p>
      {page > 1 && (
        <Link href={href(Math.min(page - 1, last))} rel="prev" className="font-medium text-brand-700 underline">
          {t('previous')}
        </Link>
      )}
      {page < last && (
        <Link href={href(page + 1)} rel="next" className="font-medium text-brand-700 underline">
          {t('next')}
        </Link>
      )}
    </nav>
  );
}
