// SQL, Redis and MongoDB code as database clients would run it: each statement judged by its
// first keyword (DROP, TRUNCATE and unscoped DELETE/UPDATE are destructive; SELECT reads; a
// scoped UPDATE writes), with string literals and comments removed first so that
// `WHERE query ILIKE '%drop table%'` stays a SELECT.

import { compareLevels, maxLevel, type Level } from '../../level.js';
import { runShellWithInput } from '../shell-input.js';
import { report, type Ctx } from '../walk-context.js';

/** Judge SQL text (statements, psql `\` and sqlite `.` meta-commands). */
export function assessSqlText(text: string, ctx: Ctx, how: string): void {
  const rules = ctx.env.rules.table.sql;
  const lines: string[] = [];
  runShellStrings(text, ctx, how);
  for (const line of text.split('\n')) {
    const at = metaStart(line.trim(), true);
    const trimmed = at > 0 ? line.trim().slice(0, at) : line.trim();
    if (at > 0) assessMeta(line.trim().slice(at), ctx, how);
    const command = /^([a-zA-Z]+)\s+(.*)$/s.exec(trimmed);
    if (at === 0) assessMeta(trimmed, ctx, how);
    else if (command && rules.shellCommands?.includes((command[1] ?? '').toLowerCase())) ctx.run.runCode({ kind: 'text', text: command[2] ?? '', from: trimmed }, 'shell', ctx, how);
    else lines.push(at > 0 ? trimmed : line);
  }
  const statements = splitStatements(stripLiterals(lines.join('\n')));
  if (statements.length === 0 && lines.join('').trim() === '') return;
  for (const statement of statements) {
    const words = statement.toUpperCase().match(/[A-Z_]+/g) ?? [];
    let keyword = words[0] ?? '';
    if (keyword === 'WITH') keyword = words.find((w) => ['SELECT', 'INSERT', 'UPDATE', 'DELETE'].includes(w) && w !== 'WITH') ?? 'SELECT';
    if (keyword === 'EXPLAIN' && !/\bANALY[SZ]E\b/i.test(statement)) keyword = 'SELECT';
    const rule = Object.hasOwn(rules.statements, keyword) ? rules.statements[keyword] : undefined;
    const part = clipStatement(statement);
    if (!rule) {
      report(ctx, 'writes', 'unknown', how, `${part}: a statement nl-sh does not know`);
      continue;
    }
    let level: Level = rule.level;
    let why = rule.why;
    if (rule.unscoped && isUnscoped(statement)) ({ level, why } = rule.unscoped);
    for (const c of rule.contains ?? []) {
      if (new RegExp(c.match, 'i').test(statement) && compareLevels(c.level, level) > 0) ({ level, why } = c);
    }
    if (keyword === 'SELECT' && /\bINTO\s+(?!@)\w/i.test(statement) && !/\bINTO\s+(OUTFILE|DUMPFILE)\b/i.test(statement) && compareLevels(level, 'writes') < 0) {
      level = maxLevel(level, 'writes');
      why = 'SELECT INTO creates a table';
    }
    report(ctx, level, 'rule', how, `${part}: ${why}`);
  }
}

function assessMeta(line: string, ctx: Ctx, how: string): void {
  const rules = ctx.env.rules.table.sql;
  const name = /^([\\.][a-zA-Z]+|\\!)/.exec(line)?.[1] ?? line;
  const rest = line.slice(name.length).trim();
  if (rules.shellMeta.includes(name)) {
    ctx.run.runCode({ kind: 'text', text: rest, from: line }, 'shell', ctx, how);
    return;
  }
  const piped = rules.pipeMeta?.includes(name) === true;
  if (piped && rest.startsWith('|')) {
    // The query output is the command's stdin: `\g |sh` runs what the query prints.
    runShellWithInput({ kind: 'text', text: rest.slice(1), from: line }, { ...ctx, input: { kind: 'generated', from: line } }, how);
  } else {
    // psql reads more meta-commands on the same line (`\x \! CMD`).
    const next = name.startsWith('\\') ? metaStart(rest, false) : -1;
    if (next >= 0) assessMeta(rest.slice(next), ctx, how);
    const argument = next >= 0 ? rest.slice(0, next).trim() : rest;
    if (piped && argument !== '') report(ctx, 'writes', 'rule', how, `${name} ${argument}: writes the output to a file`);
  }
  const rule = Object.hasOwn(rules.meta, name) ? rules.meta[name] : undefined;
  if (rule) report(ctx, rule.level, 'rule', how, `${name}: ${rule.why}`);
  else report(ctx, 'writes', 'unknown', how, `${name}: a client command nl-sh does not know`);
}

