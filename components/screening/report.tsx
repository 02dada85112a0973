import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { PaperCheck } from '@/lib/screening/queries';
import type { AreaScreening, PrecinctScreening } from '@/lib/screening/screen';
import type { ScreeningSettings } from '@/lib/screening/settings';
import { screeningText, type ScreeningNames } from './text';
import { Table } from '../table';

/** Building blocks of the screening pages: flags, checks, area findings. Data arrives as props. */

const FINDING_STYLE = { flagged: 'text-amber-900 font-semibold', clear: 'text-slate-700', notEnoughData: 'text-slate-500' } as const;

export async function FlagList({ screening, settings, names }: { screening: PrecinctScreening; settings: ScreeningSettings; names: ScreeningNames }) {
  const text = await screeningText(settings, names);
  return (
    <ul className="flex list-disc flex-col gap-1 pl-5 text-sm" data-testid="screening-flags">
      {screening.flags.map((flag, index) => (
        <li key={index}>{text.flag(flag)}</li>
      ))}
    </ul>
  );
}

/** Reviewers' "checked against the paper: correct"; the public sees no staff names. */
export async function CheckList({ checks, audience }: { checks: (PaperCheck & { current?: boolean })[]; audience: 'staff' | 'public' }) {
  const [t, format] = await Promise.all([getTranslations('screening'), getFormatter()]);
  const date = (value: Date) => format.dateTime(value, 'dateTime');
  return (
    <ul className="flex flex-col gap-1" data-testid="paper-checks">
      {checks.map((check) => (
        <li key={check.id} className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm">
          <p className="text-green-900">
            {audience === 'staff'
              ? t('checks.line', { name: check.checkedBy, date: date(check.checkedAt) })
              : t('checks.publicLine', { date: date(check.checkedAt) })}
          </p>
          {check.comment && <p className="text-slate-700">“{check.comment}”</p>}
          {check.current === false && <p className="text-xs text-slate-500">{t('checks.earlierFigures')}</p>}
        </li>
      ))}
    </ul>
  );
}

/** The area-wide tests of each area in a table: area, test, result in words. */
export async function AreaFindings({ areas, settings, names }: { areas: AreaScreening[]; settings: ScreeningSettings; names: ScreeningNames }) {
  const text = await screeningText(settings, names);
  return (
    <Table
      testId="area-findings"
      caption={text.t('findings.title')}
      density="compact"
      columns={[text.t('findings.area'), text.t('findings.test'), text.t('findings.result')]}
    >
      {areas.flatMap((area) =>
        area.findings.map((finding, index) => (
          <tr key={`${area.area.level}-${area.area.id}-${finding.test}`} className="align-top">
            {index === 0 && (
              <th scope="rowgroup" rowSpan={area.findings.length} className="font-medium">
                {text.area(area.area)}
              </th>
            )}
            <td>{text.t(`findings.names.${finding.test}`)}</td>
            <td>
              <span className={FINDING_STYLE[finding.status]}>{text.t(`findings.status.${finding.status}`)}</span>
              {' · '}
              {text.finding(finding)}
            </td>
          </tr>
        )),
      )}
    </Table>
  );
}

/** Flagged precincts with what stands out and the reviewers' answers; `title` names each precinct (a link where there is one). */
export async function FlaggedPrecincts({
  flagged,
  checks,
  settings,
  names,
  audience,
  title,
}: {
  flagged: PrecinctScreening[];
  checks: Map<number, PaperCheck[]>;
  settings: ScreeningSettings;
  names: ScreeningNames;
  audience: 'staff' | 'public';
  title: (screening: PrecinctScreening) => ReactNode;
}) {
  const text = await screeningText(settings, names);
  return (
    <ul className="flex flex-col gap-3" data-testid="flagged-precincts">
      {flagged.map((screening) => {
        const answered = checks.get(screening.precinct.id) ?? [];
        return (
          <li key={screening.precinct.id} className="flex flex-col gap-2 rounded-lg border border-amber-200 bg-white p-3" data-testid="flagged-precinct">
            <h3 className="font-semibold">{title(screening)}</h3>
            <FlagList screening={screening} settings={settings} names={names} />
            {answered.length ? <CheckList checks={answered} audience={audience} /> : <p className="text-sm text-slate-500">{text.t('checks.notChecked')}</p>}
          </li>
        );
      })}
    </ul>
  );
}
