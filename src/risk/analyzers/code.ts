// Interpreters and database clients: find the code they would run (an option like -c/-e, a
// script argument, positional SQL, a module, or stdin) and judge it in its language.

import type { Content } from '../content.js';
import { assessTargets } from '../targets.js';
import { report } from '../walk-context.js';
import { wordToContent } from '../word-content.js';
import type { Word } from '../words.js';
import type { Analyzer } from './analyzer.js';
import { scriptContent } from './shell.js';

/** The `code` analyzer. */
export const analyzeCode: Analyzer = ({ name, rule, parsed, ctx, level }) => {
  const spec = rule.code;
  if (!spec) return undefined;
  const positionals = parsed.rest.length > 0 ? parsed.rest : parsed.positionals;
  let found = false;
  for (const option of spec.options ?? []) {
    for (const word of parsed.valueWords.get(option) ?? []) {
      found = true;
      runWord(word, `${name} ${option}`);
    }
  }
  for (const option of spec.fileOptions ?? []) {
    for (const word of parsed.valueWords.get(option) ?? []) {
      found = true;
      ctx.run.runCode(fileContent(word), spec.language, ctx, ctx.span);
    }
  }
  for (const text of prefixedCode(positionals, spec.prefixed === undefined ? undefined : ctx.env.rules.regex(spec.prefixed))) {
    found = true;
    ctx.run.runCode({ kind: 'text', text, from: ctx.span }, spec.language, ctx, ctx.span);
  }
  if (spec.inPlace && parsed.flags.has(spec.inPlace)) {
    const files = positionals.slice(found ? 0 : 1);
    report(ctx, 'writes', 'rule', ctx.span, `${spec.inPlace}: edits ${files.length === 1 ? 'a file' : 'files'} in place`);
    assessTargets({ positionals: 'all' }, { ...parsed, positionals: files }, ctx, level);
  }
  if (spec.inputRuns !== undefined) {
    const program = !found && spec.program ? positionals.slice(0, 1) : [];
    const texts = [...(spec.options ?? []).flatMap((o) => parsed.valueWords.get(o) ?? []), ...program];
    if (texts.some((w) => w.value !== undefined && ctx.env.rules.regex(spec.inputRuns ?? '(?!)').test(w.value))) runInput(positionals.slice(program.length));
  }
  // Positional code runs as well as what the options give (`sqlite3 -cmd X db SQL`, `python -m timeit -s SETUP STMT`).
  if (spec.positionalsFrom !== undefined && runPositionals(positionals.slice(spec.positionalsFrom))) return { kind: 'generated', from: ctx.span };
  if (found) return { kind: 'generated', from: ctx.span };
  if (spec.optionsOnly) return undefined;
  if (spec.program && positionals[0]) {
    runWord(positionals[0], name);
    return undefined;
  }
  if (spec.module) {
    const module = parsed.flags.get(spec.module)?.[0];
    if (module !== undefined) {
      runModule(module, positionals);
      return { kind: 'generated', from: ctx.span };
    }
  }
  if (spec.script) {
    const script = positionals[0];
    if (script && script.value !== '-') {
      ctx.run.runCode(fileContent(script), spec.language, ctx, ctx.span);
      return { kind: 'generated', from: ctx.span };
    }
  }
  ctx.run.runCode(ctx.input, spec.language, ctx, ctx.span);
  return { kind: 'generated', from: ctx.span };

  // Code given as positionals, joined by spaces; false when there are none.
  function runPositionals(code: readonly Word[]): boolean {
    if (!spec || code.length === 0) return false;
    if (code.some((w) => w.value === undefined)) {
      const fetched = code.flatMap((w) => w.outputs).find((o) => o.kind === 'fetched');
      if (fetched) ctx.run.runCode(fetched, spec.language, ctx, ctx.span);
      else report(ctx, 'destructive', 'dynamic', ctx.span, `the ${spec.language} to run is only known at run time`);
    } else {
      // sqlite3 and duckdb run each argument as its own command (`.once |sh` then a query).
      const text = spec.language === 'redis' ? code.map((w) => quoteRedis(w.value as string)).join(' ') : code.map((w) => w.value).join(spec.language === 'sql' ? '\n;\n' : ' ');
      ctx.run.runCode({ kind: 'text', text, from: ctx.span }, spec.language, ctx, ctx.span);
    }
    return true;
  }

  function runWord(word: Word, how: string): void {
    const content = wordToContent(word, ctx);
    if (word.value === undefined && content.kind === 'text' && spec?.language !== 'shell') {
      report(ctx, 'destructive', 'dynamic', ctx.span, `${how}: the code is only known at run time`);
      return;
    }
    ctx.run.runCode(content, spec?.language ?? 'shell', ctx, ctx.span);
  }

  // The program runs its input as shell code (sed's bare `e`): each file, else stdin.
  function runInput(files: readonly Word[]): void {
    const how = `${name} (runs its input as commands)`;
    if (files.length === 0) ctx.run.runCode(ctx.input, 'shell', ctx, how);
    for (const file of files) ctx.run.runCode(file.value === '-' ? ctx.input : fileContent(file), 'shell', ctx, how);
  }

  function fileContent(word: Word): Content {
    return scriptContent(word, ctx);
  }

  function runModule(module: string, rest: readonly Word[]): void {
    const language = spec?.language;
    const entry = language && language in ctx.env.rules.languages ? ctx.env.rules.languages[language as keyof typeof ctx.env.rules.languages].modules?.[module] : undefined;
    if (entry && 'use' in entry) {
      const found = ctx.env.rules.lookup(entry.use);
      if (found) {
        ctx.run.applyRule(found.name, found.rule, rest, ctx);
        return;
      }
    }
    if (entry && 'level' in entry) ctx.run.applyRule(`${ctx.span.split(/\s/)[0] ?? ''} -m ${module}`, entry, rest, ctx);
    else report(ctx, 'writes', 'unknown', ctx.span, `runs the module ${module}, which nl-sh does not know`);
  }
};

function prefixedCode(positionals: readonly Word[], prefix: RegExp | undefined): string[] {
  if (prefix === undefined) return [];
  return positionals.flatMap((w) => {
    const m = w.value === undefined ? null : prefix.exec(w.value);
    return m && w.value !== undefined ? [w.value.slice(m.index + m[0].length)] : [];
  });
}

function quoteRedis(word: string): string {
  return /[\s"']/.test(word) ? JSON.stringify(word) : word;
}
