import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { PartyForm } from '@/components/parties/party-form';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { localizer } from '@/lib/i18n/config';
import { listParties } from '@/lib/parties/queries';
import { calendarDay } from '@/lib/i18n/formats';
import { TableScroll } from '@/components/table-scroll';

export default async function PartiesPage() {
  await requirePermission('parties.manage');
  const [t, format, locale, parties] = await Promise.all([getTranslations('parties'), getFormatter(), getLocale(), listParties(getDb())]);
  const name = localizer(locale);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
      <section aria-labelledby="party-list" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="party-list" className="mb-4 text-lg font-semibold">
          {t('listTitle', { count: parties.length })}
        </h2>
        <TableScroll>
          <table className="w-full text-left text-sm" data-testid="party-table">
            <thead className="border-b text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  {t('shortName')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('nameEn')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('registrationNumber')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('registeredOn')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('status')}
                </th>
                <th scope="col" className="py-2">
                  <span className="sr-only">{t('edit')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {parties.map((party) => (
                <tr key={party.id} className="border-b last:border-0">
                  <th scope="row" className="py-2 pr-3 font-medium">
                    {party.shortName}
                  </th>
                  <td className="py-2 pr-3">{name(party)}</td>
                  <td className="py-2 pr-3">{party.registrationNumber}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">{format.dateTime(calendarDay(party.registeredOn), 'date')}</td>
                  <td className="py-2 pr-3">{party.active ? t('activeStatus') : t('inactiveStatus')}</td>
                  <td className="py-2">
                    <Link href={`/staff/admin/parties/${party.id}`} className="font-medium text-brand-700 underline">
                      {t('edit')}
                      <span className="sr-only"> {party.shortName}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section aria-labelledby="create-party" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="create-party" className="mb-4 text-lg font-semibold">
          {t('createTitle')}
        </h2>
        <PartyForm />
      </section>
    </div>
  );
}
