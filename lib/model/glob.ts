/**
 * Go `path.Match` (Go >= 1.16 behaviour), used by the `reference` list filter
 * (engine-semantics.md sec. 5 step 7). Same algorithm, so the same answers on every input,
 * including which malformed patterns are reported:
 * - `*` matches any run of non-`/` characters, `?` one non-`/` character;
 * - `[...]` classes with ranges `a-z`, negation `[^...]`, `\` escapes inside and outside classes;
 * - a malformed pattern (`[`, `[]`, `[a-]`, trailing `\`, ...) yields `ErrBadPattern`, whose
 *   text the classic store returns as a 500 `syntax error in pattern`; since Go 1.16 the rest of the
 *   pattern is validated even when the match already failed.
 * Strings are handled as code points (Go runes); reference strings are ASCII anyway.
 */

/** Go's `path.ErrBadPattern` text. */
export const BAD_PATTERN = 'syntax error in pattern';

/** `{ matched }`, or `{ error: 'syntax error in pattern' }` for a malformed pattern. */
export type MatchResult = { matched: boolean; error?: undefined } | { matched: false; error: typeof BAD_PATTERN };

class BadPattern extends Error {}

type Chunk = string[];

/** Splits off a leading run of `*` and the following chunk up to the next unbracketed `*`. */
function scanChunk(p: string[]): { star: boolean; chunk: Chunk; rest: string[] } {
  let i = 0;
  while (i < p.length && p[i] === '*') i++;
  const star = i > 0;
  p = p.slice(i);
  let inRange = false;
  let j = 0;
  scan: for (; j < p.length; j++) {
    switch (p[j]) {
      case '\\':
        if (j + 1 < p.length) j++;
        break;
      case '[':
        inRange = true;
        break;
      case ']':
        inRange = false;
        break;
      case '*':
        if (!inRange) break scan;
        break;
    }
  }
  return { star, chunk: p.slice(0, j), rest: p.slice(j) };
}

/** One class endpoint, honouring `\` escapes; throws on a malformed class. */
function getEsc(chunk: Chunk, at: number): { r: string; next: number } {
  let i = at;
  if (i >= chunk.length || chunk[i] === '-' || chunk[i] === ']') throw new BadPattern();
  if (chunk[i] === '\\') {
    i++;
    if (i >= chunk.length) throw new BadPattern();
  }
  const r = chunk[i] as string;
  i++;
  if (i >= chunk.length) throw new BadPattern();
  return { r, next: i };
}

/** Compare code points like Go compares runes. */
function cp(c: string): number {
  return c.codePointAt(0) ?? 0;
}

/**
 * Matches `chunk` at the start of `s`; returns the unmatched rest or null. After a mismatch it
 * keeps scanning the chunk only to validate its syntax (Go's `failed` flag).
 */
function matchChunk(chunk: Chunk, s: string[]): string[] | null {
  let failed = false;
  let i = 0;
  let k = 0;
  while (i < chunk.length) {
    if (!failed && k >= s.length) failed = true;
    const c = chunk[i] as string;
    if (c === '[') {
      let r = -1;
      if (!failed) r = cp(s[k++] as string);
      i++;
      let negated = false;
      if (i < chunk.length && chunk[i] === '^') {
        negated = true;
        i++;
      }
      let match = false;
      let nrange = 0;
      for (;;) {
        if (i < chunk.length && chunk[i] === ']' && nrange > 0) {
          i++;
          break;
        }
        const lo = getEsc(chunk, i);
        let hi = lo.r;
        i = lo.next;
        if (chunk[i] === '-') {
          const h = getEsc(chunk, i + 1);
          hi = h.r;
          i = h.next;
        }
        if (cp(lo.r) <= r && r <= cp(hi)) match = true;
        nrange++;
      }
      if (match === negated) failed = true;
    } else if (c === '?') {
      if (!failed) {
        if (s[k] === '/') failed = true;
        k++;
      }
      i++;
    } else {
      if (c === '\\') {
        i++;
        if (i >= chunk.length) throw new BadPattern();
      }
      if (!failed) {
        if (chunk[i] !== s[k]) failed = true;
        k++;
      }
      i++;
    }
  }
  return failed ? null : s.slice(k);
}

function match(pattern: string[], name: string[]): boolean {
  pattern: while (pattern.length > 0) {
    const { star, chunk, rest } = scanChunk(pattern);
    pattern = rest;
    if (star && chunk.length === 0) return !name.includes('/');
    const t = matchChunk(chunk, name);
    if (t !== null && (t.length === 0 || pattern.length > 0)) {
      name = t;
      continue;
    }
    if (star) {
      for (let i = 0; i < name.length && name[i] !== '/'; i++) {
        const t2 = matchChunk(chunk, name.slice(i + 1));
        if (t2 !== null) {
          if (pattern.length === 0 && t2.length > 0) continue;
          name = t2;
          continue pattern;
        }
      }
    }
    while (pattern.length > 0) {
      const next = scanChunk(pattern);
      pattern = next.rest;
      matchChunk(next.chunk, []);
    }
    return false;
  }
  return name.length === 0;
}

/** Go `path.Match(pattern, name)`. */
export function pathMatch(pattern: string, name: string): MatchResult {
  try {
    return { matched: match(Array.from(pattern), Array.from(name)) };
  } catch (e) {
    if (e instanceof BadPattern) return { matched: false, error: BAD_PATTERN };
    throw e;
  }
}
