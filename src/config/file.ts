// Reads and parses the config file. Never throws: a missing file is no file, and a file that
// cannot be read or parsed is one problem line (with the line and column a parse error has)
// and no values from the file.

import { readFileSafe } from '../read-file.js';

// A config file past this is refused (one problem line), never cut: a cut file means something else.
const maxConfigBytes = 1024 * 1024;

/** A TOML parser (smol-toml's `parse`), loaded only when there is a file to parse. */
export type LoadToml = () => Promise<(text: string) => Record<string, unknown>>;

/** What the file gave: its text and data when it parsed, and the problems when not. */
export interface FileLayer {
  path: string;
  text?: string;
  data?: Record<string, unknown>;
  problems: string[];
}

/** Read `path`; `named` says the user named it (NLSH_CONFIG), so its absence is worth a line. */
export async function readConfigFile(path: string, named: boolean, loadToml: LoadToml): Promise<FileLayer> {
  const read = await readFileSafe(path, { maxBytes: maxConfigBytes });
  if (!read.ok && read.problem === 'missing') return { path, problems: named ? [`${path}: NLSH_CONFIG names this file, which does not exist; using defaults`] : [] };
  if (!read.ok) return { path, problems: [`${read.message}; using defaults`] };
  const text = read.value;
  try {
    const data = (await loadToml())(text);
    return { path, text, data, problems: [] };
  } catch (err) {
    const e = err as { message?: unknown; line?: unknown; column?: unknown };
    const first = String(e.message ?? err).split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? '';
    const at = typeof e.line === 'number' ? `${path}:${e.line}${typeof e.column === 'number' ? `:${e.column}` : ''}` : path;
    return { path, text, problems: [`${at}: not valid TOML: ${first}; using defaults`] };
  }
}
