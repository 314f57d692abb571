// Reading interpreter one-liners (python -c, node -e, perl -e, ruby -e, php -r) for what they
// do: patterns that delete or fetch-and-run, shell commands they start (judged as shell), and
// whether the rest is inside the language's allow-list of provably pure forms. Code outside it
// is at least "writes", and unknown: nothing is judged harmless by the absence of a bad pattern.

import { compareLevels, type Level } from '../../level.js';
import type { ScriptLanguage } from '../rules/rule-types.js';
import { report, type Ctx } from '../walk-context.js';
import { assessOpaque } from './opaque-code.js';
import { provePure, shadowedModule } from './pure-code.js';

/** Judge `code` written in `language`; `how` names the part of the command that runs it. */
export function assessScript(language: ScriptLanguage | 'shell' | 'sql' | 'redis' | 'mongo', code: string, ctx: Ctx, how: string): void {
  if (!(language in ctx.env.rules.languages)) return;
  const lang = ctx.env.rules.languages[language as ScriptLanguage];
  let worst: Level = 'read_only';
  for (const p of lang.patterns) {
    if (p.re.test(code)) {
      report(ctx, p.level, 'rule', how, p.why);
      if (compareLevels(p.level, worst) > 0) worst = p.level;
    }
  }
  for (const re of lang.shellCalls) {
    re.lastIndex = 0;
    for (const m of code.matchAll(re)) {
      const command = lang.shellCallsRaw ? (m[1] ?? '').trim() : literalCommand(m[1] ?? '');
      if (command === undefined) report(ctx, 'destructive', 'dynamic', how, `the ${language} code runs a shell command built at run time`);
      else ctx.run.runCode({ kind: 'text', text: command, from: how }, 'shell', ctx, how);
    }
  }
  // A shell command the code starts was judged above; the code around it must still be proven pure.
  if (compareLevels(worst, 'read_only') > 0) return;
  const why = impurity(language as ScriptLanguage, code, ctx);
  if (why === undefined) report(ctx, 'read_only', 'rule', how, `the ${language} code only computes and prints`);
  else {
    report(ctx, 'writes', 'unknown', how, `the ${language} code ${why}; nl-sh cannot tell everything it does`);
    assessOpaque(code, `the ${language} code`, ctx, how);
  }
}

/** Why the code is not provably pure, or undefined when it is (allow-listed forms only). */
function impurity(language: ScriptLanguage, code: string, ctx: Ctx): string | undefined {
  const lang = ctx.env.rules.languages[language];
  if (!lang.pure) return 'is not a language nl-sh proves harmless';
  if (lang.pure.reader === 'effects') {
    const effect = lang.effects.find((re) => re.test(code));
    return effect ? `calls ${effect.exec(code)?.[0] ?? 'something'}` : undefined;
  }
  const verdict = provePure(lang.pure, code);
  if (!verdict.pure) return verdict.why;
  const planted = language === 'python' ? shadowedModule(verdict.modules, ctx) : undefined;
  return planted === undefined ? undefined : `imports a module that ${planted} would replace`;
}

/** The shell command in a string literal or a list of string literals; undefined when built at run time. */
function literalCommand(argument: string): string | undefined {
  const a = argument.trim();
  const single = /^[rubf]*(['"])((?:\\.|(?!\1)[^\\])*)\1$/s.exec(a) ?? /^`([^`]*)`$/.exec(a);
  if (single) return (single[2] ?? single[1] ?? '').replace(/\\(['"\\])/g, '$1');
  if (/^\[.*\]$/s.test(a)) {
    const items = [...a.matchAll(/(['"])((?:\\.|(?!\1)[^\\])*)\1|([^\s,[\]'"]+)/g)];
    if (items.some((m) => m[3] !== undefined)) return undefined;
    return items.map((m) => shellQuote(m[2] ?? '')).join(' ');
  }
  return undefined;
}

function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
