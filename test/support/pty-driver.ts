// Test support: the one place tests drive a program through a real pty and read the rendered
// screen (@xterm/headless), as a person at a terminal would see it.

import { spawn, type IPty } from '@lydell/node-pty';
import xterm from '@xterm/headless';

/** A program running in a pty, with its screen. */
export interface PtyDriver {
  readonly pid: number;
  /** Every byte the program wrote, in order. */
  raw(): Buffer;
  /** The visible screen, lines joined by \n, trailing blanks trimmed. */
  screen(): string;
  /** Screen plus scrollback. */
  allText(): string;
  /** Screen plus scrollback with rows the terminal wrapped joined back into their lines. */
  logicalText(): string;
  type(keys: string): void;
  /** Wait until the screen (with scrollback) matches; fails with the screen on timeout. */
  waitFor(pattern: RegExp | string, timeoutMs?: number): Promise<void>;
  /** A mark for `waitSince`: the screen and scrollback written up to now (rows and bytes). */
  mark(): PtyMark;
  /** Wait until text the program wrote after `since` (rows from the mark's row on, and the
   * bytes after its byte count) matches: output from before the action can never match. */
  waitSince(since: PtyMark, pattern: RegExp | string, timeoutMs?: number): Promise<void>;
  /** The screen and scrollback from the mark's row on. */
  textSince(since: PtyMark): string;
  /** Wait until the raw byte stream contains `needle` at or after byte `from`. */
  waitForRaw(needle: string, from?: number, timeoutMs?: number): Promise<number>;
  exited: Promise<{ exitCode: number; signal: number | undefined }>;
  resize(cols: number, rows: number): void;
  kill(): void;
}

/** Where the output stood at one moment: the row of the cursor and the bytes written. */
export interface PtyMark {
  row: number;
  bytes: number;
}

/** Start `file args` in a pty of the given size. */
export function startInPty(file: string, args: string[], opts: { env: Record<string, string>; cwd?: string; cols?: number; rows?: number }): PtyDriver {
  const cols = opts.cols ?? 100;
  const rows = opts.rows ?? 30;
  const term = new xterm.Terminal({ cols, rows, scrollback: 5000, allowProposedApi: true });
  const chunks: Buffer[] = [];
  const pty: IPty = spawn(file, args, { name: 'xterm-256color', cols, rows, cwd: opts.cwd ?? process.cwd(), env: opts.env, encoding: null });
  let pendingWrites = 0;
  pty.onData((d) => {
    const b = d as unknown as Buffer;
    chunks.push(b);
    pendingWrites++;
    term.write(new Uint8Array(b), () => pendingWrites--);
  });
  const exited = new Promise<{ exitCode: number; signal: number | undefined }>((resolve) => {
    pty.onExit((e) => resolve({ exitCode: e.exitCode, signal: e.signal || undefined }));
  });
  const lines = (from: number): string => {
    const buf = term.buffer.active;
    const out: string[] = [];
    for (let i = from; i < buf.length; i++) out.push(buf.getLine(i)?.translateToString(true) ?? '');
    while (out.length && out[out.length - 1] === '') out.pop();
    return out.join('\n');
  };
  const logicalLines = (): string => {
    const buf = term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < buf.length; i++) {
      const line = buf.getLine(i);
      // A row continued by the next one keeps its trailing blanks: they are part of the line.
      const text = line?.translateToString(!buf.getLine(i + 1)?.isWrapped) ?? '';
      if (line?.isWrapped && out.length) out[out.length - 1] += text;
      else out.push(text);
    }
    while (out.length && out[out.length - 1] === '') out.pop();
    return out.join('\n');
  };
  const settle = async (): Promise<void> => {
    while (pendingWrites > 0) await new Promise((r) => setTimeout(r, 5));
  };
  const raw = (): Buffer => {
    if (chunks.length > 1) {
      const all = Buffer.concat(chunks);
      chunks.length = 0;
      chunks.push(all);
    }
    return chunks[0] ?? Buffer.alloc(0);
  };
  return {
    pid: pty.pid,
    raw,
    screen: () => lines(term.buffer.active.baseY),
    allText: () => lines(0),
    logicalText: logicalLines,
    type: (keys) => pty.write(keys),
    async waitFor(pattern, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      const test = (s: string) => (typeof pattern === 'string' ? s.includes(pattern) : pattern.test(s));
      for (;;) {
        await settle();
        if (test(lines(0))) return;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; screen was:\n${lines(0).split('\n').slice(-40).join('\n')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    mark() {
      const buf = term.buffer.active;
      return { row: buf.baseY + buf.cursorY, bytes: raw().length };
    },
    textSince: (since) => lines(since.row),
    async waitSince(since, pattern, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      const test = (s: string) => (typeof pattern === 'string' ? s.includes(pattern) : pattern.test(s));
      for (;;) {
        await settle();
        // New bytes are required too: a row redrawn in place keeps its old text until then.
        if (raw().length > since.bytes && test(lines(since.row))) return;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)} after the mark; screen since then:\n${lines(since.row).split('\n').slice(-40).join('\n')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async waitForRaw(needle, from = 0, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const at = raw().indexOf(needle, from);
        if (at >= 0) return at;
        if (Date.now() > deadline) throw new Error(`timed out waiting for raw ${JSON.stringify(needle)}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    exited,
    resize: (c, r) => {
      pty.resize(c, r);
      term.resize(c, r);
    },
    kill: () => {
      try {
        pty.kill('SIGKILL');
      } catch {
        // gone already
      }
    },
  };
}