// Where a psql backslash command starts in a line (outside quotes), or -1; with `dot`, 0 for a
// line that is a sqlite dot command.
function metaStart(line: string, dot: boolean): number {
  if (dot && /^\.[a-zA-Z]/.test(line)) return 0;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote !== '') quote = c === quote ? '' : quote;
    else if (c === "'" || c === '"') quote = c;
    else if (c === '\\' && /[a-zA-Z!]/.test(line[i + 1] ?? '')) return i;
  }
  return -1;
}

// String literals the statements run as shell commands (`COPY … PROGRAM 'CMD'`, `edit(x, 'EDITOR')`).
function runShellStrings(text: string, ctx: Ctx, how: string): void {
  for (const source of ctx.env.rules.table.sql.shellStrings ?? []) {
    const re = new RegExp(ctx.env.rules.regex(source).source, 'gi');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0] === '') re.lastIndex++;
      const literal = m[1] ?? '';
      const command = literal.startsWith("'") ? literal.slice(1, -1).replace(/''/g, "'") : literal;
      ctx.run.runCode({ kind: 'text', text: command, from: m[0] }, 'shell', ctx, how);
    }
  }
}

/** Remove string literals, quoted identifiers' contents, dollar-quoted bodies and comments. */
function stripLiterals(sql: string): string {
  return sql
    .replace(/\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g, "''")
    .replace(/'(?:[^'\\]|\\.|'')*'/g, "''")
    .replace(/"(?:[^"\\]|\\.|"")*"/g, 'x')
    .replace(/`[^`]*`/g, 'x')
    .replace(/--[^\n]*|#[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ');
}

function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function isUnscoped(statement: string): boolean {
  const where = /\bWHERE\b([\s\S]*)$/i.exec(statement);
  if (!where) return true;
  const condition = (where[1] ?? '').trim().replace(/(?<!\s)\s+(RETURNING|ORDER|LIMIT)\b[\s\S]*$/i, ''); // (?<!\s): linear on long runs of spaces
  return /^(1\s*=\s*1|true|1|''\s*=\s*''|(\w+)\s*=\s*\2|\w+\s+IS\s+NOT\s+NULL\s+OR\s+\w+\s+IS\s+NULL)$/i.test(condition);
}

function clipStatement(statement: string): string {
  const one = statement.replace(/\s+/g, ' ').trim();
  return one.length > 40 ? `${one.slice(0, 39)}…` : one;
}

/** Judge redis-cli commands, one per line. */
export function assessRedisText(text: string, ctx: Ctx, how: string): void {
  const rules = ctx.env.rules.table.redis;
  for (const line of text.split('\n')) {
    const command = (line.trim().match(/^"?([A-Za-z_-]+)/)?.[1] ?? '').toUpperCase();
    if (command === '') continue;
    const two = `${command} ${(line.trim().split(/\s+/)[1] ?? '').toUpperCase()}`;
    const rule = rules.commands[two] ?? rules.commands[command] ?? rules.other;
    report(ctx, rule.level, rule === rules.other ? 'unknown' : 'rule', how, `${command}: ${rule.why}`);
  }
}

/** Judge MongoDB shell code by its patterns. */
export function assessMongoText(text: string, ctx: Ctx, how: string): void {
  let matched = false;
  for (const p of ctx.env.rules.table.mongo) {
    if (new RegExp(p.match, 'm').test(text)) {
      report(ctx, p.level, 'rule', how, p.why);
      matched = true;
    }
  }
  if (!matched) report(ctx, 'writes', 'unknown', how, 'MongoDB code nl-sh cannot judge');
}
