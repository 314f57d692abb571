// Resolving and running one argv: the command name after quoting, paths, aliases, brace
// expansion and functions; names computed at run time; local scripts; and code handed to an
// interpreter (shell, python, SQL...) judged by what it contains or where it came from.

import { posix } from 'node:path';
import { assessScript } from './analyzers/code-scan.js';
import { assessOpaque } from './analyzers/opaque-code.js';
import { assessMongoText, assessRedisText, assessSqlText } from './analyzers/sql.js';
import type { Content } from './content.js';
import { matchExtraRules } from './extra-rules.js';
import { applyRule } from './rule-engine.js';
import type { CommandRule } from './rules/rule-types.js';
import { report, spendNode, type Ctx, type Language, type Runner } from './walk-context.js';
import { walkSource } from './walker.js';
import { expandBraces, literalWord, runtimeWord, type Word } from './words.js';

/** The runner the walker and analyzers use for nested commands and code. */
export const runner: Runner = { runArgv, runCode, applyRule: judgeCommand };

// A resolved command: its built-in rule, then the extra rules, whose reasons go first so that among
// equally severe reasons the preview shows the extra one (the production context, the plugin).
function judgeCommand(name: string, rule: CommandRule | undefined, args: readonly Word[], ctx: Ctx, typed = name): Content {
  const start = ctx.env.findings.length;
  let output: Content = { kind: 'generated', from: ctx.span };
  if (rule) output = applyRule(name, rule, args, ctx);
  else judgeUnknownProgram(name, args, ctx);
  ctx.env.findings.splice(start, 0, ...matchExtraRules([typed, name], rule, args, ctx));
  return output;
}

