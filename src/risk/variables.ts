// Assignments that change what later commands do: PROMPT_COMMAND and prompts hold code, PATH
// decides which program a name runs, LD_PRELOAD and friends load code into programs.

import type { Ctx } from './walk-context.js';
import { report } from './walk-context.js';
import { assessVariableFile, runSettingValues } from './variable-files.js';
import type { Word } from './words.js';

/** Judge one assignment `name=value`; `prefix` when it only applies to the command that follows. */
export function assessAssignment(name: string, value: Word, ctx: Ctx, prefix: boolean): void {
  const vars = ctx.env.rules.table.variables;
  const part = `${name}=${value.text}`;
  if (/^BASH_FUNC_.+%%$/.test(name)) {
    const body = (value.value ?? value.code).replace(/^\(\)\s*/, '');
    ctx.run.runCode({ kind: 'text', text: body, from: part }, 'shell', { ...ctx, depth: ctx.depth + 1 }, part);
  } else if (vars.code.includes(name)) {
    const code = value.value ?? value.code;
    if (name === 'PROMPT_COMMAND' || /\$\(|`/.test(code)) ctx.run.runCode({ kind: 'text', text: code, from: part }, 'shell', { ...ctx, depth: ctx.depth + 1 }, part);
  } else if (vars.lookup.includes(name)) {
    const appends = /^(\$\{?PATH\}?)(:|$)/.test(value.code) || value.code === '';
    if (!appends) ctx.scope.lookupChanged = part;
    else if (!prefix) return;
    // Set in the user's shell, a relative directory decides what every later name runs.
    if (!prefix && (value.value ?? value.code).split(':').some((dir) => !/^[/$~]/.test(dir))) report(ctx, 'writes', 'rule', part, `${name} searches a relative directory first: later commands may run programs planted there`);
  } else if (vars.inject.includes(name)) {
    report(ctx, 'destructive', 'dynamic', part, `${name} makes programs load or run code nl-sh cannot see`);
  } else if (vars.commands?.includes(name) || vars.commandPatterns?.some((re) => ctx.env.rules.regex(re).test(name))) {
    // A pager, editor or ssh command some program runs: the value is a command line (LESSOPEN's starts with |).
    const command = (value.value ?? value.code).replace(/^\s*\|+/, '');
    if (command.trim() !== '') ctx.run.runCode({ kind: 'text', text: command, from: part }, 'shell', { ...ctx, depth: ctx.depth + 1 }, part);
  } else if (vars.loadPath?.includes(name)) {
    report(ctx, 'writes', 'unknown', part, `${name} makes programs load modules, options or config from where it points; nl-sh cannot see what that runs`);
  }
  if (vars.settings?.includes(name)) runSettingValues(value, part, ctx);
  if (vars.files?.includes(name)) assessVariableFile(name, value, part, ctx);
  if (vars.clearsHistory?.includes(name) && value.value?.trim() === '0') report(ctx, 'destructive', 'rule', part, `${name}=0 drops the whole history list`);
}
