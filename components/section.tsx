import Link from 'next/link';
import type { ReactNode } from 'react';

const CARD = 'rounded-xl border border-slate-200 bg-white p-4';

/**
 * A titled part of a page: a landmark region named by its heading (`aria-labelledby`), so a screen
 * reader can jump to it and the e2e tests find it by that name. `card` (the default) is a white box;
 * `stack` is that box with its content in a column; `plain` is the column without a box.
 */
export function Section({
  headingId,
  title,
  children,
  variant = 'card',
  hideTitle = false,
  id,
}: {
  headingId: string;
  title: ReactNode;
  children: ReactNode;
  variant?: 'card' | 'stack' | 'plain';
  /** The heading only names the region for screen readers (the content shows its own title). */
  hideTitle?: boolean;
  /** The section's own id, for links to it (the heading has `headingId`). */
  id?: string;
}) {
  const layout = { card: CARD, stack: `flex flex-col gap-3 ${CARD}`, plain: 'flex flex-col gap-3' }[variant];
  const heading = hideTitle ? 'sr-only' : variant === 'card' ? 'mb-3 text-lg font-semibold' : 'text-lg font-semibold';
  return (
    <section id={id} aria-labelledby={headingId} className={layout}>
      <h2 id={headingId} className={heading}>
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
