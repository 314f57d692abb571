// Facts about the machine and terminal that main needs to wire a session.

import { accessSync, constants } from 'node:fs';
import { isAbsolute, join } from 'node:path';

/** The bash to host: $NLSH_BASH, else `bash` on PATH (as the launcher execs for -c), else the usual places. */
export function findBash(env: Record<string, string | undefined>): string {
  const onPath = (env.PATH ?? '').split(':').filter(Boolean).map((d) => join(d, 'bash'));
  for (const b of [env.NLSH_BASH, ...onPath, '/bin/bash', '/usr/bin/bash', '/usr/local/bin/bash']) {
    if (!b || !isAbsolute(b)) continue;
    try {
      accessSync(b, constants.X_OK);
      return b;
    } catch {
      // next
    }
  }
  return 'bash';
}

/** Does the outer terminal understand OSC 133 and OSC 7 (else nl-sh strips them)? */
export function outerTerminalUnderstandsMarks(env: Record<string, string | undefined>): boolean {
  if (env.NLSH_PASS_MARKS === '1') return true;
  if (env.NLSH_PASS_MARKS === '0') return false;
  const program = env.TERM_PROGRAM ?? '';
  if (['vscode', 'iTerm.app', 'WezTerm', 'ghostty', 'Tabby'].includes(program)) return true;
  if (env.KITTY_WINDOW_ID || env.WT_SESSION || env.TERM === 'xterm-kitty' || env.TERM === 'xterm-ghostty') return true;
  return false;
}
