// Explains the flags of a previewed command in the installed program's own words: runs
// `program --help` (only for programs the caller allows, briefly, in a plain environment),
// parses the text and picks out the line for each flag. Parsing lives in help-text.ts.

import { runBounded } from '../run-bounded.js';
import { runGit } from '../run-git.js';
import { findFlagHelp, parseHelpText, splitFlagWord } from './help-text.js';

export { findFlagHelp, parseHelpText, splitFlagWord, type HelpEntry } from './help-text.js';

/** How help text is obtained (injected; tests pass a fake). Resolves undefined on any failure. */
export interface HelpSource {
  helpText(program: string): Promise<string | undefined>;
}

const timeoutMs = 800;
const maxBytes = 256 * 1024;

/** Run `program --help` once; the text it printed, or undefined. Never rejects. */
async function runHelp(program: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const childEnv: NodeJS.ProcessEnv = { LC_ALL: 'C', COLUMNS: '100', MANWIDTH: '100', PAGER: 'cat', NO_COLOR: '1' };
  if (env.PATH !== undefined) childEnv.PATH = env.PATH;
  // git reads the repository's config even for --help: hardened like every git nl-sh runs.
  const r = program === 'git' ? await runGit(['--help'], { env: childEnv, timeoutMs, maxBytes }) : await runBounded([program, '--help'], { env: childEnv, timeoutMs, maxBytes });
  // A flood is stopped at the cap and what arrived is enough to read; otherwise exit 0 or 1 only.
  if (!r.capped && r.status !== 0 && r.status !== 1) return undefined;
  const text = r.stdout.trim() !== '' ? r.stdout : r.stderr;
  return text.trim() === '' ? undefined : text;
}

/** How many programs' help texts stay cached (a long session would otherwise keep every one it met). */
export const HELP_CACHE_PROGRAMS = 24;

/** A HelpSource that runs `program --help` for real: no stdin, 800 ms timeout then SIGKILL, output capped at 256 KB, env with LC_ALL=C, COLUMNS=100, MANWIDTH=100, PAGER=cat, NO_COLOR=1 and PATH from `env`; only for programs whose basename is in `allowed` (a set the caller passes: programs nl-sh's risk rules know; never run an unknown program); caches per program (including failures) for the last HELP_CACHE_PROGRAMS programs; accepts exit status 0 or 1 if stdout (or stderr when stdout is empty) has text. */
export function createRunningHelpSource(allowed: ReadonlySet<string>, env: NodeJS.ProcessEnv): HelpSource {
  const cache = new Map<string, Promise<string | undefined>>();
  return {
    helpText(program: string): Promise<string | undefined> {
      // Paths are never run, even to an allowed basename; nor is anything that could read as an option.
      if (program.includes('/') || program.startsWith('-') || !allowed.has(program)) return Promise.resolve(undefined);
      let text = cache.get(program);
      if (text === undefined) {
        text = runHelp(program, env).catch(() => undefined);
        cache.set(program, text);
        // Bounded (up to 256 KB a text): the oldest program's help goes first.
        if (cache.size > HELP_CACHE_PROGRAMS) cache.delete(cache.keys().next().value as string);
      }
      return text;
    },
  };
}

/** For one program and the flag words used with it, the help line of each flag found: [{flag, text}], in the order given, skipping unknown flags. Never throws. */
export async function explainFlags(source: HelpSource, program: string, flagWords: readonly string[]): Promise<{ flag: string; text: string }[]> {
  try {
    const help = await source.helpText(program);
    if (help === undefined) return [];
    const entries = parseHelpText(help);
    const found: { flag: string; text: string }[] = [];
    for (const word of flagWords) {
      for (const flag of splitFlagWord(entries, word)) {
        const text = findFlagHelp(entries, flag);
        if (text !== undefined && !found.some((f) => f.flag === flag)) found.push({ flag, text });
      }
    }
    return found;
  } catch {
    return [];
  }
}
