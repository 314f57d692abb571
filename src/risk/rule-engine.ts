// Judging one command against its rule: find the subcommand, read flags and positionals, then
// `always` rules, `set` rules (dry runs, help: they decide alone), `raise` rules and the default
// level, targets, the wrapped command and the rule's analyzer (docs/risk-rules.md has the
// order). Every finding names the command text responsible.

import { analyzers } from './analyzers/index.js';
import { findFlag, hasFlag, parseArgv, type ParsedArgs } from './argv.js';
import type { Content } from './content.js';
import { emitContent } from './emit.js';
import { maxLevel, compareLevels, type Level } from '../level.js';
import type { ArgRule, ArgvOptions, CommandRule, FlagRule, LevelWhy } from './rules/rule-types.js';
import { runArgCommands, runFlagCommands } from './option-commands.js';
import { runShellWithInput } from './shell-input.js';
import { assessTargets } from './targets.js';
import { report, type Ctx } from './walk-context.js';
import { wordToContent } from './word-content.js';
import { assessAssignment } from './variables.js';
import { literalWord, type Word } from './words.js';

interface Inherited {
  options: ArgvOptions;
  flagRules: FlagRule[];
  flags: Map<string, string[]>;
}

const noInheritance: Inherited = { options: {}, flagRules: [], flags: new Map() };

/** Judge `args` of the command `name` by `rule`; returns what the command writes to stdout. */
export function applyRule(name: string, rule: CommandRule, args: readonly Word[], ctx: Ctx, inherited: Inherited = noInheritance): Content {
  if (rule.projectCode && ctx.scope.fetchedTree.value) report(ctx, 'network_exec', 'rule', ctx.span, `${name} runs the project's code, fetched from the network earlier in this line`);
  if (args.length === 0 && rule.noArgs) {
    report(ctx, rule.noArgs.level, 'rule', ctx.span, rule.noArgs.why);
    return emitContent(rule, name, [], undefined, ctx);
  }
  const options = mergeOptions(inherited.options, rule.options);
  const flagRules = rule.flags ? [...inherited.flagRules, ...rule.flags] : inherited.flagRules;
  if (rule.subcommands && rule.subcommandOption) {
    const parsed = parseArgv(args, options);
    const verb = parsed.valueWords.get(rule.subcommandOption)?.[0];
    const flags = mergeFlags(inherited.flags, parsed.flags);
    if (!verb) return judge(name, rule, args, { ...parsed, flags }, ctx, flagRules);
    // `screen -X stuff TEXT`: the option's value is the verb, the words after the options its arguments.
    return applySubcommand(name, rule, [verb, ...(parsed.rest.length > 0 ? parsed.rest : parsed.positionals)], ctx, { options, flagRules, flags });
  }
  if (rule.subcommands) {
    const head = parseArgv(args, { ...options, stopAtPositional: true });
    const flags = mergeFlags(inherited.flags, head.flags);
    const next: Inherited = { options, flagRules, flags };
    if (head.rest.length > 0) return applySubcommand(name, rule, head.rest, ctx, next);
    // No subcommand: judge the command itself with the options given.
    return judge(name, rule, args, { ...head, flags }, ctx, flagRules);
  }
  const parsed = parseArgv(args, options);
  return judge(name, rule, args, { ...parsed, flags: mergeFlags(inherited.flags, parsed.flags) }, ctx, flagRules);
}

function applySubcommand(name: string, rule: CommandRule, rest: Word[], ctx: Ctx, inherited: Inherited): Content {
  const rules = ctx.env.rules;
  const search = rule.subcommandSearch ?? 'first';
  const candidates = search === 'first' ? rest.slice(0, 1) : rest.filter((w) => w.value === undefined || !w.value.startsWith('-'));
  for (const word of candidates) {
    if (word.value === undefined) {
      const worst = worstLevel(rule);
      report(ctx, worst, 'dynamic', ctx.span, `the ${name} subcommand is only known at run time; the most severe one is ${worst}`);
      return { kind: 'generated', from: ctx.span };
    }
    const sub = rules.subcommand(rule, word.value);
    if (sub) return applyRule(`${name} ${word.value}`, sub, rest.slice(rest.indexOf(word) + 1), ctx, inherited);
  }
  const first = rest[0]?.value ?? '';
  // Not in the table: `otherSubcommands` if given, else unknown at the command's own level (at least writes).
  const fallback: CommandRule = rule.otherSubcommands ?? { level: maxLevel(rule.level, 'writes'), why: `\`${name} ${first}\` is not a subcommand nl-sh knows; it may change anything` };
  const rest1 = rest.slice(1);
  const parsed = parseArgv(rest1, inherited.options);
  return judge(`${name} ${first}`, fallback, rest1, { ...parsed, flags: mergeFlags(inherited.flags, parsed.flags) }, ctx, inherited.flagRules, rule.otherSubcommands ? 'rule' : 'unknown');
}

