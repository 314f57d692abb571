// A paste that holds a line for the model (or did not parse): every command of it is shown with
// its route, and one key decides. Nothing of it runs before that key, and keys typed or pasted
// before the choice was drawn never answer it. [s] runs the shell commands in bash (all of the
// paste, as pasted, when it could not be cut into commands), [a] asks the model about the
// English lines, and Enter, n, q, Esc or Ctrl-C cancel it all.

import { messages } from '../messages.js';
import type { LineContext, LineDecision } from '../repl/line-decision.js';
import type { PastedBlock } from '../repl/pasted-block.js';
import { choiceForKey, type ChoiceMenu } from '../preview/choices.js';
import type { FlowEvent } from '../preview/flow-events.js';
import { renderEvent, type RenderStyle } from '../preview/render-events.js';
import { createKeyInput, dropKeysBeforeQuestion, type KeyInput } from './key-input.js';

/** What the chooser hands on: an English request (or question) to the request flow. */
export type AskModel = (ctx: LineContext, route: 'nl' | 'question', text: string) => Promise<LineDecision>;

/** What a pasted block can do, and the menu that offers it. Pure. */
export function pasteMenu(block: PastedBlock): ChoiceMenu {
  const shell = block.commands.filter((c) => c.route === 'shell').length;
  const english = block.commands.length - shell;
  const lines = block.text.split('\n').filter((l) => l.trim() !== '').length;
  const choices: ChoiceMenu['choices'] = [];
  // The menu's ids are the preview's: `run` runs in bash here, `ask-again` hands to the model.
  if (!block.parsed && !/[\x00-\x08\x0b-\x1f\x7f]/.test(block.text)) choices.push({ id: 'run', key: 's', label: `run all ${lines} lines in bash, as pasted` });
  else if (block.parsed && shell > 0) choices.push({ id: 'run', key: 's', label: `run the ${plural(shell, 'shell command')} only` });
  if (english > 0) choices.push({ id: 'ask-again', key: 'a', label: `ask the model about the ${plural(english, 'English line')} only` });
  choices.push({ id: 'cancel', key: 'n', label: 'cancel all' });
  return { choices, defaultId: 'cancel' };
}

/** The text bash runs for [s]: the shell commands, or the whole paste when it did not parse. */
export function shellText(block: PastedBlock): string {
  if (!block.parsed) return block.text;
  return block.commands.flatMap((c) => (c.route === 'shell' ? [c.text] : [])).join('\n');
}

/** The request for [a]: the English lines as pasted (`line`) and as the model gets them (`text`, without `?` or the prefix). */
export function englishRequest(block: PastedBlock, nlPrefix: string): { route: 'nl' | 'question'; line: string; text: string } {
  const english = block.commands.filter((c) => c.route !== 'shell').map((c) => c.text.trim());
  const route = block.commands.every((c) => c.route !== 'nl') ? 'question' : 'nl';
  const bare = (t: string): string => (t.startsWith('?') ? t.slice(1) : nlPrefix && t.startsWith(nlPrefix) ? t.slice(nlPrefix.length) : t).trim();
  return { route, line: english.join('\n'), text: english.map(bare).join('\n') };
}

/** Show the paste command by command and act on the user's key. */
export async function choosePasted(ctx: LineContext, block: PastedBlock, how: { style: RenderStyle; nlPrefix: string; ask: AskModel }): Promise<LineDecision> {
  const { style, ask } = how;
  const lease = ctx.takeTerminal();
  const emit = (event: FlowEvent): void => lease.write(renderEvent(event, { ...style, cols: lease.size().cols }));
  const keys = createKeyInput(lease);
  emit({ kind: 'cancelled' });
  emit({ kind: 'hint', text: block.parsed ? 'pasted lines, and where each would go:' : 'pasted lines (they do not parse as bash), and where each would go:' });
  for (const c of block.commands) {
    c.text.split('\n').forEach((line, i) => emit({ kind: 'hint', text: `  ${i === 0 ? routeLabel(c.route) : '     '}  ${line}` }));
  }
  emit({ kind: 'hint', text: 'nothing has run yet' });
  const menu = pasteMenu(block);
  emit({ kind: 'choices', menu });
  dropKeysBeforeQuestion(keys, emit);
  const choice = await chosen(keys, menu);
  emit({ kind: 'cancelled' });
  if (choice === 'run') return { verb: 'replace', line: shellText(block) };
  if (choice === 'ask-again') {
    const request = englishRequest(block, how.nlPrefix);
    return ask({ ...ctx, line: request.line }, request.route, request.text);
  }
  return { verb: 'drop', notice: messages.pasteCancelled() };
}

// The first key the menu knows.
async function chosen(keys: KeyInput, menu: ChoiceMenu): Promise<ReturnType<typeof choiceForKey>> {
  for (;;) {
    const id = choiceForKey(menu, await keys.key());
    if (id) return id;
  }
}

const routeLabel = (route: string): string => (route === 'shell' ? 'bash ' : route === 'question' ? '?    ' : 'model');
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
