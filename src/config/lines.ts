// Where a key is in a TOML text, for problem lines that name the line: a scan of the text, not
// a parse (the file already parsed; this only needs to find `key =` or a table header again).

/** Which key to find: top-level, or inside the Nth (0-based) table of an array of tables like `[[tiers]]`. */
export interface KeyPlace {
  key: string;
  table?: { name: string; index: number };
}

const bare = (s: string): string => s.trim().replace(/^"(.*)"$|^'(.*)'$/, '$1$2');

/** The line's key (before `=`), or undefined when the line assigns nothing. */
function assignedKey(line: string): string | undefined {
  const m = /^\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=/.exec(line);
  return m ? bare(m[1] as string) : undefined;
}

/** The table a header line opens, e.g. `[[tiers]]` → { name: 'tiers', array: true }. */
function header(line: string): { name: string; array: boolean } | undefined {
  const m = /^\s*(\[\[?)\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*\]\]?\s*(#.*)?$/.exec(line);
  return m ? { name: bare(m[2] as string), array: m[1] === '[[' } : undefined;
}

/** The 1-based line of `place` in `text`, or undefined when it cannot be found. */
export function keyLine(text: string, place: KeyPlace): number | undefined {
  const lines = text.split(/\r?\n/);
  let table: string | undefined;
  const counts = new Map<string, number>();
  let fallback: number | undefined;
  for (const [i, line] of lines.entries()) {
    const h = header(line);
    if (h) {
      table = h.name;
      if (h.array) counts.set(h.name, (counts.get(h.name) ?? 0) + 1);
      // A top-level key written as a table (`[foo]`, `[[foo]]`) is found at its first header.
      if (!place.table && h.name.split('.')[0] === place.key && fallback === undefined) fallback = i + 1;
      if (place.table && h.name === place.table.name && counts.get(h.name) === place.table.index + 1 && place.key === '') return i + 1;
      continue;
    }
    const k = assignedKey(line);
    if (k === undefined) continue;
    if (!place.table) {
      if (table === undefined && (k === place.key || k.startsWith(`${place.key}.`))) return i + 1;
    } else if (table === place.table.name && counts.get(table) === place.table.index + 1 && k === place.key) return i + 1;
  }
  return fallback;
}
