import { routeRole } from '../../_lib/auth';
import { resolveEngine } from '../../_lib/current-engine';

/**
 * Server-Sent Events: one `change` event each time the engine's /events stream says the snapshot is
 * stale (lib/engine/events.ts), so open pages refresh without polling. The browser never talks to
 * the Docker socket; this route is the only live channel.
 */
export async function GET(request: Request): Promise<Response> {
  const auth = await routeRole('viewer', 'GET /api/events');
  if (auth instanceof Response) return auth;
  // `?engine=<id>`: the engine the page follows, resolved through the store like the actions' ids.
  const target = resolveEngine(Number(new URL(request.url).searchParams.get('engine')));
  if (!target.ok) return Response.json({ error: target.message }, { status: 404 });
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      // `retry` makes EventSource come back quickly after a server or engine restart.
      send('retry: 2000\nevent: hello\ndata: {}\n\n');
      let off = () => {};
      try {
        off = target.svc.onChange((generation) => send(`event: change\ndata: ${JSON.stringify({ generation })}\n\n`));
      } catch (e) {
        send(`event: unreachable\ndata: ${JSON.stringify({ message: e instanceof Error ? e.message : String(e) })}\n\n`);
      }
      // Comments keep proxies from closing an idle stream.
      const ping = setInterval(() => send(': ping\n\n'), 15_000);
      stop = () => {
        clearInterval(ping);
        off();
      };
      request.signal.addEventListener('abort', () => {
        stop();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
}
