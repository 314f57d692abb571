// The schema check for a rules table, hand-rolled: every field's type, every level, every
// regular expression compiles, every analyzer exists. Problems are listed with the path of the
// field, e.g. `commands.git.subcommands.push.flags[0].level: expected a level, found "danger"`.

import { isLevel, levels } from '../../level.js';
import { analyzerNames, type RuleTable } from './rule-types.js';

const languages = ['shell', 'python', 'node', 'perl', 'ruby', 'php', 'awk', 'sed', 'lua', 'sql', 'redis', 'mongo', 'opaque'];
const pureReaders = ['python', 'node', 'perl', 'effects'];
const emitKinds = ['fetched', 'decoded', 'literal', 'files', 'shell-setup', 'passthrough'];
const ruleKeys = ['level', 'why', 'options', 'noArgs', 'flags', 'args', 'targets', 'subcommands', 'subcommandSearch', 'subcommandOption', 'otherSubcommands', 'wraps', 'analyzer', 'code', 'emits', 'projectCode'];

type Problems = string[];

/** Check a table; returns one line per problem (empty when the table is valid). */
export function validateRules(table: unknown): string[] {
  const problems: Problems = [];
  if (!isObject(table)) return ['(table): expected an object'];
  const t = table as Partial<RuleTable> & Record<string, unknown>;
  const commands = t.commands;
  if (!isObject(commands)) problems.push('commands: expected an object');
  else {
    const seen = new Set<unknown>();
    for (const [name, rule] of Object.entries(commands)) checkRule(rule, `commands.${name}`, problems, seen, commands);
  }
  checkArray(t.nameAliases, 'nameAliases', problems, (a, p) => {
    if (!isObject(a)) return void problems.push(`${p}: expected an object`);
    checkRegex(a.match, `${p}.match`, problems);
    checkString(a.name, `${p}.name`, problems);
  });
  checkPaths(t.paths, problems);
  if (!isObject(t.languages)) problems.push('languages: expected an object');
  else for (const [name, lang] of Object.entries(t.languages)) checkLanguage(lang, `languages.${name}`, problems, isObject(commands) ? commands : {});
  checkSql(t.sql, problems);
  if (!isObject(t.redis)) problems.push('redis: expected an object');
  else {
    if (!isObject(t.redis.commands)) problems.push('redis.commands: expected an object');
    else for (const [k, v] of Object.entries(t.redis.commands)) checkLevelWhy(v, `redis.commands.${k}`, problems);
    checkLevelWhy(t.redis.other, 'redis.other', problems);
  }
  checkArray(t.mongo, 'mongo', problems, (p, path) => checkPattern(p, path, problems));
  checkArray(t.opaque, 'opaque', problems, (p, path) => checkPattern(p, path, problems));
  if (!isObject(t.variables)) problems.push('variables: expected an object');
  else {
    for (const key of ['code', 'lookup', 'inject']) checkStrings(t.variables[key], `variables.${key}`, problems, false);
    for (const key of ['commands', 'loadPath', 'commandPatterns', 'settings', 'files', 'clearsHistory']) if (t.variables[key] !== undefined) checkStrings(t.variables[key], `variables.${key}`, problems, false);
    checkArray(t.variables.commandPatterns, 'variables.commandPatterns', problems, (re, p) => checkRegex(re, p, problems));
  }
  return problems;
}

