// Reading interpreter one-liners (python -c, node -e, perl -e, ruby -e, php -r) for what they
// do: patterns that delete or fetch-and-run, shell commands they start (judged as shell), and
// whether the rest only reads. Code nl-sh cannot account for is at least "writes", and unknown.

import { compareLevels, type Level } from '../levels.js';
import type { ScriptLanguage } from '../rules/rule-types.js';
import { report, type Ctx } from '../walk-context.js';

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
  let runsShell = false;
  for (const re of lang.shellCalls) {
    re.lastIndex = 0;
    for (const m of code.matchAll(re)) {
      runsShell = true;
      const command = lang.shellCallsRaw ? (m[1] ?? '').trim() : literalCommand(m[1] ?? '');
      if (command === undefined) report(ctx, 'destructive', 'dynamic', how, `the ${language} code runs a shell command built at run time`);
      else ctx.run.runCode({ kind: 'text', text: command, from: how }, 'shell', ctx, how);
    }
  }
  if (compareLevels(worst, 'read_only') > 0 || runsShell) return;
  const modules = new Set<string>();
  for (const re of lang.imports) {
    re.lastIndex = 0;
    for (const m of code.matchAll(re)) for (const name of (m[1] ?? '').split(/\s*,\s*/)) if (name) modules.add(name.trim().split(/\s+/)[0] ?? name);
  }
  // Data files (`require('./package.json')`) are read, not run.
  const unsafe = [...modules].filter((m) => !m.endsWith('.json') && !lang.safeModules.has(m) && !lang.safeModules.has(m.split(/[.:/]/)[0] ?? m));
  const effect = lang.effects.find((re) => re.test(code));
  if (unsafe.length === 0 && !effect) {
    report(ctx, 'read_only', 'rule', how, `the ${language} code only computes and prints`);
    return;
  }
  const what = unsafe.length > 0 ? `uses ${unsafe.slice(0, 3).join(', ')}` : `calls ${effect?.exec(code)?.[0] ?? 'something'}`;
  report(ctx, 'writes', 'unknown', how, `the ${language} code ${what}; nl-sh cannot tell everything it does`);
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
