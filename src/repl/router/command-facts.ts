// What the user's bash knows about command words, as a synchronous lookup table for the
// router: bash's keywords and builtins, the user's aliases and functions (asked once from an
// interactive bash), and the programs on PATH (listed lazily, once). This module owns the
// router's I/O; `route` itself stays pure.

import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { runBounded } from '../../run-bounded.js';
import { BASH_BUILTINS, BASH_KEYWORDS } from './bash-words.js';
import type { CommandKind } from './route-types.js';

/** What an interactive bash reported about its aliases, functions and PATH. */
export interface BashFacts {
  readonly aliases: readonly string[];
  readonly functions: readonly string[];
  readonly path: string;
}

/** Where relative and `~` paths resolve. */
export interface CommandTableOptions {
  /** bash's current directory (it moves as the user runs `cd`). */
  readonly cwd?: () => string;
  readonly home?: string;
}

/** `type -t` as a table: alias, keyword, function, builtin, then PATH, in bash's order. */
export class CommandTable {
  private readonly aliases: ReadonlySet<string>;
  private readonly functions: ReadonlySet<string>;
  private readonly pathDirs: readonly string[];
  private onPath: Map<string, string[]> | undefined;
  private readonly executable = new Map<string, boolean>();

  constructor(
    facts: BashFacts,
    private readonly options: CommandTableOptions = {},
  ) {
    this.aliases = new Set(facts.aliases);
    this.functions = new Set(facts.functions);
    this.pathDirs = [...new Set(facts.path.split(delimiter).filter((dir) => isAbsolute(dir)))];
  }

  /** What bash would say `type -t word` is ('' when it knows nothing of it). */
  typeOf(word: string): CommandKind {
    if (word === '') return '';
    if (this.aliases.has(word)) return 'alias';
    if (BASH_KEYWORDS.has(word)) return 'keyword';
    if (this.functions.has(word)) return 'function';
    if (BASH_BUILTINS.has(word)) return 'builtin';
    if (word.includes('/')) return this.isExecutablePath(word) ? 'file' : '';
    return this.findOnPath(word) ? 'file' : '';
  }

  /** Every command name the table knows, for "did you mean" suggestions. */
  names(): string[] {
    return [...this.aliases, ...this.functions, ...BASH_BUILTINS, ...this.pathIndex().keys()];
  }

  private findOnPath(name: string): boolean {
    const cached = this.executable.get(name);
    if (cached !== undefined) return cached;
    const dirs = this.pathIndex().get(name) ?? [];
    const found = dirs.some((dir) => isExecutableFile(join(dir, name)));
    this.executable.set(name, found);
    return found;
  }

  private isExecutablePath(word: string): boolean {
    const home = this.options.home ?? process.env.HOME ?? '';
    const expanded = word === '~' || word.startsWith('~/') ? home + word.slice(1) : word;
    const cwd = this.options.cwd?.() ?? process.cwd();
    return isExecutableFile(resolve(cwd, expanded));
  }

  /** Names in the PATH directories, listed on first use. */
  private pathIndex(): Map<string, string[]> {
    if (this.onPath) return this.onPath;
    const index = new Map<string, string[]>();
    for (const dir of this.pathDirs) {
      let entries: string[];
      try {
        entries = readdirSync(dir);
      } catch {
        continue;
      }
      for (const name of entries) {
        const dirs = index.get(name);
        if (dirs) dirs.push(dir);
        else index.set(name, [dir]);
      }
    }
    this.onPath = index;
    return index;
  }
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// More than any real set of aliases, functions and PATH; past it, the fallback.
const maxFactsBytes = 16 * 1024 * 1024;
const MARK = '\u0001nl-sh-facts\u0001';
const SCRIPT = `printf '${MARK}'; compgen -a; printf '${MARK}'; compgen -A function; printf '${MARK}'; printf %s "$PATH"`;

/**
 * Ask the user's bash, started as an interactive shell so it reads its rc files, for its
 * aliases, functions and PATH. stdin is not a terminal and everything the rc files print is
 * discarded (only what follows our markers counts). After `timeoutMs` the bash is killed and
 * the answer falls back to no aliases, no functions and the PATH of `env`.
 */
export async function gatherBashFacts(bashPath: string, env: NodeJS.ProcessEnv, timeoutMs = 2000): Promise<BashFacts> {
  const fallback: BashFacts = { aliases: [], functions: [], path: env.PATH ?? '' };
  // Its own process group (runBounded), so a timeout also ends whatever the rc files started.
  const r = await runBounded([bashPath, '-i', '-c', SCRIPT], { env, timeoutMs, maxBytes: maxFactsBytes, capEach: true });
  if (r.timedOut || r.capped) return fallback;
  return parseFacts(r.stdout) ?? fallback;
}

/** The three answers after the last three markers, or undefined if bash did not finish. */
export function parseFacts(output: string): BashFacts | undefined {
  const parts = output.split(MARK);
  if (parts.length < 4) return undefined;
  const [aliases, functions, path] = parts.slice(-3) as [string, string, string];
  const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');
  return { aliases: lines(aliases), functions: lines(functions), path };
}
