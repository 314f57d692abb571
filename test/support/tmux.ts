// Test support: drive a program through tmux as a person would (send-keys, capture-pane), on a
// private tmux server per test so nothing leaks between tests or into a user's tmux.

import { execFileSync } from 'node:child_process';

/** A private tmux server with one session. */
export interface TmuxSession {
  keys(...keys: string[]): void;
  /** The visible pane text (of the given pane target, default the active one). */
  capture(target?: string): string;
  waitFor(pattern: RegExp | string, target?: string, timeoutMs?: number): Promise<void>;
  /** Run a tmux command on this server and return its output. */
  tmux(...args: string[]): string;
  kill(): void;
}

/** Start `command` in a new detached tmux session of the given size. */
export function startTmux(command: string, opts: { env: Record<string, string>; cwd: string; cols?: number; rows?: number }): TmuxSession {
  const socket = `nlsh-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const env = { ...opts.env, TMUX: '' };
  const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { env, cwd: opts.cwd, encoding: 'utf8' });
  tmux('new-session', '-d', '-s', 'main', '-x', String(opts.cols ?? 100), '-y', String(opts.rows ?? 30), command);
  const capture = (target = 'main'): string => tmux('capture-pane', '-p', '-t', target).replace(/\s+$/, '');
  return {
    keys: (...keys) => void tmux('send-keys', '-t', 'main', ...keys),
    capture,
    async waitFor(pattern, target = 'main', timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      const test = (s: string) => (typeof pattern === 'string' ? s.includes(pattern) : pattern.test(s));
      for (;;) {
        const text = capture(target);
        if (test(text)) return;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)} in tmux; pane was:\n${text}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    tmux,
    kill: () => {
      try {
        tmux('kill-server');
      } catch {
        // already gone
      }
    },
  };
}