function checkRule(rule: unknown, path: string, problems: Problems, seen: Set<unknown>, commands: Record<string, unknown>): void {
  if (!isObject(rule)) return void problems.push(`${path}: expected a rule object, found ${show(rule)}`);
  if (seen.has(rule)) return;
  seen.add(rule);
  for (const key of Object.keys(rule)) if (!ruleKeys.includes(key)) problems.push(`${path}.${key}: not a rule field (expected one of ${ruleKeys.join(', ')})`);
  checkLevelWhy(rule, path, problems);
  if (rule.options !== undefined) {
    const o = rule.options;
    if (!isObject(o)) problems.push(`${path}.options: expected an object`);
    else {
      checkFlagList(o.withValue, `${path}.options.withValue`, problems, true);
      checkFlagList(o.attachedOnly, `${path}.options.attachedOnly`, problems, true);
      checkFlagList(o.longShort, `${path}.options.longShort`, problems, true);
      for (const b of ['singleDashLong', 'firstArgFlags', 'stopAtPositional']) if (o[b] !== undefined && typeof o[b] !== 'boolean') problems.push(`${path}.options.${b}: expected true or false, found ${show(o[b])}`);
    }
  }
  if (rule.noArgs !== undefined) checkLevelWhy(rule.noArgs, `${path}.noArgs`, problems);
  if (rule.otherSubcommands !== undefined) checkRule(rule.otherSubcommands, `${path}.otherSubcommands`, problems, seen, commands);
  checkArray(rule.flags, `${path}.flags`, problems, (f, p) => {
    if (!isObject(f)) return void problems.push(`${p}: expected an object`);
    checkLevelWhy(f, p, problems);
    checkFlagList(f.flags, `${p}.flags`, problems, false, true);
    checkFlagList(f.with, `${p}.with`, problems, true, true);
    checkFlagList(f.without, `${p}.without`, problems, true, true);
    if (f.values !== undefined) checkStrings(f.values, `${p}.values`, problems, true);
    if (f.valueMatch !== undefined) checkRegex(f.valueMatch, `${p}.valueMatch`, problems);
    if (f.effect !== undefined && !['raise', 'set', 'always'].includes(f.effect as string)) problems.push(`${p}.effect: expected "raise", "set" or "always", found ${show(f.effect)}`);
    if (f.absent !== undefined && typeof f.absent !== 'boolean') problems.push(`${p}.absent: expected true or false, found ${show(f.absent)}`);
    if (f.dryRun !== undefined && typeof f.dryRun !== 'boolean') problems.push(`${p}.dryRun: expected true or false, found ${show(f.dryRun)}`);
    if (f.runs !== undefined && typeof f.runs !== 'boolean') problems.push(`${p}.runs: expected true or false, found ${show(f.runs)}`);
    if (f.fedOutput !== undefined && (f.fedOutput !== true || f.runs !== true)) problems.push(`${p}.fedOutput: expected true, with runs, found ${show(f.fedOutput)}`);
  }, true);
  checkArray(rule.args, `${path}.args`, problems, (a, p) => {
    if (!isObject(a)) return void problems.push(`${p}: expected an object`);
    checkLevelWhy(a, p, problems);
    if ((a.match === undefined) === (a.runtime === undefined)) problems.push(`${p}: give exactly one of match and runtime`);
    if (a.match !== undefined) checkRegex(a.match, `${p}.match`, problems);
    if (a.runtime !== undefined && a.runtime !== true) problems.push(`${p}.runtime: expected true, found ${show(a.runtime)}`);
    if (a.position !== undefined && !(Number.isInteger(a.position) && (a.position as number) >= 0)) problems.push(`${p}.position: expected a whole number ≥ 0, found ${show(a.position)}`);
    if (Array.isArray(a.options) && a.options.includes('*')) checkFlagList(a.options.filter((o) => o !== '*'), `${p}.options`, problems, true);
    else checkFlagList(a.options, `${p}.options`, problems, true);
    if (a.effect !== undefined && !['raise', 'set', 'always'].includes(a.effect as string)) problems.push(`${p}.effect: expected "raise", "set" or "always", found ${show(a.effect)}`);
    if (a.runs !== undefined && (!['rest', 'next', 'ext-url', 'balanced'].includes(a.runs as string) || a.match === undefined)) problems.push(`${p}.runs: expected "rest", "next", "ext-url" or "balanced" with a match, found ${show(a.runs)}`);
    if (a.command !== undefined && (typeof a.command !== 'string' || a.command === '' || a.runs === undefined)) problems.push(`${p}.command: expected a command name with runs, found ${show(a.command)}`);
  }, true);
  if (rule.targets !== undefined) {
    const t = rule.targets;
    if (!isObject(t)) problems.push(`${path}.targets: expected an object`);
    else {
      if (t.positionals !== undefined && !['all', 'last', 'all-but-first', 'none'].includes(t.positionals as string)) problems.push(`${path}.targets.positionals: expected all, last, all-but-first or none, found ${show(t.positionals)}`);
      checkFlagList(t.options, `${path}.targets.options`, problems, true);
      checkFlagList(t.whenFlags, `${path}.targets.whenFlags`, problems, true);
      checkFlagList(t.keyOptions, `${path}.targets.keyOptions`, problems, true);
      if (t.keys !== undefined) checkStrings(t.keys, `${path}.targets.keys`, problems, false);
      if (t.onExisting !== undefined) {
        checkLevelWhy(t.onExisting, `${path}.targets.onExisting`, problems);
        if (isObject(t.onExisting)) checkFlagList(t.onExisting.unlessFlags, `${path}.targets.onExisting.unlessFlags`, problems, true, true);
        if (isObject(t.onExisting)) checkFlagList(t.onExisting.requireFlags, `${path}.targets.onExisting.requireFlags`, problems, true, true);
      }
    }
  }
  if (rule.subcommands !== undefined) {
    if (!isObject(rule.subcommands)) problems.push(`${path}.subcommands: expected an object`);
    else for (const [k, sub] of Object.entries(rule.subcommands)) {
      if (k === '') problems.push(`${path}.subcommands: a key is empty`);
      checkRule(sub, `${path}.subcommands.${k}`, problems, seen, commands);
    }
  }
  if (rule.subcommandOption !== undefined) checkFlagList([rule.subcommandOption], `${path}.subcommandOption`, problems, false);
  if (rule.subcommandSearch !== undefined && rule.subcommandSearch !== 'first' && rule.subcommandSearch !== 'any') problems.push(`${path}.subcommandSearch: expected "first" or "any", found ${show(rule.subcommandSearch)}`);
  if (rule.wraps !== undefined) {
    const w = rule.wraps;
    if (!isObject(w)) problems.push(`${path}.wraps: expected an object`);
    else {
      if (!['rest', 'rest-as-shell', 'option-only'].includes(w.inner as string)) problems.push(`${path}.wraps.inner: expected rest, rest-as-shell or option-only, found ${show(w.inner)}`);
      if (w.skip !== undefined && !(Number.isInteger(w.skip) && (w.skip as number) >= 0)) problems.push(`${path}.wraps.skip: expected a whole number ≥ 0, found ${show(w.skip)}`);
      if (w.assignments !== undefined && typeof w.assignments !== 'boolean') problems.push(`${path}.wraps.assignments: expected true or false`);
      if (w.stdinCode !== undefined && typeof w.stdinCode !== 'boolean') problems.push(`${path}.wraps.stdinCode: expected true or false`);
      checkFlagList(w.commandOptions, `${path}.wraps.commandOptions`, problems, true);
      checkFlagList(w.noRunFlags, `${path}.wraps.noRunFlags`, problems, true);
      if (w.separator !== undefined && ![w.separator].flat().every((s) => typeof s === 'string' && s !== '')) problems.push(`${path}.wraps.separator: expected a word such as -- or a list of words`);
      if (w.bare !== undefined) checkLevelWhy(w.bare, `${path}.wraps.bare`, problems);
    }
  }
  if (rule.analyzer !== undefined && !(analyzerNames as readonly string[]).includes(rule.analyzer as string)) problems.push(`${path}.analyzer: expected one of ${analyzerNames.join(', ')}, found ${show(rule.analyzer)}`);
  if (rule.analyzer === 'code' && rule.code === undefined) problems.push(`${path}.code: required by the code analyzer`);
  if (rule.code !== undefined) {
    const c = rule.code;
    if (!isObject(c)) problems.push(`${path}.code: expected an object`);
    else {
      if (!languages.includes(c.language as string)) problems.push(`${path}.code.language: expected one of ${languages.join(', ')}, found ${show(c.language)}`);
      checkFlagList(c.options, `${path}.code.options`, problems, true);
      checkFlagList(c.fileOptions, `${path}.code.fileOptions`, problems, true);
      if (c.optionsOnly !== undefined && c.optionsOnly !== true) problems.push(`${path}.code.optionsOnly: expected true, found ${show(c.optionsOnly)}`);
      if (c.positionalsFrom !== undefined && !(Number.isInteger(c.positionalsFrom) && (c.positionalsFrom as number) >= 0)) problems.push(`${path}.code.positionalsFrom: expected a whole number ≥ 0`);
      if (c.prefixed !== undefined && (typeof c.prefixed !== 'string' || c.prefixed === '')) problems.push(`${path}.code.prefixed: expected a regular expression such as ^\\+, found ${show(c.prefixed)}`);
      if (c.inputRuns !== undefined) checkRegex(c.inputRuns, `${path}.code.inputRuns`, problems);
      for (const b of ['script', 'program']) if (c[b] !== undefined && typeof c[b] !== 'boolean') problems.push(`${path}.code.${b}: expected true or false`);
      for (const k of ['module', 'inPlace']) if (c[k] !== undefined && (typeof c[k] !== 'string' || !(c[k] as string).startsWith('-'))) problems.push(`${path}.code.${k}: expected an option such as -m, found ${show(c[k])}`);
    }
  }
  if (rule.emits !== undefined && !emitKinds.includes(rule.emits as string)) problems.push(`${path}.emits: expected one of ${emitKinds.join(', ')}, found ${show(rule.emits)}`);
}

