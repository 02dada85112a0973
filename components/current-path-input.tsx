'use client';

import { usePathname, useSearchParams } from 'next/navigation';

/** The page the visitor is on, kept current across client-side navigation (layouts do not re-render). */
export function CurrentPathInput({ name }: { name: string }) {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  return <input type="hidden" name={name} value={query ? `${pathname}?${query}` : pathname} />;
}
