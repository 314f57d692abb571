// The user's real terminal: raw mode in, bytes out, size, resize. With output post-processing
// off (-opost) the bytes from the inner pty, which already turned \n into \r\n, pass through
// untouched, which is measurably faster; text nl-sh writes itself must therefore use \r\n.

import { runBounded } from '../run-bounded.js';

/** The terminal nl-sh runs in, as the session sees it. */
export interface OuterTerminal {
  readonly isTty: boolean;
  size(): { cols: number; rows: number };
  /** Write bytes; false means wait for 'drain' before writing more. */
  write(data: Buffer | string): boolean;
  onDrain(listener: () => void): void;
  onInput(listener: (data: Buffer) => void): void;
  onResize(listener: () => void): void;
  enterRaw(): void;
  /** Turn off output post-processing (after the first prompt; it costs a process spawn). */
  disableOutputProcessing(): void;
  restore(): void;
}

/** The process's own stdin/stdout as the outer terminal. */
export function processTerminal(): OuterTerminal {
  const stdin = process.stdin;
  const stdout = process.stdout;
  const isTty = Boolean(stdin.isTTY && stdout.isTTY);
  let raw = false;
  return {
    isTty,
    size: () => ({ cols: stdout.columns || 80, rows: stdout.rows || 24 }),
    write: (data) => stdout.write(data),
    onDrain: (listener) => {
      stdout.on('drain', listener);
    },
    onInput: (listener) => {
      stdin.on('data', listener);
    },
    onResize: (listener) => {
      stdout.on('resize', listener);
    },
    enterRaw: () => {
      if (stdin.isTTY) {
        stdin.setRawMode(true);
        raw = true;
      }
      stdin.resume();
    },
    disableOutputProcessing: () => {
      if (!stdin.isTTY) return;
      // stty acts on its stdin, our terminal (from its own session: no SIGTTOU). Not awaited.
      void runBounded(['stty', '-opost'], { timeoutMs: 5000, maxBytes: 4096, stdin: { fd: 0 } });
    },
    restore: () => {
      if (raw && stdin.isTTY) {
        try {
          stdin.setRawMode(false);
        } catch {
          // The terminal is gone (hangup).
        }
      }
      stdin.pause();
    },
  };
}
