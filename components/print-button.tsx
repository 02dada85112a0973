'use client';

import { useTranslations } from 'next-intl';
import { secondaryButtonClass } from './form-field';

export function PrintButton() {
  const t = useTranslations('common');
  return (
    <button type="button" onClick={() => window.print()} className={`no-print ${secondaryButtonClass}`}>
      {t('print')}
    </button>
  );
}
