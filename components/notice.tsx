'use client';

import { useTranslations } from 'next-intl';
import { createContext, useContext, useState, type ReactNode } from 'react';

/**
 * The outcome of the last command, shown above the page content. It lives in the staff layout,
 * so it stays visible when the page refreshes into the record's new state (where the button that
 * was pressed may no longer exist: an announced election has no Announce button).
 */
const NoticeContext = createContext<(text: string | null) => void>(() => {});

export function NoticeProvider({ children }: { children: ReactNode }) {
  const t = useTranslations('common');
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <NoticeContext.Provider value={setNotice}>
      <div role="status" aria-live="polite" className="empty:hidden" data-testid="notice">
        {notice && (
          <div className="mb-4 flex items-start justify-between gap-3 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
            <p>{notice}</p>
            <button type="button" onClick={() => setNotice(null)} className="shrink-0 underline">
              {t('dismiss')}
            </button>
          </div>
        )}
      </div>
      {children}
    </NoticeContext.Provider>
  );
}

/** Shows a success message that outlives the refresh that follows a command (null clears it). */
export const useNotice = () => useContext(NoticeContext);