/** A program nl-sh has no rule for: at least writes, and what it is handed is tried as the code it may run. */
function judgeUnknownProgram(name: string, args: readonly Word[], ctx: Ctx): void {
  report(ctx, 'writes', 'unknown', ctx.span, `\`${name}\` is not a command nl-sh knows; it may change anything`);
  const texts = args.flatMap((w) => (w.value !== undefined && /[\s!(]/.test(w.value) ? [w.value] : []));
  if (ctx.input.kind === 'text') texts.push(ctx.input.text);
  if (texts.length > 0) assessOpaque(texts.join('\n'), `what \`${name}\` is given`, ctx, ctx.span);
}

/** Most commands run by commands (`sudo env nice xargs …`) nl-sh follows; each level copies the rest, so deeper costs quadratic time. */
const maxArgvNesting = 64;

function runArgv(input: Word[], ctx: Ctx): Content {
  if (!spendNode(ctx)) return { kind: 'generated', from: ctx.span };
  const nesting = ctx.env.argvNesting;
  if (nesting.depth >= maxArgvNesting) {
    report(ctx, 'destructive', 'dynamic', ctx.span, 'commands that run commands are nested too deeply to follow');
    return { kind: 'generated', from: ctx.span };
  }
  nesting.depth++;
  try {
    return runWords(input, ctx);
  } finally {
    nesting.depth--;
  }
}

function runWords(input: Word[], ctx: Ctx): Content {
  const words = input.flatMap((w) => expandWord(w, ctx));
  const [nameWord, ...args] = words;
  if (!nameWord) return { kind: 'none' };
  const value = nameWord.value;
  if (value === undefined || nameWord.glob) return runComputedName(nameWord, ctx);
  // A brace group the grammar read as words (`time { rm x; }`): `{` opens it, `}` closes it.
  if (value === '{' && !nameWord.expands && nameWord.text === '{') return runArgv(args, ctx);
  if (value === '}' && nameWord.text === '}' && args.length === 0) return { kind: 'none' };
  // `coproc NAME { ...; }` (the grammar reads it as words): NAME names the coprocess, the group runs.
  if (value === 'coproc' && !nameWord.expands && args[1]?.text === '{') return runArgv(args.slice(1), ctx);
  if (value === '') {
    report(ctx, 'writes', 'unknown', ctx.span, 'an empty command name');
    return { kind: 'generated', from: ctx.span };
  }
  // An alias defined earlier (bash expands it on the lines after; nl-sh on any, to fail closed).
  const alias = !nameWord.expands && nameWord.text === value ? ctx.scope.aliases.get(value) : undefined;
  if (alias !== undefined && !ctx.scope.calls.includes(`alias ${value}`)) return expandAlias(value, alias, args, ctx);
  if (!value.includes('/') && ctx.scope.functions.has(value)) return callFunction(value, args, ctx);
  if (ctx.scope.hashed.has(value)) return runHashed(value, ctx.scope.hashed.get(value), args, ctx);
  if (!value.includes('/') && ctx.scope.lookupChanged) report(ctx, 'writes', 'unknown', ctx.span, `runs with ${ctx.scope.lookupChanged}; \`${value}\` may not be the program nl-sh knows`);
  let name = value;
  if (value.includes('/')) {
    const base = posix.basename(value);
    if (!value.startsWith('/')) return runLocalProgram(value, args, ctx);
    name = base;
    if (!ctx.env.rules.paths.rules.binDirs.includes(posix.dirname(value))) {
      if (isDownloaded(value, ctx)) {
        report(ctx, 'network_exec', 'rule', ctx.span, `runs ${value}, fetched from the network earlier in this line`);
        return { kind: 'generated', from: ctx.span };
      }
      report(ctx, 'writes', 'unknown', ctx.span, `runs ${value}, outside the standard program directories; nl-sh cannot vouch for it`);
    }
  }
  const found = ctx.env.rules.lookup(name);
  return found ? judgeCommand(found.name, found.rule, args, ctx, name) : judgeCommand(name, undefined, args, ctx);
}

function expandAlias(name: string, value: string, args: Word[], ctx: Ctx): Content {
  ctx.scope.calls.push(`alias ${name}`);
  walkSource([value, ...args.map((w) => w.text)].join(' '), { ...ctx, depth: ctx.depth + 1 }, `${name} (an alias for ${value})`);
  ctx.scope.calls.pop();
  return { kind: 'generated', from: ctx.span };
}

/** A name `hash -p` bound to a program: the program runs, whatever the name says. */
function runHashed(name: string, path: string | undefined, args: Word[], ctx: Ctx): Content {
  if (path === undefined) {
    report(ctx, 'destructive', 'dynamic', ctx.span, `\`${name}\` was bound by hash -p to a program only known at run time`);
    return { kind: 'generated', from: ctx.span };
  }
  const inner = { ...ctx, scope: { ...ctx.scope, hashed: new Map([...ctx.scope.hashed].filter(([k]) => k !== name)) } };
  return runArgv([literalWord(path), ...args], inner);
}

/** A word's brace expansion; beyond the bounds its words are unknown (failing closed: at least "writes"). */
function expandWord(word: Word, ctx: Ctx): Word[] {
  if (!word.braces || word.value === undefined) return [word];
  const expanded = expandBraces(word.value);
  if (expanded) return expanded.map(literalWord);
  report(ctx, 'writes', 'unknown', word.text, 'expands to too many words for nl-sh to judge each one');
  return [runtimeWord(word.text)];
}

function runComputedName(word: Word, ctx: Ctx): Content {
  const fetched = word.outputs.find((o) => o.kind === 'fetched');
  if (fetched) report(ctx, 'network_exec', 'dynamic', ctx.span, 'runs a command fetched from the network');
  else if (word.outputs.some((o) => o.kind === 'decoded')) report(ctx, 'destructive', 'dynamic', ctx.span, 'runs a command decoded at run time; it could be anything, rm included');
  else if (word.glob && word.value !== undefined) report(ctx, 'destructive', 'dynamic', ctx.span, `the command name ${word.text} is a pattern; whatever it matches runs`);
  else report(ctx, 'destructive', 'dynamic', ctx.span, `the command name ${word.text} is only known at run time; it could be anything, rm included`);
  return { kind: 'generated', from: ctx.span };
}

function runLocalProgram(path: string, args: readonly Word[], ctx: Ctx): Content {
  if (isDownloaded(path, ctx)) report(ctx, 'network_exec', 'rule', ctx.span, `runs ${path}, fetched from the network earlier in this line`);
  else report(ctx, 'writes', 'unknown', ctx.span, `runs the local program ${path}; nl-sh cannot see what it does`);
  // Extra rules for a program name hold for a copy in the working tree too (`./terraform apply`).
  ctx.env.findings.push(...matchExtraRules([posix.basename(path)], undefined, args, ctx));
  return { kind: 'generated', from: ctx.span };
}

function isDownloaded(path: string, ctx: Ctx): boolean {
  const d = ctx.scope.downloads;
  return ctx.scope.fetchedTree.value || d.has(path) || d.has(posix.normalize(path)) || d.has(posix.basename(path));
}

function callFunction(name: string, args: Word[], ctx: Ctx): Content {
  const body = ctx.scope.functions.get(name) ?? '';
  if (ctx.scope.calls.includes(name)) {
    report(ctx, 'destructive', 'rule', ctx.span, `the function ${name} calls itself without end (a fork bomb when piped or put in the background)`);
    return { kind: 'generated', from: ctx.span };
  }
  const key = [name, ...args.map((a) => a.value ?? '\u0001')].join('\u0000');
  if (ctx.env.calls.has(key)) return { kind: 'generated', from: ctx.span };
  ctx.env.calls.add(key);
  const vars = ctx.scope.vars;
  const saved = new Map<string, string | undefined>();
  for (let i = 1; i <= 9; i++) {
    const key = String(i);
    if (vars.has(key)) saved.set(key, vars.get(key));
    vars.set(key, args[i - 1]?.value);
  }
  const savedArgs = ctx.scope.arrays.get('@');
  const hadArgs = ctx.scope.arrays.has('@');
  const values = args.map((a) => a.value);
  ctx.scope.arrays.set('@', values.every((v) => v !== undefined) ? (values as string[]) : undefined);
  ctx.scope.calls.push(name);
  walkSource(body, { ...ctx, depth: ctx.depth + 1 }, ctx.span);
  ctx.scope.calls.pop();
  if (hadArgs) ctx.scope.arrays.set('@', savedArgs);
  else ctx.scope.arrays.delete('@');
  for (let i = 1; i <= 9; i++) {
    const key = String(i);
    if (saved.has(key)) vars.set(key, saved.get(key));
    else vars.delete(key);
  }
  return { kind: 'generated', from: ctx.span };
}

/** Judge `content` run as code in `language`; `how` names the part of the command that runs it. */
function runCode(content: Content, language: Language, ctx: Ctx, how: string): void {
  switch (content.kind) {
    case 'text':
      if (language === 'shell') walkSource(content.text, { ...ctx, depth: ctx.depth + 1, input: { kind: 'none' } }, how);
      else if (language === 'sql') assessSqlText(content.text, ctx, how);
      else if (language === 'redis') assessRedisText(content.text, ctx, how);
      else if (language === 'mongo') assessMongoText(content.text, ctx, how);
      else if (language === 'opaque') {
        report(ctx, 'writes', 'unknown', how, 'runs code in a language nl-sh does not read');
        assessOpaque(content.text, 'the code', ctx, how);
      } else assessScript(language, content.text, ctx, how);
      return;
    case 'fetched':
      report(ctx, 'network_exec', 'rule', how, `runs code fetched from the network (${clip(content.from)})`);
      return;
    case 'decoded':
      report(ctx, 'destructive', 'dynamic', how, `runs a payload decoded at run time (${clip(content.from)}); it could do anything`);
      return;
    case 'file':
      if (isDownloaded(content.path, ctx)) report(ctx, 'network_exec', 'rule', how, `runs ${content.path}, fetched from the network earlier in this line`);
      else report(ctx, 'writes', 'unknown', how, `runs the ${language === 'shell' ? 'script' : language === 'opaque' ? 'code in' : `${language} in`} ${content.path}; nl-sh does not read it`);
      return;
    case 'shell-setup':
      report(ctx, 'read_only', 'rule', how, `evaluates shell setup printed by ${clip(content.from)}`);
      return;
    case 'generated':
      // Statements for a database are bounded by the database; shell or script code is not.
      if (language === 'sql' || language === 'redis' || language === 'mongo') report(ctx, 'writes', 'dynamic', how, `runs ${language} statements produced at run time by ${clip(content.from)}`);
      else report(ctx, 'destructive', 'dynamic', how, `runs code generated at run time by ${clip(content.from)}; it could be anything`);
      return;
    case 'none':
      report(ctx, 'read_only', 'rule', how, 'starts an interactive session; nothing runs until you type it');
      return;
  }
}

function clip(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 48 ? `${line.slice(0, 47)}…` : line;
}
