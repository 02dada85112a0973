'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** While counting goes on, re-renders the page from the server every `seconds`. */
export function AutoRefresh({ active, seconds = 30 }: { active: boolean; seconds?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [active, seconds, router]);
  return null;
}
