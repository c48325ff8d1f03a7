'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

type Status = 'connecting' | 'live' | 'reconnecting';

/**
 * Keeps the page current: listens to /api/events (fed by the engine's /events stream) and
 * re-renders the server components on each change of the page's engine, debounced because one removal emits many events.
 * After a reconnect it refreshes once too, since changes may have happened while it was away.
 */
export function LiveRefresh({ engineId }: { engineId: number }) {
  const router = useRouter();
  const [status, setStatus] = useState<Status>('connecting');
  useEffect(() => {
    const source = new EventSource(`/api/events?engine=${engineId}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let dropped = false;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), 150);
    };
    source.addEventListener('hello', () => {
      setStatus('live');
      if (dropped) refresh();
      dropped = false;
    });
    source.addEventListener('change', refresh);
    source.addEventListener('unreachable', () => setStatus('reconnecting'));
    source.onerror = () => {
      dropped = true;
      setStatus('reconnecting');
    };
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [router, engineId]);
  const text = status === 'live' ? 'Live' : status === 'connecting' ? 'Connecting…' : 'Reconnecting…';
  return (
    <span className={`live is-${status}`} title="Updates when the engine reports a change">
      <span className="dot" aria-hidden="true" />
      {text}
    </span>
  );
}
