/**
 * Text forms shared by the dashboard's server and client parts. Pure and locale-free, so the server
 * render and the browser's hydration print the same characters.
 */

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/**
 * Bytes in decimal units with three significant digits, as `docker image ls` prints sizes
 * (go-units HumanSizeWithPrecision, base 1000), with a space: `2.39 MB`, `153.6 kB`, `0 B`.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  let i = 0;
  let v = bytes;
  while (v >= 1000 && i < UNITS.length - 1) {
    v /= 1000;
    i++;
  }
  const digits = v >= 100 || i === 0 ? 0 : v >= 10 ? 1 : 2;
  return `${Number(v.toFixed(digits))} ${UNITS[i]}`;
}

/** `1,234,567` without depending on the runtime's locale data. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `2024-05-01 13:45 UTC` from an RFC 3339 time; `''` stays `''`. UTC so server and browser agree. */
export function formatCreated(rfc3339: string): string {
  const t = Date.parse(rfc3339);
  if (Number.isNaN(t)) return rfc3339;
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A moment as `YYYY-MM-DD HH:MM:SS` (UTC), as the audit and views pages show it. */
export function formatTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}
