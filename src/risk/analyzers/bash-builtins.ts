// bash builtins whose operands bash evaluates, and builtins that change what later names run:
// `read`/`printf -v`/`test -v`/`mapfile`/`getopts`/`wait -p`/`unset` take variable names whose
// subscripts are arithmetic (`read 'a[$(cmd)]'` runs cmd); `let` is arithmetic; `alias`,
// `hash -p` and `enable` change what a name means on the lines after.

import { arithmeticFromValue, lookupIn, nameOperand } from '../bash-eval.js';
import { report } from '../walk-context.js';
import type { Word } from '../words.js';
import type { Analyzer, AnalyzerCall } from './analyzer.js';

/** Where each builtin takes variable names: option values, positionals, the word after a flag. */
const nameSpots: Readonly<Record<string, { options?: string[]; positionals?: 'all' | 'last' | number; after?: string }>> = {
  read: { options: ['-a'], positionals: 'all' },
  printf: { options: ['-v'] },
  test: { after: '-v' },
  '[': { after: '-v' },
  mapfile: { positionals: 'last' },
  readarray: { positionals: 'last' },
  getopts: { positionals: 1 },
  wait: { options: ['-p'] },
  unset: { positionals: 'all' },
};

/** The `names` analyzer: judge the names a builtin evaluates, and `let`'s arithmetic. */
export const analyzeNames: Analyzer = (call) => {
  const { name, args, ctx } = call;
  const lookup = lookupIn(ctx);
  if (name === 'let') {
    for (const word of args) if (word.value !== undefined) arithmeticFromValue(word.value, lookup, ctx, ctx.span);
    return undefined;
  }
  for (const word of nameWords(call)) if (word.value !== undefined) nameOperand(word.value, lookup, ctx, ctx.span);
  return undefined;
};

function nameWords({ name, args, parsed }: AnalyzerCall): Word[] {
  const spot = nameSpots[name];
  if (!spot) return [];
  const out: Word[] = [];
  for (const option of spot.options ?? []) out.push(...(parsed.valueWords.get(option) ?? []));
  const positionals = parsed.positionals;
  if (spot.positionals === 'all') out.push(...positionals);
  else if (spot.positionals === 'last' && positionals.length > 0) out.push(positionals[positionals.length - 1] as Word);
  else if (typeof spot.positionals === 'number' && positionals[spot.positionals]) out.push(positionals[spot.positionals] as Word);
  if (spot.after !== undefined) args.forEach((w, i) => w.value === spot.after && args[i + 1] && out.push(args[i + 1] as Word));
  return out;
}

/** `set -- WORDS` (or `set WORDS`): the positional parameters `"$@"` expands to. */
export const analyzeSet: Analyzer = ({ args, ctx }) => {
  const at = args.findIndex((w) => w.value === '--');
  const words = at >= 0 ? args.slice(at + 1) : args[0]?.value?.startsWith('-') || args[0]?.value?.startsWith('+') ? undefined : args;
  if (words === undefined || (at < 0 && words.length === 0)) return undefined;
  const values = words.map((w) => w.value);
  ctx.scope.arrays.set('@', values.every((v) => v !== undefined) ? (values as string[]) : undefined);
  for (let i = 1; i <= 9; i++) ctx.scope.vars.set(String(i), values[i - 1]);
  return undefined;
};

/**
 * `alias NAME=VALUE ...`: remembered, so a later line that uses NAME is judged as VALUE. An alias
 * that takes over a command nl-sh knows (`alias ls='rm -rf'`) is judged now too: it is armed to
 * run the next time the user types that command expecting the real one.
 */
export const analyzeAlias: Analyzer = ({ args, ctx }) => {
  for (const word of args) {
    const m = word.value === undefined ? null : /^([^=\s/$`'"]+)=(.*)$/s.exec(word.value);
    if (m) {
      ctx.scope.aliases.set(m[1] as string, m[2] as string);
      if ((m[2] as string).trim() !== '' && ctx.env.rules.lookup(m[1] as string)) ctx.run.runCode({ kind: 'text', text: m[2] as string, from: word.text }, 'shell', { ...ctx, depth: ctx.depth + 1 }, `alias ${m[1] as string}`);
    }
    else if (word.value === undefined && word.text.includes('=')) report(ctx, 'writes', 'dynamic', ctx.span, 'defines an alias whose name or value is only known at run time');
  }
  return undefined;
};

/** `unalias NAME...` / `unalias -a`. */
export const analyzeUnalias: Analyzer = ({ parsed, ctx }) => {
  if (parsed.flags.has('-a')) ctx.scope.aliases.clear();
  for (const word of parsed.positionals) if (word.value !== undefined) ctx.scope.aliases.delete(word.value);
  return undefined;
};

/** `hash -p PATH NAME`: NAME runs PATH from now on. */
export const analyzeHash: Analyzer = ({ parsed, ctx }) => {
  const paths = parsed.valueWords.get('-p') ?? [];
  if (paths.length === 0) return undefined;
  const path = paths[paths.length - 1]?.value;
  for (const word of parsed.positionals) {
    if (word.value === undefined) report(ctx, 'writes', 'dynamic', ctx.span, 'binds a command name only known at run time to a program');
    else ctx.scope.hashed.set(word.value, path);
  }
  return undefined;
};

/** `enable -f FILE NAME` loads a builtin's code from a file; `enable [-n] NAME` changes what NAME runs. */
export const analyzeEnable: Analyzer = ({ parsed, ctx }) => {
  const names = parsed.positionals.map((w) => w.value ?? w.text).join(' ');
  if (parsed.flags.has('-f')) {
    report(ctx, 'writes', 'unknown', ctx.span, 'loads a builtin from a shared library into the shell; nl-sh cannot see what its code does');
    ctx.scope.lookupChanged = ctx.span;
  } else if (parsed.positionals.length > 0 && !parsed.flags.has('-p') && !parsed.flags.has('-a')) {
    ctx.scope.lookupChanged = ctx.span;
    report(ctx, 'read_only', 'rule', ctx.span, `changes which builtins are on (${names}); later commands may run other programs`);
  } else {
    report(ctx, 'read_only', 'rule', ctx.span, 'lists builtins');
  }
  return undefined;
};
