import { getTranslations } from 'next-intl/server';
import type { ProtocolStatus } from '@/lib/protocols/queries';

const STYLE: Record<ProtocolStatus, string> = {
  missing: 'bg-slate-200 text-slate-800',
  entered_once: 'bg-sky-100 text-sky-900',
  awaiting_review: 'bg-amber-100 text-amber-900',
  mismatch: 'bg-red-100 text-red-900',
  approved: 'bg-green-100 text-green-900',
  returned: 'bg-orange-100 text-orange-900',
};

export async function ProtocolStatusBadge({ status }: { status: ProtocolStatus }) {
  const t = await getTranslations('protocols.status');
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${STYLE[status]}`} data-testid="protocol-status">
      {t(status)}
    </span>
  );
}
