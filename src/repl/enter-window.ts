// The terminal bytes between Enter at a prompt and the newline that accepts the line. nl-sh's
// Enter hook is a `bind -x` command, and bash 5.2 wraps every one of those in a redraw
// (bashline.c bash_execute_unix_command): readline clears the line first (display.c
// rl_clear_visible_line: `\r\e[K` for a line on one row), runs the hook, redraws the prompt's last
// row and the line, and only then does accept-line print the newline. Plain bash prints just the
// newline. So this window holds those bytes and, when they are exactly clear + redraw of the
// line as typed + newline, sends only the newline; anything else passes through unchanged. It
// ends at the first newline (before any command runs), so a program's output is never held.

/** readline's clear of a line on one row: to column 0, clear to end of line. */
const CLEAR = '\r\x1b[K';
/** The longest the window may hold readline's bytes, whatever happens (a stuck or slow hook). */
const MAX_HOLD_MS = 1000;

/** What plain bash sends for Enter, given what bash under the hook sent up to and including its
 *  first newline (`held`, bytes as latin1) for `line`, which ran as typed: the echo of keys typed
 *  with the Enter, then the newline. Undefined when after that echo `held` is anything other than
 *  a one-row clear, a redraw of the prompt's last row and exactly `line`, and the newline. */
export function withoutHookRedraw(held: string, line: string): string | undefined {
  // Control characters are drawn by readline in other forms (^X, tabs as spaces).
  if (/[\x00-\x1f\x7f]/.test(line)) return undefined;
  const typed = `${Buffer.from(line).toString('latin1')}\r\n`;
  const clear = held.lastIndexOf(`${CLEAR}\r`);
  if (clear < 0 || !held.endsWith(typed)) return undefined;
  // The prompt's last row: no line movement of its own (a longer line moves between rows).
  const start = clear + CLEAR.length + 1;
  const end = held.length - typed.length;
  if (start > end || /[\r\n\b]/.test(held.slice(start, end))) return undefined;
  return `${held.slice(0, clear)}\r\n`;
}

/** The Enter window of one session; `write` sends bytes on to the terminal. */
export class EnterWindow {
  private held = '';
  private open = false;
  private ranLine: string | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly write: (bytes: Buffer) => void) {}

  /** Whether output is being held now. */
  get holding(): boolean {
    return this.open;
  }

  /** The user pressed Enter at a prompt: hold readline's bytes until the newline. */
  begin(): void {
    this.release();
    this.open = true;
    this.ranLine = undefined;
    this.timer = setTimeout(() => this.release(), MAX_HOLD_MS);
    this.timer.unref();
  }

  /** The hook's line runs as typed, with nothing written about it. */
  noteRunAsTyped(line: string): void {
    if (this.open) this.ranLine = line;
  }

  /** Output from bash: returns what to write now (held bytes are kept back while the window is open). */
  pass(bytes: Buffer): Buffer {
    if (!this.open) return bytes;
    this.held += bytes.toString('latin1');
    const newline = this.held.indexOf('\n');
    if (newline < 0) return Buffer.alloc(0);
    const upToNewline = this.held.slice(0, newline + 1);
    const rest = this.held.slice(newline + 1);
    const quiet = this.ranLine === undefined ? undefined : withoutHookRedraw(upToNewline, this.ranLine);
    this.close();
    return Buffer.from((quiet ?? upToNewline) + rest, 'latin1');
  }

  /** nl-sh takes the terminal while the hook waits: the typed line stays on screen (readline's
   *  clear is dropped and the cursor goes below the line) when the held bytes are that clear
   *  alone, or nothing yet; anything else is sent as it came. */
  keepTypedLine(): void {
    if (!this.open) return;
    const held = this.held;
    this.close();
    // bash 5.2 sends the clear and a carriage return before it runs the hook.
    const onlyClear = held === '' || held === CLEAR || held === `${CLEAR}\r`;
    this.write(Buffer.from(onlyClear ? '\r\n' : held, 'latin1'));
  }

  /** Send whatever is held, as it came, and close the window. */
  release(): void {
    if (!this.open) return;
    const held = this.held;
    this.close();
    if (held) this.write(Buffer.from(held, 'latin1'));
  }

  private close(): void {
    this.open = false;
    this.held = '';
    this.ranLine = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
