'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/**
 * The staff sidebar: the link of the section the user is in carries aria-current="page" (and
 * looks selected). On a phone it is one scrollable row instead of a block of wrapped links.
 */
export function StaffNav({ label, items }: { label: string; items: { href: string; text: string }[] }) {
  const pathname = usePathname();
  // The longest matching address wins: /staff/admin/users is not also /staff.
  const current = items.filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label={label} className="no-print -mx-4 overflow-x-auto px-4 md:mx-0 md:w-48 md:shrink-0 md:overflow-visible md:px-0">
      <ul className="flex gap-1 md:flex-col">
        {items.map((item) => (
          <li key={item.href} className="shrink-0">
            <Link
              href={item.href}
              aria-current={item.href === current ? 'page' : undefined}
              className="block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium text-brand-900 hover:bg-brand-100 aria-[current=page]:bg-brand-600 aria-[current=page]:text-white md:whitespace-normal"
            >
              {item.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
