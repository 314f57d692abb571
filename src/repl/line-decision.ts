// What nl-sh decides at Enter, and what the deciding code may use. The decision is data; the
// session applies it through the control channel.

import type { ContainedReply } from './hook-protocol.js';

/** The answer for one submitted line, with an optional one-line notice shown above the prompt. */
export type LineDecision = (
  | { verb: 'run' } // bash runs the line as typed
  | { verb: 'replace'; line: string } // bash runs this line instead (and records it in history)
  | { verb: 'contained'; run: ContainedReply } // bash runs the line in the prepared sandbox; history records the command
  | { verb: 'drop' } // nothing runs
  | { verb: 'edit'; line: string } // the line is left in bash's buffer for the user
) & { notice?: string };

/** The terminal while nl-sh owns it: keystrokes come here, none reach bash. */
export interface TerminalLease {
  write(text: string): void;
  onInput(listener: (data: Buffer) => void): void;
  size(): { cols: number; rows: number };
  /** Call `listener` after the terminal changed size, until the returned function is called
   *  (absent where the size never changes). */
  onResize?(listener: () => void): () => void;
}

/** Everything a decider may know about the submitted line. */
export interface LineContext {
  line: string;
  /** `type -t` of the first word, from the live bash ('' when not found). */
  firstWordType: string;
  /** bash's PATH when the line was submitted. */
  path: string;
  /** True when bash is reading a continuation line (PS2): part of a larger command. */
  continuation: boolean;
  /**
   * Keys that came after this line's Enter before bash asked about it: the rest of a paste that
   * was not bracketed, or keys typed ahead. They reach bash after the decision (unless it leaves
   * a line in the buffer) or are taken by `takeTypedAhead`.
   */
  typedAhead?: string;
  /** The decider handled `typedAhead` (as part of a paste): it never reaches bash. */
  takeTypedAhead?(): void;
  cwd: string;
  /** Ask the live bash for `type -t` of more words. */
  facts(words: string[]): Promise<string[]>;
  /** Ask the live bash for the aliases and functions `command` uses, as a script (what a sandboxed run gets). */
  definitions(command: string): Promise<string>;
  /** Take the terminal (keystrokes stop going to bash) until the decision is returned. */
  takeTerminal(): TerminalLease;
  /**
   * The decision that runs `command` in the user's bash inside `wrapper` (a prepared sandbox argv
   * ending where `bash -c` would start): the prompt line reads `nl-sh-sandbox '<command>'`,
   * history records the command itself, and anything the run leaves at a `guard` path is moved
   * aside before the next prompt.
   */
  runContained(wrapper: readonly string[], command: string, guard: readonly string[]): Promise<LineDecision>;
}

/** Decides a line: synchronously for the fast path, or asynchronously when it needs the user. */
export type LineDecider = (ctx: LineContext) => LineDecision | Promise<LineDecision>;
