/**
 * Liveness for the test runner's webServer and for operators: answers as soon as the server runs,
 * without touching the engine (the test bed may start the engine after the server).
 */
export function GET(): Response {
  return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
}