function judge(name: string, rule: CommandRule, args: readonly Word[], parsed: ParsedArgs, ctx: Ctx, flagRules: FlagRule[], kind: 'rule' | 'unknown' = 'rule'): Content {
  // A program that only runs commands its options name (`git rebase -x`) still only prints help.
  if ((!rule.wraps || rule.wraps.inner === 'option-only') && !rule.analyzer && (parsed.flags.has('--help') || parsed.flags.has('--version'))) {
    report(ctx, 'read_only', 'rule', ctx.span, `${parsed.flags.has('--help') ? '--help' : '--version'} only prints information`);
    return { kind: 'generated', from: ctx.span };
  }
  const start = ctx.env.findings.length;
  let raised: Level = rule.level;
  // `always` rules first: options that run other programs count even in a dry run.
  raised = applyRaises(rule, parsed, ctx, flagRules, 'always', raised);
  // `set` rules decide the command's own level alone (a dry run, a help request). A wrapper
  // honours only its own set rules, and its wrapped command is still judged.
  const setRules = rule.wraps ? (rule.flags ?? []) : flagRules;
  const setHit = findSet(setRules, rule.args ?? [], parsed, ctx);
  if (setHit && !overridesSet(setHit.rule, flagRules, parsed, ctx)) {
    report(ctx, setHit.level, 'rule', ctx.span, setHit.why);
    const output = rule.wraps ? runWrapped(name, rule, args, parsed, ctx) : undefined;
    // A mode that reads (`vim -R`) still runs the code its options give (`-c '!CMD'`).
    if (rule.analyzer === 'code' && !('dryRun' in setHit.rule && setHit.rule.dryRun)) analyzers.code({ name, rule, args, parsed, ctx, level: setHit.level });
    return output ?? emitContent(rule, name, args, parsed, ctx);
  }
  raised = applyRaises(rule, parsed, ctx, flagRules, 'raise', raised);
  // The default reason, unless a more severe rule above already explains the command.
  const withDefault = compareLevels(raised, rule.level) === 0 && (!rule.wraps || compareLevels(rule.level, 'read_only') > 0);
  const defaultReason = { level: rule.level, kind, part: ctx.span, why: rule.why };
  if (withDefault) ctx.env.findings.splice(start, 0, defaultReason);
  if (rule.targets && (!rule.targets.whenFlags || hasFlag(parsed, rule.targets.whenFlags))) assessTargets(rule.targets, parsed, ctx, raised);
  let output: Content | undefined;
  if (rule.wraps) output = runWrapped(name, rule, args, parsed, ctx);
  if (rule.analyzer) {
    const before = ctx.env.findings.length;
    output = analyzers[rule.analyzer]({ name, rule, args, parsed, ctx, level: raised }) ?? output;
    // A read-only runner (sh, find, xargs) is explained by what it runs, not by its default.
    if (withDefault && rule.level === 'read_only' && ctx.env.findings.length > before) ctx.env.findings.splice(ctx.env.findings.indexOf(defaultReason), 1);
  }
  return output ?? emitContent(rule, name, args, parsed, ctx);
}

