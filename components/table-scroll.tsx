import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

/**
 * The box around a wide table: on a phone the table scrolls sideways inside it with its first
 * column fixed and a shadow at the edge that has more columns (app/globals.css `.table-scroll`);
 * the box can be focused and scrolled with the keyboard, and says what it holds.
 */
export async function TableScroll({ label, className = '', children }: { label?: string; className?: string; children: ReactNode }) {
  const t = await getTranslations('common');
  return (
    <div className={`table-scroll ${className}`} tabIndex={0} role="region" aria-label={label ?? t('wideTable')}>
      {children}
    </div>
  );
}
