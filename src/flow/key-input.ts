// Keystrokes while nl-sh owns the terminal: one key for a menu, a short line for a follow-up or
// a typed confirmation (echoed, with backspace and Ctrl-U), and Ctrl-C watched during a model
// call. Escape sequences (arrows, function keys) are whole keys, never read as several.
// Nothing decides by accident: keys typed before a choice was shown are dropped when it is shown
// (`discardPending`), and what arrives inside a bracketed paste never answers anything.

import { messages } from '../messages.js';
import type { TerminalLease } from '../repl/line-decision.js';
import type { FlowEvent } from '../preview/flow-events.js';

/** Reads keys from a terminal lease. */
export interface KeyInput {
  /** The next key (one character, or one whole escape sequence). */
  key(): Promise<string>;
  /** A line typed by the user, echoed; undefined when they press Ctrl-C or Esc. */
  line(): Promise<string | undefined>;
  /** Call `onCancel` when Ctrl-C is pressed until the returned function is called. */
  watchCancel(onCancel: () => void): () => void;
  /** Drop the keys typed before now (before the choice they would answer was shown); how many. */
  discardPending(): number;
  /** Keys dropped because they came inside a bracketed paste, since the last call (then reset). */
  takePasted(): number;
  /** Both: drop every key typed or pasted before the question now shown; how many. Call it after drawing each question. */
  discardBeforeQuestion(): number;
}

/** Drop the keys typed or pasted before the question just drawn, and say so in one hint line; whether any were. */
export function dropKeysBeforeQuestion(keys: KeyInput, emit: (event: FlowEvent) => void): boolean {
  const n = keys.discardBeforeQuestion();
  if (n > 0) emit({ kind: 'hint', text: messages.ignoredKeys(n) });
  return n > 0;
}

const pasteStart = '\x1b[200~';
const pasteEnd = '\x1b[201~';

const escapeSequence = /^\x1b(?:\[[0-9;?]*[ -/]*[@-~]|O.|.)?/s;

/** Split raw terminal input into keys. Pure. */
export function splitKeys(data: string): string[] {
  const keys: string[] = [];
  let rest = data;
  while (rest.length > 0) {
    const esc = rest[0] === '\x1b' ? escapeSequence.exec(rest) : null;
    const key = esc ? esc[0] : String.fromCodePoint(rest.codePointAt(0)!);
    keys.push(key);
    rest = rest.slice(key.length);
  }
  return keys;
}

/** Key input over a lease; keys that arrive before anyone asks wait in order. */
export function createKeyInput(lease: TerminalLease): KeyInput {
  const queue: string[] = [];
  let waiter: ((key: string) => void) | undefined;
  let cancelWatcher: (() => void) | undefined;
  let inPaste = false;
  let pasted = 0;
  lease.onInput((data) => {
    for (const key of splitKeys(data.toString('utf8'))) {
      if (key === pasteStart || key === pasteEnd) {
        inPaste = key === pasteStart;
        continue;
      }
      if (inPaste) {
        pasted++;
        continue;
      }
      if (cancelWatcher && key === '\x03') {
        cancelWatcher();
        continue;
      }
      if (waiter) {
        const w = waiter;
        waiter = undefined;
        w(key);
      } else queue.push(key);
    }
  });
  const key = (): Promise<string> => {
    const next = queue.shift();
    if (next !== undefined) return Promise.resolve(next);
    return new Promise((resolve) => (waiter = resolve));
  };
  return {
    key,
    async line() {
      let text = '';
      for (;;) {
        const k = await key();
        if (k === '\r' || k === '\n') return text;
        if (k === '\x03' || k === '\x1b' || (k === '\x04' && text === '')) return undefined;
        if (k === '\x7f' || k === '\b') {
          if (text.length > 0) {
            text = text.slice(0, -1);
            lease.write('\b \b');
          }
        } else if (k === '\x15') {
          lease.write('\b \b'.repeat(text.length));
          text = '';
        } else if (k.length >= 1 && !k.startsWith('\x1b') && k.codePointAt(0)! >= 0x20) {
          text += k;
          lease.write(k);
        }
      }
    },
    discardPending() {
      return queue.splice(0).length;
    },
    takePasted() {
      const n = pasted;
      pasted = 0;
      return n;
    },
    discardBeforeQuestion() {
      const n = queue.splice(0).length + pasted;
      pasted = 0;
      return n;
    },
    watchCancel(onCancel) {
      cancelWatcher = onCancel;
      return () => {
        if (cancelWatcher === onCancel) cancelWatcher = undefined;
      };
    },
  };
}
