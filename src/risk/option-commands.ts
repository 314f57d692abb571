// Options and arguments whose value is a command line another program runs (`rsync
// --rsync-path=CMD`, `git -c core.pager=CMD`, `less +!CMD`, `git config core.pager CMD`): the
// command is judged as shell code, so a pager `less` stays read-only and `rm -rf ~` is
// destructive. A value only known at run time could be any command: at least writes.

import type { ParsedArgs } from './argv.js';
import type { ArgRule, FlagRule } from './rules/rule-types.js';
import { runShellWithInput } from './shell-input.js';
import { report, type Ctx } from './walk-context.js';
import { literalWord, type Word } from './words.js';

/** Judge the commands held by the values of the flag `name`, which matched the `runs` rule `r`. */
export function runFlagCommands(r: FlagRule, name: string, parsed: ParsedArgs, ctx: Ctx): void {
  const words = parsed.valueWords.get(name) ?? (parsed.flags.get(name) ?? []).map((v) => literalWord(v));
  // A pager or output pipe reads what the program prints: `psql -o '|sh'` runs the query output.
  const fed: Ctx = r.fedOutput ? { ...ctx, input: { kind: 'generated', from: `${ctx.span.split(/\s/)[0] ?? ''} output` } } : ctx;
  for (const word of words) runAfterMatch(r.valueMatch, word, `${name} ${word.text}`, fed);
}

/** Judge the commands held by the positionals that the `runs` argument rule `r` matches. */
export function runArgCommands(r: ArgRule, parsed: ParsedArgs, ctx: Ctx): void {
  const words = parsed.positionals;
  const re = ctx.env.rules.regex(r.match ?? '(?!)');
  if (r.runs === 'balanced') {
    for (const word of [...words.filter((_, i) => r.position === undefined || i === r.position), ...optionWords(r.options ?? [], parsed)]) runBalanced(r, word, ctx);
    return;
  }
  words.forEach((word, i) => {
    if (word.value === undefined || !re.test(word.value) || (r.position !== undefined && i !== r.position)) return;
    if (r.runs === 'rest') runAfterMatch(r.match, word, word.text, ctx, r.command);
    if (r.runs === 'ext-url') runCommandWord(literalWord(extCommand(word.value.replace(re, ''))), word.text, ctx);
    const next = words[i + 1];
    // git marks a shell command in an alias or helper with a leading `!`.
    const value = next?.value?.replace(/^\s*!/, '');
    if (r.runs === 'next' && next) runCommandWord(value === undefined ? next : literalWord(value), `${word.text} ${next.text}`, ctx);
  });
}

/** The words that carry the values of `options` (`*`: of every option). */
function optionWords(options: readonly string[], parsed: ParsedArgs): Word[] {
  if (options.includes('*')) return [...parsed.valueWords.values()].flat();
  return options.flatMap((o) => parsed.valueWords.get(o) ?? []);
}

// The text after `match` (all of it without one) is the command.
function runAfterMatch(match: string | undefined, word: Word, part: string, ctx: Ctx, command?: string): void {
  if (word.value === undefined) {
    if (match === undefined) runCommandWord(word, part, ctx);
    return;
  }
  const m = match === undefined ? undefined : ctx.env.rules.regex(match).exec(word.value);
  if (match !== undefined && !m) return;
  runCommandWord(literalWord(m ? word.value.slice(m.index + m[0].length) : word.value), part, ctx, command);
}

// Every match of the rule's pattern opens a command that ends at the bracket closing the last
// bracket in the match (`#(CMD)`, `$(shell CMD)`); nested brackets of the same kind are counted.
function runBalanced(r: ArgRule, word: Word, ctx: Ctx): void {
  const value = word.value;
  if (value === undefined) {
    if (/[#$][({]/.test(word.text)) report(ctx, 'writes', 'dynamic', word.text, 'runs a command only known at run time');
    return;
  }
  const re = new RegExp(ctx.env.rules.regex(r.match ?? '(?!)').source, 'g');
  for (let m = re.exec(value); m; m = re.exec(value)) {
    if (m[0] === '') re.lastIndex++;
    const start = m.index + m[0].length;
    const end = closingBracket(value, start, /[({[](?=[^({[]*$)/.exec(m[0])?.[0]);
    runCommandWord(literalWord(value.slice(start, end)), word.text, ctx, r.command);
  }
}

const closers: Record<string, string> = { '(': ')', '{': '}', '[': ']' };

// The index of the bracket that closes `open` from `start` on, or the end of the text.
function closingBracket(text: string, start: number, open: string | undefined): number {
  if (open === undefined) return text.length;
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === closers[open] && depth-- === 0) return i;
  }
  return text.length;
}

function runCommandWord(word: Word, part: string, ctx: Ctx, command?: string): void {
  if (word.value === undefined) {
    report(ctx, 'writes', 'dynamic', part, 'runs a command only known at run time');
    return;
  }
  if (word.value.trim() === '') return;
  const text = command === undefined ? word.value : `${command} ${word.value}`;
  if (ctx.input.kind === 'generated') runShellWithInput({ kind: 'text', text, from: part }, { ...ctx, depth: ctx.depth + 1 }, part);
  else ctx.run.runCode({ kind: 'text', text, from: part }, 'shell', { ...ctx, depth: ctx.depth + 1 }, part);
}

// git's ext:: transport splits its command on spaces; `% ` is a space inside an argument, `%%` a percent.
function extCommand(text: string): string {
  const args = text.split(/(?<!%) /).filter((a) => a !== '');
  return args.map((a) => `'${a.replace(/% /g, ' ').replace(/%%/g, '%').replace(/'/g, `'\\''`)}'`).join(' ');
}
