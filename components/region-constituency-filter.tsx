'use client';

import { useState } from 'react';
import { fieldAria, FormField, inputClass } from './form-field';

type Option = { value: string; label: string };

/**
 * Region and constituency selects of a filter form: the constituency list holds only the chosen
 * region's constituencies, and narrows as soon as the region changes (before the form is sent).
 * Labels come translated from the server, so the page needs no translation code in the browser.
 *
 * An election with thousands of constituencies sends only the chosen region's (`regionOnly`,
 * decision 018): until a region is applied, the constituency select says so and stays disabled.
 */
export function RegionConstituencyFilter({
  labels,
  regions,
  constituencies,
  region: initialRegion = '',
  constituency = '',
  regionOnly = false,
}: {
  labels: { region: string; constituency: string; all: string; applyRegionFirst: string };
  regions: Option[];
  constituencies: (Option & { region: string })[];
  region?: string;
  constituency?: string;
  regionOnly?: boolean;
}) {
  const [region, setRegion] = useState(initialRegion);
  const shown = region ? constituencies.filter((option) => option.region === region) : constituencies;
  const chosen = shown.some((option) => option.value === constituency) ? constituency : '';
  // The options of another region than the one applied are not in the page yet.
  const waiting = regionOnly && (region === '' || region !== initialRegion);
  const hint = waiting ? labels.applyRegionFirst : undefined;
  return (
    <>
      <FormField id="region" label={labels.region}>
        <select id="region" name="region" value={region} onChange={(event) => setRegion(event.target.value)} className={inputClass}>
          <option value="">{labels.all}</option>
          {regions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id="constituency" label={labels.constituency} hint={hint}>
        {/* Re-created per region, so a constituency of another region is never left selected. */}
        <select
          key={region}
          {...fieldAria('constituency', undefined, hint)}
          name="constituency"
          defaultValue={chosen}
          disabled={waiting}
          className={inputClass}
        >
          <option value="">{labels.all}</option>
          {!waiting &&
            shown.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
        </select>
      </FormField>
    </>
  );
}