function checkPaths(paths: unknown, problems: Problems): void {
  if (!isObject(paths)) return void problems.push('paths: expected an object');
  for (const key of ['systemPrefixes', 'devicePatterns', 'discardTargets', 'binDirs', 'wellKnownFiles', 'startupFiles', 'templateMarkers']) checkStrings(paths[key], `paths.${key}`, problems, false);
  if (Array.isArray(paths.systemPrefixes)) for (const [i, p] of paths.systemPrefixes.entries()) if (typeof p === 'string' && (!p.startsWith('/') || p.endsWith('/'))) problems.push(`paths.systemPrefixes[${i}]: expected an absolute path without a trailing slash, found ${show(p)}`);
  if (Array.isArray(paths.devicePatterns)) for (const [i, p] of paths.devicePatterns.entries()) checkRegex(p, `paths.devicePatterns[${i}]`, problems);
}

function checkPure(pure: unknown, path: string, problems: Problems): void {
  if (!isObject(pure)) return void problems.push(`${path}: expected an object`);
  if (!pureReaders.includes(pure.reader as string)) problems.push(`${path}.reader: expected one of ${pureReaders.join(', ')}, found ${show(pure.reader)}`);
  for (const key of ['names', 'modules', 'paths', 'methods']) if (pure[key] !== undefined) checkStrings(pure[key], `${path}.${key}`, problems, false);
}

