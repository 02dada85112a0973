import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { ListContent } from '@/lib/constituency-lists/schemas';
import type { ListChange, RevisionStatus } from '@/lib/constituency-lists/transitions';
import { localizer } from '@/lib/i18n/config';

const STATUS_STYLE: Record<RevisionStatus, string> = {
  draft: 'bg-slate-200 text-slate-800',
  submitted: 'bg-amber-100 text-amber-900',
  returned: 'bg-red-100 text-red-900',
  approved: 'bg-green-100 text-green-900',
  superseded: 'bg-slate-100 text-slate-600',
};

export async function RevisionStatusBadge({ status }: { status: RevisionStatus }) {
  const t = await getTranslations('lists.status');
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[status]}`}>{t(status)}</span>;
}

/** A list's constituencies with their precincts, read-only. */
export async function ListContentView({ content }: { content: ListContent }) {
  const [t, tKinds, format, locale] = await Promise.all([getTranslations('lists'), getTranslations('staff.regions.kinds'), getFormatter(), getLocale()]);
  const name = localizer(locale);
  return (
    <ul className="flex flex-col gap-2">
      {content.constituencies.map((constituency) => (
        <li key={constituency.code} className="rounded-lg border border-slate-200 bg-white">
          <details>
            <summary className="flex cursor-pointer flex-wrap justify-between gap-2 px-4 py-2">
              <span className="font-medium">
                {name(constituency)}{' '}
                <span className="text-xs text-slate-500">
                  ({tKinds(constituency.kind)}, {constituency.code})
                </span>
              </span>
              <span className="text-sm text-slate-600 tabular-nums">
                {t('precinctsAndVoters', {
                  precincts: constituency.precincts.length,
                  voters: constituency.precincts.reduce((sum, p) => sum + p.votersOnList, 0),
                })}
              </span>
            </summary>
            <table className="mx-4 mb-3 text-sm">
              <thead className="text-left text-slate-600">
                <tr>
                  <th scope="col" className="pr-4">
                    {t('precinctNumber')}
                  </th>
                  <th scope="col" className="pr-4">
                    {t('address')}
                  </th>
                  <th scope="col" className="text-right">
                    {t('votersOnList')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {constituency.precincts.map((precinct) => (
                  <tr key={precinct.number}>
                    <td className="pr-4 tabular-nums">{precinct.number}</td>
                    <td className="pr-4">{precinct.address}</td>
                    <td className="text-right tabular-nums">{format.number(precinct.votersOnList)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </li>
      ))}
    </ul>
  );
}

/** What a revision changes against the list in force, in words. */
export async function ChangesView({ changes }: { changes: ListChange[] }) {
  const [t, format] = await Promise.all([getTranslations('lists.changes'), getFormatter()]);
  if (!changes.length) return <p className="text-sm text-slate-600">{t('none')}</p>;
  const describe = (change: ListChange) => {
    switch (change.type) {
      case 'constituencyAdded':
      case 'constituencyRemoved':
        return t(change.type, { code: change.code, name: change.name, precincts: change.precincts, voters: change.voters });
      case 'constituencyChanged':
        return t(change.type, { code: change.code, fields: change.fields.join(', ') });
      case 'precinctAdded':
      case 'precinctRemoved':
        return t(change.type, { code: change.code, number: change.number, voters: change.votersOnList });
      case 'precinctChanged':
        return t(change.type, {
          code: change.code,
          number: change.number,
          before: format.number(change.votersBefore),
          after: format.number(change.votersAfter),
        });
    }
  };
  return (
    <ul className="list-disc pl-5 text-sm" data-testid="list-changes">
      {changes.slice(0, 100).map((change, index) => (
        <li key={index}>{describe(change)}</li>
      ))}
      {changes.length > 100 && <li>{t('more', { count: changes.length - 100 })}</li>}
    </ul>
  );
}
