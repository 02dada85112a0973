import { getFormatter, getTranslations } from 'next-intl/server';
import { CommandButton } from '@/components/command-button';
import { TableScroll } from '@/components/table-scroll';
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
        <section aria-labelledby="address-blocks" className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="address-blocks" className="mb-3 text-lg font-semibold">
            {t('addressBlocks')}
          </h2>
          <ul className="flex flex-col gap-3">
            {addressBlocks.map((block) => (
              <li key={block.key} className="flex flex-wrap items-center gap-3 text-sm">
                <span className="font-mono">{block.address}</span>
                <span>{t('blockedUntil', { time: time(block.blockedUntil) })}</span>
                {clear(block.key, block.address)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="failures" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="failures" className="mb-3 text-lg font-semibold">
          {t('failuresTitle')}
        </h2>
        {attacks.length === 0 ? (
          <p className="text-sm">{t('none')}</p>
        ) : (
          <TableScroll>
            <table className="w-full text-left text-sm" data-testid="sign-in-failures">
              <thead className="border-b text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3">
                    {t('account')}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t('address')}
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right">
                    {t('failures')}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t('lastAt')}
                  </th>
                  <th scope="col" className="py-2">
                    {t('block')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {attacks.map((row) => (
                  <tr key={`${row.account} ${row.address}`} className="border-b last:border-0">
                    <td className="py-2 pr-3">{row.account}</td>
                    <td className="py-2 pr-3 font-mono">{row.address}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{format.number(row.failures)}</td>
                    <td className="py-2 pr-3">{time(row.lastAt)}</td>
                    <td className="py-2">
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
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </div>
  );
}