function applyRaises(rule: CommandRule, parsed: ParsedArgs, ctx: Ctx, flagRules: FlagRule[], effect: 'raise' | 'always', level: Level): Level {
  let raised = level;
  for (const r of flagRules) {
    if ((r.effect ?? 'raise') !== effect) continue;
    const hit = matchFlagRule(r, parsed, true, ctx);
    if (hit) {
      report(ctx, r.level, 'rule', ctx.span, `${hit}: ${r.why}`);
      raised = maxLevel(raised, r.level);
      if (r.runs) runFlagCommands(r, findFlag(parsed, r.flags)?.name ?? '', parsed, ctx);
    }
  }
  for (const r of rule.args ?? []) {
    if ((r.effect ?? 'raise') !== effect) continue;
    const hit = matchArgRule(r, parsed, ctx);
    if (hit !== undefined) {
      report(ctx, r.level, 'rule', ctx.span, `${hit}: ${r.why}`);
      raised = maxLevel(raised, r.level);
      if (r.runs) runArgCommands(r, parsed, ctx);
    }
  }
  return raised;
}

/**
 * Whether a destructive or privileged raise rule beats a set rule that is not a dry run: a mode
 * (list, verify) does not stop another flag of the same command from acting
 * (`gpg --verify s --delete-secret-and-public-key K`); a dry run stops them all.
 */
function overridesSet(set: FlagRule | ArgRule, flagRules: readonly FlagRule[], parsed: ParsedArgs, ctx: Ctx): boolean {
  if ('dryRun' in set && set.dryRun) return false;
  return flagRules.some((r) => (r.effect ?? 'raise') === 'raise' && compareLevels(r.level, 'destructive') >= 0 && compareLevels(r.level, set.level) > 0 && matchFlagRule(r, parsed, false, ctx) !== undefined);
}

function findSet(flagRules: readonly FlagRule[], argRules: readonly ArgRule[], parsed: ParsedArgs, ctx: Ctx): (LevelWhy & { rule: FlagRule | ArgRule }) | undefined {
  for (const r of flagRules) {
    if (r.effect !== 'set') continue;
    const hit = matchFlagRule(r, parsed, false, ctx);
    if (hit) return { level: r.level, why: `${hit}: ${r.why}`, rule: r };
  }
  for (const r of argRules) {
    if (r.effect !== 'set') continue;
    if (matchArgRule(r, parsed, ctx) !== undefined) return { level: r.level, why: r.why, rule: r };
  }
  return undefined;
}

function runWrapped(name: string, rule: CommandRule, args: readonly Word[], parsed: ParsedArgs, ctx: Ctx): Content | undefined {
  const wraps = rule.wraps;
  if (!wraps) return undefined;
  if (wraps.noRunFlags && hasFlag(parsed, wraps.noRunFlags, false)) return undefined;
  let ran = false;
  for (const option of wraps.commandOptions ?? []) {
    for (const word of parsed.valueWords.get(option) ?? []) {
      runShellWithInput(wordToContent(word, ctx), ctx, `${name} ${option}`);
      ran = true;
    }
  }
  let words = wraps.inner === 'option-only' ? [] : parsed.rest.length > 0 ? parsed.rest : parsed.positionals;
  const separators = wraps.separator === undefined ? [] : [wraps.separator].flat();
  const at = args.findIndex((w) => w.value !== undefined && separators.includes(w.value));
  let inner = ctx;
  if (wraps.assignments) {
    inner = { ...ctx, scope: { ...ctx.scope } };
    // `NAME=value`, and `BASH_FUNC_NAME%%=() {...}` (a function exported to the bash it starts).
    for (let m = /^([A-Za-z_][A-Za-z0-9_]*(?:%%)?)=(.*)$/s.exec(words[0]?.value ?? ''); m; m = /^([A-Za-z_][A-Za-z0-9_]*(?:%%)?)=(.*)$/s.exec(words[0]?.value ?? '')) {
      assessAssignment(m[1] as string, literalWord(m[2] as string), inner, true);
      words = words.slice(1);
    }
  }
  words = at >= 0 ? args.slice(at + 1) : words.slice(wraps.skip ?? 0);
  if (words[0]?.value === '--') words = words.slice(1);
  // A command option may follow the skipped positionals (`flock FILE -c CMD`).
  const option = words[0]?.value;
  if (option !== undefined && (wraps.commandOptions ?? []).includes(option) && words[1]) {
    runShellWithInput(wordToContent(words[1], ctx), ctx, `${name} ${option}`);
    return { kind: 'generated', from: ctx.span };
  }
  if (words.length === 0) {
    if (!ran && wraps.stdinCode && ctx.input.kind !== 'none') {
      ctx.run.runCode(ctx.input, 'shell', ctx, `${name} (runs its input as commands)`);
      return { kind: 'generated', from: ctx.span };
    }
    if (!ran && wraps.bare) report(ctx, wraps.bare.level, 'rule', ctx.span, wraps.bare.why);
    return ran ? { kind: 'generated', from: ctx.span } : undefined;
  }
  const innerCtx = { ...inner, span: words.map((w) => w.text).join(' ') };
  if (wraps.inner === 'rest-as-shell') {
    const code = words.map((w) => w.code).join(' ');
    const fetched = words.flatMap((w) => w.outputs).find((o) => o.kind === 'fetched');
    runShellWithInput(fetched ?? { kind: 'text', text: code, from: innerCtx.span }, innerCtx, name);
    return { kind: 'generated', from: ctx.span };
  }
  return ctx.run.runArgv(words, innerCtx);
}

