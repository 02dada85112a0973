import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ElectionForm } from '@/components/elections/election-form';
import { requirePermission } from '@/lib/auth/guard';

export default async function NewElectionPage() {
  await requirePermission('elections.manage');
  const t = await getTranslations('elections');
  return (
    <div className="flex flex-col gap-4">
      <Link href="/staff/elections" className="text-sm text-brand-700 underline">
        ← {t('title')}
      </Link>
      <h1 className="text-2xl font-bold text-brand-900">{t('form.createTitle')}</h1>
      <ElectionForm />
    </div>
  );
}
