// The doctor's sandbox check: a sandboxed `true` through the path a session uses (an interactive
// bash that reads the integration and the user's own ~/.bashrc, then `nl-sh-sandbox true`), so a
// startup file that breaks sandboxed runs shows here, not only on the first request.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { containCommand, type ContainFacts } from '../flow/contain.js';
import { runBounded } from '../run-bounded.js';
import { quoteArgvForBash } from '../sandbox/index.js';

/** What the check found: `problem` is one line naming what failed, undefined when it ran. */
export interface SandboxProbe {
  problem?: string;
  mechanism?: string;
  ms: number;
}

// The shell integration, next to dist/ (or src/) as installed.
const integration = fileURLToPath(new URL('../../share/bash/integration.bash', import.meta.url));
const marker = 'nl-sh-doctor-status=';

/** Run `true` in the sandbox as the user's session would, within 10 s; never throws. */
export async function probeSandboxedRun(opts: { bash: string; env: Record<string, string | undefined>; cwd: string; facts: ContainFacts }): Promise<SandboxProbe> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  const contained = containCommand('true', opts.cwd, { profile: 'writes', network: false }, opts.facts);
  if (!contained.ok) return { problem: contained.reason, ms: elapsed() };
  if (!existsSync(integration)) return { problem: `the shell integration is missing (${integration})`, ms: elapsed() };
  // A session directory of its own; the prepared wrapper is handed over as the hook's reply does.
  const dir = mkdtempSync(join(tmpdir(), 'nl-sh-doctor-'));
  try {
    const env: NodeJS.ProcessEnv = { ...opts.env, __NLSH_DIR: dir };
    delete env.__NLSH_PID;
    // Marks on both streams: what the startup files said comes before them.
    const script = `printf '\\n${marker}\\n' >&2; __nlsh_wrap=(${quoteArgvForBash(contained.wrapper)}); nl-sh-sandbox true; printf '\\n${marker}%s\\n' "$?"`;
    const r = await runBounded([opts.bash, '--rcfile', integration, '-i', '-c', script], { timeoutMs: 10_000, maxBytes: 256 * 1024, onCap: 'discard', cwd: opts.cwd, env });
    const status = new RegExp(`^${marker}(\\d+)$`, 'm').exec(r.stdout)?.[1];
    if (status === '0') return { mechanism: contained.mechanism, ms: elapsed() };
    const said = firstError(r.stderr);
    if (status === undefined) return { problem: r.timedOut ? 'the shell did not finish its startup files within 10 s' : `the shell exited before running it${said ? `: ${said}` : ''}`, ms: elapsed() };
    return { problem: `exit status ${status}${said ? `: ${said}` : ''}`, ms: elapsed() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The first line of stderr after the mark (the startup files had their say before it); without
// the mark, the last line that is not bash's noise about running interactive without a tty.
function firstError(stderr: string): string | undefined {
  const at = stderr.indexOf(`${marker}\n`);
  const noise = /cannot set terminal process group|no job control in this shell|line editing not enabled/;
  const lines = (at < 0 ? stderr : stderr.slice(at + marker.length + 1)).split('\n').map((l) => l.trim()).filter((l) => l && !noise.test(l));
  const line = at < 0 ? lines.at(-1) : lines[0];
  return line && line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
