// Keys that come after an Enter at bash's prompt, before bash has asked nl-sh about that line.
// Without this, they wait in the pty for readline, which reads them after the decision: the rest
// of a paste that was not bracketed (or fast typing) then glues onto a request nl-sh gave back
// to the buffer, and its Enter submits the glued line. So at the prompt, input is passed on up
// to its first line end and the rest is held until bash asks about the line (the decider gets it
// as the line's `typedAhead`), starts running it, or draws a prompt again. Inside a bracketed
// paste a line end is text, not Enter. While a command runs, input passes untouched.

const pasteStart = Buffer.from('\x1b[200~');
const pasteEnd = Buffer.from('\x1b[201~');
const CR = 0x0d;
const LF = 0x0a;

/** What the gate needs: where input for bash goes, and how long it may hold keys at most. */
export interface TypedAheadOptions {
  write(data: Buffer): void;
  /** A safety net: held keys go to bash after this long even if bash never asked (ms). */
  holdMs?: number;
}

/** The gate between the terminal's input and bash's pty. */
export interface TypedAheadGate {
  /** Input from the terminal while nl-sh does not own it. */
  input(data: Buffer): void;
  /** bash drew a prompt (true: it reads a line now) or started running a line (false). */
  atPrompt(reading: boolean): void;
  /** bash asked about the line: take what came after its Enter (it is no longer held). */
  take(): Buffer;
}

/** The index of the first Enter in `data` outside a bracketed paste, and the paste state after scanning. */
export function firstLineEnd(data: Buffer, inPaste: boolean): { index: number; inPaste: boolean } {
  let paste = inPaste;
  for (let i = 0; i < data.length; i++) {
    if (data[i] === 0x1b && data.subarray(i, i + pasteStart.length).equals(pasteStart)) paste = true;
    else if (data[i] === 0x1b && data.subarray(i, i + pasteEnd.length).equals(pasteEnd)) paste = false;
    else if (!paste && (data[i] === CR || data[i] === LF)) return { index: i, inPaste: paste };
  }
  return { index: -1, inPaste: paste };
}

/** Build the gate; nothing is held until bash has drawn its first prompt. */
export function createTypedAheadGate(opts: TypedAheadOptions): TypedAheadGate {
  let reading = false;
  let inPaste = false;
  let held: Buffer | undefined;
  let timer: NodeJS.Timeout | undefined;
  const stopTimer = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  const release = (): void => {
    stopTimer();
    const rest = held;
    held = undefined;
    if (rest && rest.length > 0) pass(rest);
  };
  const pass = (data: Buffer): void => {
    if (!reading) {
      opts.write(data);
      return;
    }
    const end = firstLineEnd(data, inPaste);
    inPaste = end.inPaste;
    if (end.index < 0) {
      opts.write(data);
      return;
    }
    opts.write(data.subarray(0, end.index + 1));
    held = Buffer.from(data.subarray(end.index + 1));
    // Held from the Enter on, also when nothing follows yet: keys typed right after it are held too.
    reading = false;
    timer = setTimeout(release, opts.holdMs ?? 1500);
    timer.unref();
  };
  return {
    input(data) {
      if (held !== undefined) held = Buffer.concat([held, data]);
      else pass(data);
    },
    atPrompt(now) {
      reading = now;
      if (!now) inPaste = false;
      release();
    },
    take() {
      stopTimer();
      const rest = held ?? Buffer.alloc(0);
      held = undefined;
      return rest;
    },
  };
}
