import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PartyForm } from '@/components/parties/party-form';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { findParty } from '@/lib/parties/queries';

export default async function EditPartyPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('parties.manage');
  const id = Number((await params).id);
  const party = Number.isInteger(id) && id > 0 ? await findParty(getDb(), id) : null;
  if (!party) notFound();
  const t = await getTranslations('parties');
  const { id: partyId, lockVersion, ...values } = party;
  return (
    <div className="flex flex-col gap-4">
      <Link href="/staff/admin/parties" className="text-sm text-brand-700 underline">
        ← {t('back')}
      </Link>
      <h1 className="text-2xl font-bold text-brand-900">
        {t('editTitle')}: {party.shortName}
      </h1>
      <PartyForm party={{ id: partyId, version: lockVersion, values }} />
    </div>
  );
}
