// Finds the shell-integration marks (OSC 133 and OSC 7) in the pty's output stream, without
// per-byte work on the rest: it jumps between ESC ] occurrences with Buffer.indexOf (memchr).
// Marks may be split across chunks; an unfinished one is held back until its end arrives.

/** A mark bash's integration script emitted. */
export type ShellMark =
  | { kind: 'prompt-start' } // OSC 133;A
  | { kind: 'continuation-start' } // OSC 133;A;k=s (PS2)
  | { kind: 'output-start' } // OSC 133;C
  | { kind: 'command-done'; status: number } // OSC 133;D;status
  | { kind: 'cwd'; path: string }; // OSC 7;file://host/path

/** One piece of the scanned stream: bytes for the terminal, or a mark. */
export type ScanPiece = { bytes: Buffer } | { mark: ShellMark; raw: Buffer };

const MAX_HELD = 8192;

/**
 * Parse an OSC body (between ESC ] and the terminator) into a mark, or null if not ours. With a
 * `nonce` (the session's, given to bash at start and never exported), an OSC 133 mark counts only
 * when it ends with `;n=NONCE`: a program's output cannot forge "done, status 0" or "continuation".
 */
export function parseMarkBody(body: string, nonce?: string): ShellMark | null {
  if (body.startsWith('133;')) {
    let rest = body.slice(4);
    if (nonce !== undefined) {
      const suffix = `;n=${nonce}`;
      if (!rest.endsWith(suffix)) return null;
      rest = rest.slice(0, -suffix.length);
    }
    if (rest === 'A') return { kind: 'prompt-start' };
    if (rest === 'A;k=s') return { kind: 'continuation-start' };
    if (rest === 'C') return { kind: 'output-start' };
    if (rest.startsWith('D')) {
      const status = Number.parseInt(rest.slice(2), 10);
      return { kind: 'command-done', status: Number.isFinite(status) ? status : 0 };
    }
    return null;
  }
  if (body.startsWith('7;')) {
    const url = body.slice(2);
    const m = /^file:\/\/[^/]*(\/.*)$/.exec(url);
    if (!m || !m[1]) return null;
    try {
      return { kind: 'cwd', path: decodeURIComponent(m[1]) };
    } catch {
      return { kind: 'cwd', path: m[1] };
    }
  }
  return null;
}

const MARK_A = '\x1b]133;';
const MARK_B = '\x1b]7;';

/** Is the text at an ESC one of our marks, not ours, or undecided (the chunk ends too soon)? */
function classifyStart(buf: Buffer, esc: number): 'ours' | 'not-ours' | 'undecided' {
  const s = buf.toString('latin1', esc, Math.min(buf.length, esc + MARK_A.length));
  if (s.startsWith(MARK_A) || s.startsWith(MARK_B)) return 'ours';
  if (MARK_A.startsWith(s) || MARK_B.startsWith(s)) return 'undecided';
  return 'not-ours';
}

/**
 * Index of the OSC terminator (BEL, or ESC \) at or after `from`, and where bytes resume; 'abort'
 * when another ESC comes first (a terminal ends the OSC there too, so an unterminated one in a
 * program's output cannot swallow the real mark after it); null when the chunk ends first.
 */
function findTerminator(buf: Buffer, from: number): { start: number; next: number } | 'abort' | null {
  for (let i = from; i < buf.length; i++) {
    const c = buf[i];
    if (c === 0x07) return { start: i, next: i + 1 };
    if (c === 0x1b) {
      if (i + 1 >= buf.length) return null;
      return buf[i + 1] === 0x5c ? { start: i, next: i + 2 } : 'abort';
    }
  }
  return null;
}

/** Streaming scanner: feed chunks, get pieces back in order. Stateful only for held bytes. */
export class OscScanner {
  private held: Buffer | null = null;

  /** `nonce`: the session's mark nonce (absent: marks need none, as in tests of the format). */
  constructor(private readonly nonce?: string) {}

  /** Split a chunk into terminal bytes and marks. */
  feed(chunk: Buffer): ScanPiece[] {
    // The hot path: no escape at all in the chunk and nothing held.
    if (this.held === null && chunk.indexOf(0x1b) < 0) return [{ bytes: chunk }];
    let buf = chunk;
    if (this.held) {
      buf = Buffer.concat([this.held, chunk]);
      this.held = null;
    }
    const out: ScanPiece[] = [];
    let from = 0;
    let plainStart = 0;
    const hold = (at: number): ScanPiece[] => {
      if (at > plainStart) out.push({ bytes: buf.subarray(plainStart, at) });
      this.held = Buffer.from(buf.subarray(at));
      return out;
    };
    for (;;) {
      const esc = buf.indexOf(0x1b, from);
      if (esc < 0) break;
      const kind = classifyStart(buf, esc);
      if (kind === 'not-ours') {
        from = esc + 1;
        continue;
      }
      if (kind === 'undecided') return hold(esc);
      // A mark body is short; scanning it byte by byte is bounded by MAX_HELD.
      const end = findTerminator(buf, esc + 2);
      if (end === 'abort') {
        from = esc + 1;
        continue;
      }
      if (!end) {
        if (buf.length - esc > MAX_HELD) {
          from = esc + 1;
          continue;
        }
        return hold(esc);
      }
      const mark = parseMarkBody(buf.toString('utf8', esc + 2, end.start), this.nonce);
      from = end.next;
      if (!mark) continue;
      if (esc > plainStart) out.push({ bytes: buf.subarray(plainStart, esc) });
      out.push({ mark, raw: buf.subarray(esc, end.next) });
      plainStart = end.next;
    }
    if (plainStart < buf.length) out.push({ bytes: plainStart === 0 ? buf : buf.subarray(plainStart) });
    return out;
  }

  /** Whether bytes are held back waiting for the rest of a mark. */
  holding(): boolean {
    return this.held !== null;
  }

  /** Bytes held back waiting for the rest of a mark (the caller flushes them as plain output). */
  flush(): Buffer | null {
    const h = this.held;
    this.held = null;
    return h;
  }
}
