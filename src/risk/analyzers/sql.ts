// SQL, Redis and MongoDB code as database clients would run it: each statement judged by its
// first keyword (DROP, TRUNCATE and unscoped DELETE/UPDATE are destructive; SELECT reads; a
// scoped UPDATE writes), with string literals and comments removed first so that
// `WHERE query ILIKE '%drop table%'` stays a SELECT.

import { compareLevels, type Level } from '../../level.js';
import { report, type Ctx } from '../walk-context.js';

/** Judge SQL text (statements, psql `\` and sqlite `.` meta-commands). */
export function assessSqlText(text: string, ctx: Ctx, how: string): void {
  const rules = ctx.env.rules.table.sql;
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    const command = /^([a-zA-Z]+)\s+(.*)$/s.exec(trimmed);
    if (/^[\\.][a-zA-Z!]/.test(trimmed)) assessMeta(trimmed, ctx, how);
    else if (command && rules.shellCommands?.includes((command[1] ?? '').toLowerCase())) ctx.run.runCode({ kind: 'text', text: command[2] ?? '', from: trimmed }, 'shell', ctx, how);
    else lines.push(line);
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
    if (keyword === 'SELECT' && /\bINTO\s+(?!@)\w/i.test(statement) && !/\bINTO\s+OUTFILE\b/i.test(statement)) {
      level = 'writes';
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
  const rule = Object.hasOwn(rules.meta, name) ? rules.meta[name] : undefined;
  if (rule) report(ctx, rule.level, 'rule', how, `${name}: ${rule.why}`);
  else report(ctx, 'writes', 'unknown', how, `${name}: a client command nl-sh does not know`);
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
