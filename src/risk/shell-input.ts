// A command line another program hands to a shell whose stdin it also passes on (`ssh host bash
// < cmds.txt`, `su -c 'sh -s' < f`, psql `\g |sh`): the stdin is what that shell may run.

import type { Content } from './content.js';
import { report, type Ctx } from './walk-context.js';
import { literalWord } from './words.js';

const plainLine = /^\s*[\w./:=@%+,-]+(\s+[\w./:=@%+,-]+)*\s*$/;

/**
 * Judge `content` run as a shell command line with `ctx.input` as its stdin. A line of plain
 * words is the argv it spells, judged with that stdin; any other line is parsed, and as the
 * parse cannot follow the stdin into it, it is at least `writes`.
 */
export function runShellWithInput(content: Content, ctx: Ctx, how: string): void {
  if (ctx.input.kind === 'none' || content.kind !== 'text') return ctx.run.runCode(content, 'shell', ctx, how);
  if (plainLine.test(content.text)) {
    ctx.run.runArgv(content.text.trim().split(/\s+/).map((w) => literalWord(w)), { ...ctx, span: content.text.trim() });
    return;
  }
  ctx.run.runCode(content, 'shell', ctx, how);
  report(ctx, 'writes', 'unknown', how, 'the command reads input that nl-sh cannot follow into it');
}
