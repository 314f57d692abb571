// Decides each submitted line. The router says where it goes; a shell line runs as typed, on
// the synchronous fast path; requests and questions go to `onRequest`. After "command not
// found" it offers a correction or the model, in one line; a blank Enter takes the offer, which
// at most leaves a line in the buffer: nothing runs without the user's say. A block of several
// lines (a paste, bracketed or typed ahead of bash) runs as typed only when every command of it
// routes to bash; otherwise nothing of it runs before the user has chosen (`onPaste`).

import { messages } from '../messages.js';
import type { BashParser } from '../risk/index.js';
import type { CapturedCommand } from './output-capture.js';
import type { LineContext, LineDecider, LineDecision } from './line-decision.js';
import { cutPastedBlock, firstWords, hasEditingKeys, isMultiLine, joinTypedAhead, type PastedBlock } from './pasted-block.js';
import { CommandTable, requestText, route, suggestForNotFound, type CommandKind, type Route, type RouteConfig, type RouteFacts } from './router/index.js';

/** What the decider needs from the rest of nl-sh. */
export interface LineDeciderOptions {
  config: RouteConfig;
  /** The bash parser once it has loaded (routing works without it). */
  parser(): BashParser | undefined;
  /** The parser when it has loaded (undefined if it cannot): a paste is cut into commands only with it. */
  parserLoaded?(): Promise<BashParser | undefined>;
  /** Handle a natural-language request or a question (the planner's door). */
  onRequest(ctx: LineContext, route: Exclude<Route, 'shell'>, text: string): LineDecision | Promise<LineDecision>;
  /** Let a blank Enter reach the decider while an offer waits. */
  setOfferPending(pending: boolean): void;
  /** The blank Enter took the flow's offer of a next sandbox profile. */
  onEscalate?(ctx: LineContext): LineDecision | Promise<LineDecision>;
  /** A pasted block with a line for the model (or that did not parse): the user chooses what runs. */
  onPaste?(ctx: LineContext, block: PastedBlock): Promise<LineDecision>;
}

/** The decider and the session callback that makes its offers. */
export interface LineDeciderParts {
  decide: LineDecider;
  onCommandDone(done: CapturedCommand): string | undefined;
  /** The flow has a next sandbox profile on offer: a blank Enter takes it. */
  offerEscalation(): void;
}

type Offer = { kind: 'typo'; suggestion: string } | { kind: 'ask'; line: string } | { kind: 'escalate' };

/** The first word as the Enter hook computed it: after leading blanks, up to the next blank. */
function firstWordOf(line: string): string {
  return line.trimStart().split(/\s/, 1)[0] ?? '';
}

/** Build the decider for an interactive session. */
export function createLineDecider(opts: LineDeciderOptions): LineDeciderParts {
  let table: { path: string; table: CommandTable } | undefined;
  let offer: Offer | undefined;
  // The last line routed to bash, so a 127 is offered help only for a line nl-sh let through.
  let lastShellLine: string | undefined;

  const tableFor = (path: string): CommandTable => {
    if (!table || table.path !== path) table = { path, table: new CommandTable({ aliases: [], functions: [], path }) };
    return table.table;
  };
  const factsFor = (ctx: LineContext): RouteFacts => {
    const first = firstWordOf(ctx.line);
    const known = ctx.firstWordType as CommandKind;
    const commands = tableFor(ctx.path);
    return {
      typeOf: (word) => (word === first ? known : commands.typeOf(word)),
      parser: opts.parser(),
      config: opts.config,
    };
  };

  // A block of several lines: bash's answer for each first word, then run as typed or ask the user.
  const decideBlock = async (ctx: LineContext, text: string): Promise<LineDecision> => {
    const words = firstWords(text);
    const kinds = new Map(words.map((w, i) => [w, i] as const));
    const [types, parser] = await Promise.all([ctx.facts(words), opts.parser() ?? opts.parserLoaded?.()]);
    const commands = tableFor(ctx.path);
    const facts: RouteFacts = { ...factsFor(ctx), parser, typeOf: (w) => (kinds.has(w) ? ((types[kinds.get(w)!] ?? '') as CommandKind) : commands.typeOf(w)) };
    const block = cutPastedBlock(text, facts);
    if (block.parsed && block.commands.every((c) => c.route === 'shell')) {
      lastShellLine = ctx.line;
      return { verb: 'run' };
    }
    ctx.takeTypedAhead?.();
    if (!opts.onPaste) return { verb: 'drop', notice: messages.pasteNotRun() };
    return opts.onPaste(ctx, block);
  };

  const decide: LineDecider = (ctx) => {
    if (!ctx.continuation) {
      // Keys that edit are typing ahead, not a paste: they are settled after the decision.
      const ahead = ctx.typedAhead ?? '';
      const text = joinTypedAhead(ctx.line, hasEditingKeys(ahead) ? '' : ahead);
      if (isMultiLine(text)) {
        offer = undefined;
        return decideBlock(ctx, text);
      }
    }
    const waiting = offer;
    offer = undefined;
    if (waiting && ctx.line.trim() === '') {
      if (waiting.kind === 'typo') return { verb: 'edit', line: waiting.suggestion };
      if (waiting.kind === 'escalate') return opts.onEscalate?.(ctx) ?? { verb: 'drop' };
      return opts.onRequest({ ...ctx, line: waiting.line }, 'nl', waiting.line);
    }
    if (ctx.continuation) return { verb: 'run' };
    const facts = factsFor(ctx);
    const decision = route(ctx.line, facts);
    if (decision.route === 'shell') {
      lastShellLine = ctx.line;
      return { verb: 'run' };
    }
    return opts.onRequest(ctx, decision.route, requestText(ctx.line, facts));
  };

  const onCommandDone = (done: CapturedCommand): string | undefined => {
    if (done.status !== 127 || !done.line || done.line !== lastShellLine || !table) return undefined;
    const commands = table.table;
    const suggestion = suggestForNotFound(done.line, { typeOf: (w) => commands.typeOf(w), commands: commands.names() });
    opts.setOfferPending(true);
    if (suggestion.kind === 'typo') {
      offer = { kind: 'typo', suggestion: suggestion.suggestion };
      return `${messages.typoOffer(suggestion.suggestion)}\r\n`;
    }
    offer = { kind: 'ask', line: done.line };
    return `${messages.askOffer()}\r\n`;
  };

  const offerEscalation = (): void => {
    offer = { kind: 'escalate' };
    opts.setOfferPending(true);
  };

  return { decide, onCommandDone, offerEscalation };
}
