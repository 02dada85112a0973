import { getFormatter, getTranslations } from 'next-intl/server';
import { CommandButton } from '@/components/command-button';
import { Section } from '@/components/section';
import { Num, numeric, Table } from '@/components/table';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { listSignInAttacks, THROTTLE_POLICY } from '@/lib/auth/throttle';
import { clearSignInBlockAction } from '@/lib/auth/actions';

/** Accounts under attack: failed sign-ins of the last hour by account and address, and the blocks in force. */
export default async function SignInAttacksPage() {
  await requirePermission('users.manage');
  const [t, format, { attacks, addressBlocks }] = await Promise.all([getTranslations('signIns'), getFormatter(), listSignInAttacks(getDb())]);
  const time = (date: Date) => format.dateTime(date, 'dateTime');
  const clear = (key: string, what: string) => (
    <CommandButton action={clearSignInBlockAction.bind(null, { key })} label={t('clear', { what })} success={t('cleared')} />
  );
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
      <p className="text-sm text-slate-700">
        {t('policy', {
          pair: THROTTLE_POLICY.maxFailuresPerPair,
          address: THROTTLE_POLICY.maxFailuresPerAddress,
          minutes: THROTTLE_POLICY.windowMinutes,
          block: THROTTLE_POLICY.blockMinutes,
        })}
      </p>
      {addressBlocks.length > 0 && (
        <Section headingId="address-blocks" title={t('addressBlocks')}>
          <ul className="flex flex-col gap-3">
            {addressBlocks.map((block) => (
              <li key={block.key} className="flex flex-wrap items-center gap-3 text-sm">
                <span className="font-mono">{block.address}</span>
                <span>{t('blockedUntil', { time: time(block.blockedUntil) })}</span>
                {clear(block.key, block.address)}
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Section headingId="failures" title={t('failuresTitle')}>
        {attacks.length === 0 ? (
          <p className="text-sm">{t('none')}</p>
        ) : (
          <Table testId="sign-in-failures" columns={[t('account'), t('address'), ...numeric(t('failures')), t('lastAt'), t('block')]}>
            {attacks.map((row) => (
              <tr key={`${row.account} ${row.address}`}>
                <td>{row.account}</td>
                <td className="font-mono">{row.address}</td>
                <Num>{format.number(row.failures)}</Num>
                <td>{time(row.lastAt)}</td>
                <td>
                  {row.blockKey && row.blockedUntil ? (
                    <div className="flex flex-col gap-1">
                      <span>{t('blockedUntil', { time: time(row.blockedUntil) })}</span>
                      {clear(row.blockKey, `${row.account} · ${row.address}`)}
                    </div>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
    </div>
  );
}
