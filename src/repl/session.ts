// The interactive session: the user's terminal on one side, bash in a pty on the other.
// Keystrokes go to bash as typed; bash's output goes to the terminal as bytes. nl-sh acts only
// at the marks of the shell integration (prompt, output start, command done, cwd) and at the
// Enter hook, where the injected decider says what happens to the line.

import type { HookRequest } from './hook-protocol.js';
import type { LineContext, LineDecider, LineDecision, TerminalLease } from './line-decision.js';
import type { OuterTerminal } from './outer-terminal.js';
import type { PtyHost, PtySpawnOptions } from './pty/pty-host.js';
import { newChannelTrust, openControlChannel, type ControlChannel } from './control-channel.js';
import { OscScanner, type ShellMark } from './osc-scanner.js';
import { OutputCapture, type CapturedCommand } from './output-capture.js';
import { planBashStart, type BashStartFlags } from './bash-start.js';
import { EnterWindow } from './enter-window.js';
import { createSessionDir, isPrivateDir, removeSessionDir, sweepStaleSessionDirs } from './runtime-dir.js';
import { createTypedAheadGate } from './typed-ahead.js';
import { settleTypedAhead } from './typed-ahead-decision.js';
import { writeFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { describeError } from '../errors.js';

/** Everything a session needs, injected. */
export interface SessionOptions {
  bash: string;
  /** bash's own flags from nl-sh's command line (`-o vi`, `--posix`, ...). */
  bashArgs: string[];
  /** The shell integration (share/bash/integration.bash). */
  rcfile: string;
  /** Login, --norc, --noprofile, --rcfile as the user gave them; absent: a plain interactive bash. */
  start?: BashStartFlags;
  env: Record<string, string>;
  cwd: string;
  /** Extra variables for the integration only; removed by it. */
  rcEnv: Record<string, string>;
  terminal: OuterTerminal;
  spawnPty: (opts: PtySpawnOptions) => PtyHost;
  decide: LineDecider;
  /** Pass OSC 133/7 marks on to the outer terminal (it understands them). */
  passMarks: boolean;
  /** Called once, after the first prompt is drawn. */
  onFirstPrompt?: () => void;
  /** Bytes kept of the last command's output. */
  captureBytes?: number;
  /** Report a problem of nl-sh's own parts (one line, the shell goes on). */
  warn: (line: string) => void;
  /** A command finished; text returned is shown before the next prompt (e.g. an offer). */
  onCommandDone?: (done: CapturedCommand) => string | undefined;
}

/** A running session; `exited` resolves with the status nl-sh should exit with. */
export interface Session {
  exited: Promise<number>;
  capture: OutputCapture;
  /** Forward a hangup: bash saves history and ends its jobs, as on a closed terminal. */
  hangup(): void;
  /** Let (or stop letting) a blank Enter reach the decider, to take an offer. */
  setOfferPending(pending: boolean): void;
  /** This session's private directory (its control channel): every sandbox hides it. */
  dir: string;
}

/** Start bash in a pty and pass the terminal through. */
export function startSession(opts: SessionOptions): Session {
  const { terminal } = opts;
  const dir = createSessionDir(opts.env);
  // bash makes the channel's FIFOs before its first prompt; nl-sh opens them at that prompt.
  let channel: ControlChannel | undefined;
  const trust = newChannelTrust();
  const openFifos = (): ControlChannel =>
    openControlChannel(
      dir,
      trust,
      (req) => onRequest(req),
      () => opts.warn('nl-sh: refused a request that did not come from this shell (something wrote into its channel)'),
    );
  const openChannel = (): void => {
    try {
      channel = openFifos();
    } catch (err) {
      opts.warn(`nl-sh: control channel unavailable (${(err as Error).message}); lines go straight to bash`);
    }
  };
  // Something removed the FIFOs; bash made them again (share/bash/integration.bash,
  // __nlsh_rebuild_channel) and sent SIGUSR2: reopen them, checked as at startup, under the same
  // pinned key. A stray signal finds the channel current and changes nothing; when this fails,
  // bash's wait times out and it says routing is off.
  const reopenChannel = (): void => {
    if (!channel || channel.current() || !isPrivateDir(dirname(dir)) || !isPrivateDir(dir)) return;
    try {
      const next = openFifos();
      channel.close();
      channel = next;
    } catch {
      // bash says so after its wait.
    }
  };
  process.on('SIGUSR2', reopenChannel);
  // Marks from bash carry this; marks a program prints cannot (bash unsets it at once).
  const markNonce = randomBytes(12).toString('hex');
  const { cols, rows } = terminal.size();
  const start = planBashStart(opts.bash, opts.rcfile, opts.bashArgs, opts.start ?? { login: false, norc: false, noprofile: false, rcfile: undefined }, opts.env);
  const pty = opts.spawnPty({
    file: start.file,
    args: start.args,
    cwd: opts.cwd,
    env: { ...opts.env, ...start.env, ...opts.rcEnv, __NLSH_DIR: dir, __NLSH_PID: String(process.pid), __NLSH_MARK: markNonce },
    cols,
    rows,
    name: opts.env.TERM || 'xterm-256color',
  });

  const scanner = new OscScanner(markNonce);
  const capture = new OutputCapture(opts.captureBytes);
  let continuation = false;
  // Between bash's prompt (mark A, printed just before it) and a command's output (mark C): Enter goes to the hook.
  let atPrompt = false;
  let cwd = opts.cwd;
  let firstPrompt = true;
  let lease: { input: ((d: Buffer) => void) | undefined; held: Buffer[]; resized?: () => void } | undefined;
  const factWaiters = new Map<string, (types: string[]) => void>();
  const definitionWaiters = new Map<string, (script: string) => void>();
  let heldTimer: NodeJS.Timeout | undefined;
  // Keys after an Enter at the prompt wait for bash's question about that line (typed-ahead.ts).
  const gate = createTypedAheadGate({ write: (data) => pty.write(data) });

  // Handle a mark; text it returns is shown at that point of the output.
  const onMark = (mark: ShellMark): string | undefined => {
    switch (mark.kind) {
      case 'prompt-start':
        continuation = false;
        if (firstPrompt) {
          firstPrompt = false;
          openChannel();
          opts.onFirstPrompt?.();
        }
        gate.atPrompt(channel !== undefined);
        atPrompt = true;
        break;
      case 'continuation-start':
        continuation = true;
        gate.atPrompt(channel !== undefined);
        atPrompt = true;
        break;
      case 'output-start':
        atPrompt = false;
        capture.begin();
        gate.atPrompt(false);
        break;
      case 'command-done': {
        const wasRunning = capture.finish(mark.status);
        const last = capture.lastCommand();
        if (wasRunning && last && opts.onCommandDone) return opts.onCommandDone(last);
        break;
      }
      case 'cwd':
        if (mark.path !== cwd) {
          cwd = mark.path;
          try {
            process.chdir(mark.path);
          } catch {
            // bash may be somewhere we cannot follow (removed directory); keep our own cwd.
          }
        }
        break;
    }
    return undefined;
  };

  // A held-back partial mark that never completes is plain output after all. Armed only while
  // the scanner holds bytes, so ordinary output costs no timer.
  const armHeldTimer = (): void => {
    heldTimer = setTimeout(() => {
      heldTimer = undefined;
      const rest = scanner.flush();
      if (rest) {
        capture.append(rest);
        show(rest);
      }
    }, 20);
    heldTimer.unref();
  };

  const writeOut = (data: Buffer): void => {
    if (!terminal.write(data)) pty.pause();
  };
  // The Enter hook's redraw, held and dropped where plain bash draws none.
  const enterWindow = new EnterWindow(writeOut);
  // What reaches the terminal: through the Enter window while it is open.
  const show = (data: Buffer): void => {
    const shown = enterWindow.holding ? enterWindow.pass(data) : data;
    if (shown.length > 0) writeOut(shown);
  };
  terminal.onDrain(() => pty.resume());

  pty.onData((chunk) => {
    if (heldTimer) {
      clearTimeout(heldTimer);
      heldTimer = undefined;
    }
    const pieces = scanner.feed(chunk);
    if (scanner.holding()) armHeldTimer();
    const first = pieces[0];
    if (pieces.length === 1 && first && 'bytes' in first) {
      // The hot path: no marks in this chunk.
      capture.append(first.bytes);
      show(first.bytes);
    } else {
      // Marks split the chunk; the terminal still gets one write.
      const out: Buffer[] = [];
      for (const piece of pieces) {
        if ('bytes' in piece) {
          capture.append(piece.bytes);
          out.push(piece.bytes);
        } else {
          if (opts.passMarks) out.push(piece.raw);
          const shown = onMark(piece.mark);
          if (shown) out.push(Buffer.from(shown));
        }
      }
      if (out.length > 0) show(out.length === 1 ? (out[0] as Buffer) : Buffer.concat(out));
    }
  });

  terminal.onInput((data) => {
    if (lease) {
      if (lease.input) lease.input(data);
      else lease.held.push(data);
      return;
    }
    if (atPrompt && isOneEnter(data)) enterWindow.begin();
    gate.input(data);
  });
  terminal.onResize(() => {
    const s = terminal.size();
    pty.resize(s.cols, s.rows);
    // What nl-sh draws while it owns the terminal is drawn again at the new size.
    lease?.resized?.();
  });

  // The line that runs is noted now; its output starts at the C mark that bash's PS0 prints.
  const apply = (id: string, line: string, decision: LineDecision): void => {
    if (!channel) return;
    // A line that runs as typed needs no redraw; anything else is drawn as bash draws it.
    if (decision.verb === 'run' && !decision.notice) enterWindow.noteRunAsTyped(line);
    else enterWindow.release();
    // bash cleared its line before the hook ran and redraws prompt and line after it, so a
    // notice written now sits just above the redrawn prompt.
    if (decision.notice) terminal.write(`\r\x1b[K${decision.notice}\r\n`);
    switch (decision.verb) {
      case 'run':
        capture.noteLine(line);
        channel.reply(id, 'run');
        return;
      case 'replace':
        capture.noteLine(decision.line);
        channel.reply(id, 'replace', decision.line);
        return;
      case 'contained':
        capture.noteLine(decision.run.history);
        channel.reply(id, 'contained', decision.run.line, decision.run);
        return;
      case 'drop':
        channel.reply(id, 'drop');
        return;
      case 'edit':
        channel.reply(id, 'edit', decision.line);
        return;
    }
  };

  const onRequest = (req: HookRequest): void => {
    if (req.kind === 'definitions') {
      const waiter = definitionWaiters.get(req.id);
      definitionWaiters.delete(req.id);
      waiter?.(req.script);
      return;
    }
    if (req.kind === 'facts') {
      const waiter = factWaiters.get(req.id);
      factWaiters.delete(req.id);
      waiter?.(req.types);
      return;
    }
    const id = req.id;
    if (offerPending) setOfferPending(false);
    const typedAhead = gate.take();
    let typedAheadTaken = false;
    const ctx: LineContext = {
      line: req.line,
      firstWordType: req.firstWordType,
      path: req.path,
      continuation,
      typedAhead: typedAhead.toString('utf8'),
      takeTypedAhead: () => {
        typedAheadTaken = true;
      },
      // bash's own word for where it is; OSC 7 can be printed by any program's output.
      cwd: req.cwd || opts.cwd,
      facts: (words) =>
        new Promise((resolve) => {
          if (words.length === 0 || !channel) {
            resolve(words.map(() => ''));
            return;
          }
          factWaiters.set(id, resolve);
          channel.reply(id, 'facts', words.join('\n'));
        }),
      definitions: (command) =>
        new Promise((resolve) => {
          if (!channel) {
            resolve('');
            return;
          }
          definitionWaiters.set(id, resolve);
          channel.reply(id, 'definitions', command);
        }),
      runContained: async (wrapper, command, guard) => {
        // The sandbox's module loads here, on use, never on the way to the first prompt.
        const { quoteForBash } = await import('../sandbox/index.js');
        return { verb: 'contained', run: { line: `nl-sh-sandbox ${quoteForBash(command)}`, history: command, wrapper, guard } };
      },
      takeTerminal: (): TerminalLease => {
        // The lease may exist already: keys are held from the moment a decision takes time.
        lease ??= { input: undefined, held: [] };
        const own = lease;
        // The typed request stays on screen above what nl-sh draws: nl-sh draws once readline's
        // clear of it has come and been dropped (then bash's output waits: pty paused).
        let drawn: string[] | undefined = [];
        enterWindow.keepTypedLine(() => {
          pty.pause();
          for (const text of drawn ?? []) terminal.write(text);
          drawn = undefined;
        });
        return {
          write: (text) => (drawn ? drawn.push(text) : terminal.write(text)),
          size: () => terminal.size(),
          onResize: (listener) => {
            own.resized = listener;
            return () => {
              if (own.resized === listener) own.resized = undefined;
            };
          },
          onInput: (listener) => {
            own.input = listener;
            for (const d of own.held.splice(0)) listener(d);
          },
        };
      },
    };
    let result: LineDecision | Promise<LineDecision>;
    try {
      result = opts.decide(ctx);
    } catch (err) {
      opts.warn(`nl-sh: could not decide on the line (${describeError(err)}); running it as typed`);
      result = { verb: 'run' };
    }
    // What came after the Enter reaches bash after the decision, unless the decider took it or
    // the decision leaves a line in the buffer (then it would glue onto that line: dropped, said).
    const settle = (decision: LineDecision, unread: Buffer[]): void => {
      const rest = typedAheadTaken ? unread : [typedAhead, ...unread];
      const settled = settleTypedAhead(decision, Buffer.concat(rest));
      apply(id, req.line, settled.decision);
      if (settled.giveBack.length > 0) pty.write(settled.giveBack);
      if (decision.verb === 'edit') gate.atPrompt(channel !== undefined);
    };
    if (!(result instanceof Promise)) {
      settle(result, []);
      return;
    }
    channel?.reply(id, 'hold');
    // bash's output waits while nl-sh decides; during the Enter window, only once the flow has
    // kept the typed line (readline's clear of it must come through first).
    if (!enterWindow.holding) pty.pause();
    // Keys from now on are the decision's (held until it takes the terminal), never bash's.
    const own = (lease ??= { input: undefined, held: [] });
    result
      .catch((err: unknown): LineDecision => {
        opts.warn(`nl-sh: ${describeError(err)}; the line was left for you to edit`);
        return { verb: 'edit', line: req.line };
      })
      .then((decision) => {
        lease = undefined;
        pty.resume();
        settle(decision, own.input ? [] : own.held.splice(0));
      });
  };

  let offerPending = false;
  const offerFile = join(dir, 'offer');
  const setOfferPending = (pending: boolean): void => {
    offerPending = pending;
    try {
      if (pending) writeFileSync(offerFile, '');
      else rmSync(offerFile, { force: true });
    } catch {
      // Without the flag a blank Enter just skips the offer.
    }
  };

  queueMicrotask(() => sweepStaleSessionDirs(dir));

  const exited = new Promise<number>((resolve) => {
    pty.onExit(({ exitCode, signal }) => {
      process.off('SIGUSR2', reopenChannel);
      channel?.close();
      removeSessionDir(dir);
      enterWindow.release();
      const rest = scanner.flush();
      if (rest) terminal.write(rest);
      resolve(signal ? 128 + signal : exitCode);
    });
  });

  terminal.enterRaw();
  return {
    exited,
    capture,
    hangup: () => pty.kill('SIGHUP'),
    setOfferPending,
    dir,
  };
}

// Input that ends in its only Enter, with no escape sequence (not a paste of several lines, not
// a key readline could bind otherwise): the hook will run once, for the line on screen.
function isOneEnter(data: Buffer): boolean {
  const last = data.length - 1;
  if (last < 0 || (data[last] !== 0x0d && data[last] !== 0x0a)) return false;
  for (let i = 0; i < last; i++) if (data[i] === 0x0d || data[i] === 0x0a || data[i] === 0x1b) return false;
  return true;
}
