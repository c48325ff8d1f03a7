'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Shown only while the engine is unreachable: no engine means no events to wait for, so the page
 * asks the server again every few seconds and shows the store as soon as the engine answers.
 */
export function RetryRefresh({ everyMs = 5000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