/** The flag text that triggered a rule, or undefined. `set` rules never match abbreviations. */
function matchFlagRule(r: FlagRule, parsed: ParsedArgs, abbreviations: boolean, ctx: Ctx): string | undefined {
  if (r.absent) return hasFlag(parsed, r.flags, false) ? undefined : `without ${r.flags[0] ?? ''}`;
  const hit = findFlag(parsed, r.flags, abbreviations);
  if (!hit) return undefined;
  if (r.values) {
    const allowed = r.values.map((v) => v.toLowerCase());
    if (!hit.values.some((v) => allowed.includes(v.toLowerCase()))) return undefined;
  }
  if (r.valueMatch !== undefined) {
    const re = ctx.env.rules.regex(r.valueMatch);
    if (!hit.values.some((v) => re.test(v))) return undefined;
  }
  const also = r.with ? findFlag(parsed, r.with) : undefined;
  if (r.with && !also) return undefined;
  if (r.without && hasFlag(parsed, r.without, false)) return undefined;
  const value = hit.values.find((v) => v !== '');
  const shown = value !== undefined && (r.values || r.valueMatch !== undefined) ? `${hit.name} ${value}` : hit.name;
  return also ? `${shown} ${also.name}` : shown;
}

function matchArgRule(r: ArgRule, parsed: ParsedArgs, ctx: Ctx): string | undefined {
  const candidates = r.position === undefined ? parsed.positionals : parsed.positionals.slice(r.position, r.position + 1);
  if (r.runtime) return candidates.find((w) => w.value === undefined)?.text;
  const re = ctx.env.rules.regex(r.match ?? '(?!)');
  for (const word of candidates) if (word.value !== undefined && re.test(word.value)) return word.value;
  const options = r.options ?? [];
  for (const [option, values] of parsed.flags) if (options.includes(option) || options.includes('*')) for (const value of values) if (re.test(value)) return value;
  return undefined;
}

/** A subcommand's argv options on top of its parent's (values of both, the child's switches). */
export function mergeOptions(a: ArgvOptions, b: ArgvOptions | undefined): ArgvOptions {
  if (!b) return a;
  return {
    withValue: [...(a.withValue ?? []), ...(b.withValue ?? [])],
    attachedOnly: [...(a.attachedOnly ?? []), ...(b.attachedOnly ?? [])],
    longShort: [...(a.longShort ?? []), ...(b.longShort ?? [])],
    singleDashLong: b.singleDashLong ?? a.singleDashLong,
    firstArgFlags: b.firstArgFlags,
    stopAtPositional: b.stopAtPositional,
  };
}

function mergeFlags(a: Map<string, string[]>, b: Map<string, string[]>): Map<string, string[]> {
  if (a.size === 0) return b;
  const out = new Map(a);
  for (const [k, v] of b) out.set(k, [...(out.get(k) ?? []), ...v]);
  return out;
}

/** The most severe level anything under a rule can reach. */
function worstLevel(rule: CommandRule, seen = new Set<CommandRule>()): Level {
  if (seen.has(rule)) return rule.level;
  seen.add(rule);
  let worst = rule.level;
  for (const r of rule.flags ?? []) worst = maxLevel(worst, r.level);
  for (const r of rule.args ?? []) worst = maxLevel(worst, r.level);
  for (const sub of Object.values(rule.subcommands ?? {})) worst = maxLevel(worst, worstLevel(sub, seen));
  return worst;
}
