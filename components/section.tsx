import Link from 'next/link';
import type { ReactNode } from 'react';

/**
 * A titled card of a page: a landmark region named by its heading (`aria-labelledby`), so a screen
 * reader can jump to it and the e2e tests find it by that name.
 */
export function Section({
  headingId,
  title,
  children,
  className = '',
  id,
  testId,
}: {
  headingId: string;
  title: ReactNode;
  children: ReactNode;
  className?: string;
  id?: string;
  testId?: string;
}) {
  return (
    <section id={id} aria-labelledby={headingId} className={`rounded-xl border border-slate-200 bg-white p-4 ${className}`} data-testid={testId}>
      <h2 id={headingId} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The top of a detail page: the way back to its list, the title, and what the page belongs to. */
export function PageHeader({ back, title, children }: { back: { href: string; label: string }; title: ReactNode; children?: ReactNode }) {
  return (
    <div>
      <Link href={back.href} className="text-sm text-brand-700 underline">
        ← {back.label}
      </Link>
      <h1 className="mt-1 text-2xl font-bold text-brand-900">{title}</h1>
      {children}
    </div>
  );
}

/** "Edit" in a table row, naming the row's record for screen readers ("Edit AMANAT"). */
export function EditLink({ href, label, what }: { href: string; label: string; what: string }) {
  return (
    <Link href={href} className="font-medium text-brand-700 underline">
      {label}
      <span className="sr-only"> {what}</span>
    </Link>
  );
}