function checkLanguage(lang: unknown, path: string, problems: Problems, commands: Record<string, unknown>): void {
  if (!isObject(lang)) return void problems.push(`${path}: expected an object`);
  checkArray(lang.patterns, `${path}.patterns`, problems, (p, pp) => checkPattern(p, pp, problems));
  checkArray(lang.shellCalls, `${path}.shellCalls`, problems, (re, p) => {
    checkRegex(re, p, problems);
    if (typeof re === 'string' && !/\((?!\?)/.test(re)) problems.push(`${p}: expected a capture group`);
  });
  if (lang.effects !== undefined) checkArray(lang.effects, `${path}.effects`, problems, (re, p) => checkRegex(re, p, problems));
  if (lang.pure !== undefined) checkPure(lang.pure, `${path}.pure`, problems);
  if (lang.modules !== undefined) {
    if (!isObject(lang.modules)) problems.push(`${path}.modules: expected an object`);
    else for (const [name, m] of Object.entries(lang.modules)) {
      if (isObject(m) && 'use' in m) {
        if (typeof m.use !== 'string' || !Object.hasOwn(commands, m.use)) problems.push(`${path}.modules.${name}.use: expected a command in the table, found ${show(m.use)}`);
      } else checkRule(m, `${path}.modules.${name}`, problems, new Set(), commands);
    }
  }
}

function checkSql(sql: unknown, problems: Problems): void {
  if (!isObject(sql)) return void problems.push('sql: expected an object');
  if (!isObject(sql.statements)) problems.push('sql.statements: expected an object');
  else for (const [k, s] of Object.entries(sql.statements)) {
    if (k !== k.toUpperCase()) problems.push(`sql.statements.${k}: keys are upper case`);
    checkLevelWhy(s, `sql.statements.${k}`, problems);
    if (isObject(s)) {
      if (s.unscoped !== undefined) checkLevelWhy(s.unscoped, `sql.statements.${k}.unscoped`, problems);
      checkArray(s.contains, `sql.statements.${k}.contains`, problems, (p, pp) => checkPattern(p, pp, problems), true);
    }
  }
  if (!isObject(sql.meta)) problems.push('sql.meta: expected an object');
  else for (const [k, m] of Object.entries(sql.meta)) checkLevelWhy(m, `sql.meta.${k}`, problems);
  checkStrings(sql.shellMeta, 'sql.shellMeta', problems, false);
  if (sql.shellCommands !== undefined) checkStrings(sql.shellCommands, 'sql.shellCommands', problems, false);
  if (sql.pipeMeta !== undefined) checkStrings(sql.pipeMeta, 'sql.pipeMeta', problems, false);
  if (sql.shellStrings !== undefined) {
    checkStrings(sql.shellStrings, 'sql.shellStrings', problems, false);
    if (Array.isArray(sql.shellStrings)) for (const [i, r] of sql.shellStrings.entries()) checkRegex(r, `sql.shellStrings[${i}]`, problems);
  }
}

function checkPattern(p: unknown, path: string, problems: Problems): void {
  if (!isObject(p)) return void problems.push(`${path}: expected an object`);
  checkLevelWhy(p, path, problems);
  checkRegex(p.match, `${path}.match`, problems);
}

function checkLevelWhy(value: unknown, path: string, problems: Problems): void {
  if (!isObject(value)) return void problems.push(`${path}: expected an object with level and why`);
  if (!isLevel(value.level)) problems.push(`${path}.level: expected one of ${levels.join(', ')}, found ${show(value.level)}`);
  if (typeof value.why !== 'string' || value.why.trim() === '') problems.push(`${path}.why: expected a non-empty explanation, found ${show(value.why)}`);
}

function checkFlagList(value: unknown, path: string, problems: Problems, optional: boolean, allowEnd = false): void {
  if (value === undefined) {
    if (!optional) problems.push(`${path}: required`);
    return;
  }
  if (!Array.isArray(value) || (value.length === 0 && !optional)) return void problems.push(`${path}: expected a non-empty list of options`);
  for (const [i, f] of value.entries()) {
    if (typeof f !== 'string' || !/^[-+]/.test(f) || (f === '--' && !allowEnd)) problems.push(`${path}[${i}]: expected an option starting with - or +, found ${show(f)}`);
  }
}

function checkStrings(value: unknown, path: string, problems: Problems, nonEmpty: boolean): void {
  if (!Array.isArray(value)) return void problems.push(`${path}: expected a list of strings, found ${show(value)}`);
  if (nonEmpty && value.length === 0) problems.push(`${path}: an empty list never matches; leave the field out instead`);
  for (const [i, s] of value.entries()) if (typeof s !== 'string') problems.push(`${path}[${i}]: expected a string, found ${show(s)}`);
}

function checkString(value: unknown, path: string, problems: Problems): void {
  if (typeof value !== 'string' || value === '') problems.push(`${path}: expected a non-empty string, found ${show(value)}`);
}

function checkRegex(value: unknown, path: string, problems: Problems): void {
  if (typeof value !== 'string') return void problems.push(`${path}: expected a regular expression, found ${show(value)}`);
  try {
    new RegExp(value);
  } catch (err) {
    problems.push(`${path}: ${(err as Error).message}`);
  }
}

function checkArray(value: unknown, path: string, problems: Problems, each: (item: unknown, path: string) => void, optional = false): void {
  if (value === undefined && optional) return;
  if (!Array.isArray(value)) return void problems.push(`${path}: expected a list, found ${show(value)}`);
  value.forEach((item, i) => each(item, `${path}[${i}]`));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
