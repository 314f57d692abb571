// Test support: temporary HOMEs with a user's startup files, and the environment to run nl-sh in.

import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The launcher under test: what setup builds and /etc/shells names. */
export const nlshBin = join(repoRoot, 'bin', 'nl-sh');
/** The compile-free launcher (installed as bin/nl-sh where there is no C compiler). */
export const nlshShLauncher = join(repoRoot, 'libexec', 'nl-sh.sh');

/** A throwaway HOME with the given files (relative path → content). */
export function makeHome(files: Record<string, string> = {}): { home: string; cleanup: () => void } {
  const home = mkdtempSync(join(tmpdir(), 'nlsh-home-'));
  for (const [rel, content] of Object.entries(files)) {
    const path = join(home, rel);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  }
  return { home, cleanup: () => rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }) };
}

/** A clean environment for a shell under test: PATH, HOME, TERM, locale; nothing inherited. */
export function shellEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    USER: process.env.USER ?? 'root',
    XDG_RUNTIME_DIR: join(home, '.run'),
    HISTFILE: join(home, '.bash_history'),
    // Never a developer's real model server: nothing listens on port 47 (and fetch allows it).
    OLLAMA_HOST: '127.0.0.1:47',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
}

/** The .bashrc most tests use: a recognisable prompt, an alias and a function. */
export const testBashrc = `PS1='nlsh-test:\\w\\$ '
alias greet='echo hello-from-alias'
shout() { echo "FUNC:$*"; }
HISTSIZE=1000
`;

/** The prompt `testBashrc` draws in HOME. */
export const testPrompt = /nlsh-test:~# $/m;
