/**
 * The filter box takes what follows `docker image ls`: `reference=redis dangling=true`, with or
 * without `--filter`/`-f`, quotes for values with spaces. Each term is parsed as the docker CLI's
 * `filters.ParseFlag` does: split at the first `=`, name trimmed and lower-cased, value trimmed.
 * Which names and values are valid is the engine's business (lib/model/image-list.ts answers).
 */
export type FilterParse = { ok: true; filters: Record<string, string[]> } | { ok: false; message: string };

export function parseFilterText(text: string): FilterParse {
  const words = splitWords(text);
  if (!words.ok) return words;
  const filters: Record<string, string[]> = {};
  const list = words.words;
  for (let i = 0; i < list.length; i++) {
    let term = list[i]!;
    if (term === '--filter' || term === '-f') {
      const next = list[++i];
      if (next === undefined) return { ok: false, message: `flag needs an argument: ${term}` };
      term = next;
    } else if (term.startsWith('--filter=')) term = term.slice('--filter='.length);
    else if (term.startsWith('-f')) term = term.slice(2); // `-fname=value`, as pflag reads it
    const eq = term.indexOf('=');
    if (eq < 0) return { ok: false, message: `bad format of filter (expected name=value): ${term}` };
    const name = term.slice(0, eq).trim().toLowerCase();
    (filters[name] ??= []).push(term.slice(eq + 1).trim());
  }
  return { ok: true, filters };
}

/** Shell-like words: whitespace separates, single or double quotes group. */
function splitWords(text: string): { ok: true; words: string[] } | { ok: false; message: string } {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (quote) return { ok: false, message: `unterminated ${quote === '"' ? 'double' : 'single'} quote` };
  if (inWord) words.push(cur);
  return { ok: true, words };
}

/** The references box: whitespace-separated words, exactly as typed after `docker image rm`. */
export function parseRefsText(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}
