import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { PartyForm } from '@/components/parties/party-form';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { localizer } from '@/lib/i18n/config';
import { listParties } from '@/lib/parties/queries';
import { calendarDay } from '@/lib/i18n/formats';
import { EditLink, Section } from '@/components/section';
import { RowHeader, Table } from '@/components/table';

export default async function PartiesPage() {
  await requirePermission('parties.manage');
  const [t, format, locale, parties] = await Promise.all([getTranslations('parties'), getFormatter(), getLocale(), listParties(getDb())]);
  const name = localizer(locale);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
      <Section headingId="party-list" title={t('listTitle', { count: parties.length })}>
        <Table
          testId="party-table"
          columns={[t('shortName'), t('nameEn'), t('registrationNumber'), t('registeredOn'), t('status'), { label: t('edit'), srOnly: true }]}
        >
          {parties.map((party) => (
            <tr key={party.id}>
              <RowHeader>{party.shortName}</RowHeader>
              <td>{name(party)}</td>
              <td>{party.registrationNumber}</td>
              <td className="whitespace-nowrap">{format.dateTime(calendarDay(party.registeredOn), 'date')}</td>
              <td>{party.active ? t('activeStatus') : t('inactiveStatus')}</td>
              <td>
                <EditLink href={`/staff/admin/parties/${party.id}`} label={t('edit')} what={party.shortName} />
              </td>
            </tr>
          ))}
        </Table>
      </Section>
      <Section headingId="create-party" title={t('createTitle')}>
        <PartyForm />
      </Section>
    </div>
  );
}
