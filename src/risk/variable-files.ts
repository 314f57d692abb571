// Variables whose value is a file a program writes (HISTFILE, GIT_TRACE=/path) or settings that
// hold commands (GIT_CONFIG_PARAMETERS): the file is judged like a write target (a shell startup
// file or an evidently existing file is lost), the settings' values like shell code.

import { isDiscardPath, isStartupFile, isWellKnownFile, resolvePath } from './paths.js';
import { report, type Ctx } from './walk-context.js';
import type { Word } from './words.js';

/** Judge `name=value` where the value names a file the program writes. */
export function assessVariableFile(name: string, value: Word, part: string, ctx: Ctx): void {
  const path = value.value;
  if (path === undefined) {
    report(ctx, 'writes', 'dynamic', part, `${name} makes a program write a file named only at run time`);
    return;
  }
  // A number or a boolean turns tracing on to stderr; empty turns it off.
  if (/^\s*(\d*|true|false|yes|no|on|off)\s*$/i.test(path)) return;
  assessWrittenFile(path, part, `${name} makes a program write`, ctx);
}

/** Judge a file a program writes over (`find -fprint F`): a startup file or an evidently existing file is lost. */
export function assessWrittenFile(path: string, part: string, how: string, ctx: Ctx): void {
  const facts = ctx.env.facts;
  const resolved = resolvePath(path, ctx.scope.cwd ?? facts?.cwd, facts?.home);
  const paths = ctx.env.rules.paths;
  if (isDiscardPath(resolved, paths)) return;
  if (isStartupFile(resolved, facts?.home, paths) || isWellKnownFile(path, paths) || (facts !== undefined && facts.exists(resolved))) {
    report(ctx, 'destructive', 'rule', part, `${how} over ${path}, which exists`);
  } else report(ctx, 'writes', 'rule', part, `${how} ${path}`);
}

/** Judge each value of git-quoted `'key'='value'` settings as shell code (a pager, an editor, a helper). */
export function runSettingValues(value: Word, part: string, ctx: Ctx): void {
  if (value.value === undefined) return;
  for (const m of value.value.matchAll(/'(?:[^']|'\\'')*'\s*=\s*'((?:[^']|'\\'')*)'/g)) {
    const command = (m[1] ?? '').replace(/'\\''/g, "'").replace(/^\s*!/, '');
    if (command.trim() !== '') ctx.run.runCode({ kind: 'text', text: command, from: part }, 'shell', { ...ctx, depth: ctx.depth + 1 }, part);
  }
}
