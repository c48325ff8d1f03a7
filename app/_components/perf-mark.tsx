'use client';

import { useEffect } from 'react';

/** Marks the moment the page is hydrated, for scripts/bench-ui.ts (`layerlens:interactive`). */
export function PerfMark() {
  useEffect(() => {
    if (performance.getEntriesByName('layerlens:interactive').length === 0) performance.mark('layerlens:interactive');
  }, []);
  return null;
}
