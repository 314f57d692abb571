// Facts about the machine and terminal that main needs to wire a session.

import { accessSync, constants } from 'node:fs';

/** The bash to host: $NLSH_BASH, else the usual places, else `bash` on PATH. */
export function findBash(env: Record<string, string | undefined>): string {
  for (const b of [env.NLSH_BASH, '/bin/bash', '/usr/bin/bash', '/usr/local/bin/bash']) {
    if (!b) continue;
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
