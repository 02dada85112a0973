'use client';

import { useState } from 'react';
import { FormField, inputClass } from './form-field';

type Option = { value: string; label: string };

/**
 * Region and constituency selects of a filter form: the constituency list holds only the chosen
 * region's constituencies, and narrows as soon as the region changes (before the form is sent).
 * Labels come translated from the server, so the page needs no translation code in the browser.
 */
export function RegionConstituencyFilter({
  labels,
  regions,
  constituencies,
  region: initialRegion = '',
  constituency = '',
}: {
  labels: { region: string; constituency: string; all: string };
  regions: Option[];
  constituencies: (Option & { region: string })[];
  region?: string;
  constituency?: string;
}) {
  const [region, setRegion] = useState(initialRegion);
  const shown = region ? constituencies.filter((option) => option.region === region) : constituencies;
  const chosen = shown.some((option) => option.value === constituency) ? constituency : '';
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
      <FormField id="constituency" label={labels.constituency}>
        {/* Re-created per region, so a constituency of another region is never left selected. */}
        <select key={region} id="constituency" name="constituency" defaultValue={chosen} className={inputClass}>
          <option value="">{labels.all}</option>
          {shown.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </FormField>
    </>
  );
}
