// Extra rules (plugins' and the integrations' tool-fact rules, src/extra-rule.ts) matched where
// the walk judges one command, with the built-in rule's own argv parser and subcommand table, so
// `helm -n prod upgrade r c` runs verb `upgrade` and `sudo kubectl …` is kubectl. Where nl-sh
// cannot know which options take a value (no built-in rule, or no subcommand table), every
// positional word is tried as the verb: matching too often only asks, missing one would run.

import type { ExtraRule, FactCondition, FactTest } from '../extra-rule.js';
import { isProductionLike } from '../production-like.js';
import { parseArgv } from './argv.js';
import type { Reason } from './assessment.js';
import { mergeOptions } from './rule-engine.js';
import type { ArgvOptions, CommandRule } from './rules/rule-types.js';
import type { Ctx, ExtraRules } from './walk-context.js';
import type { Word } from './words.js';

const factTests: Readonly<Record<FactTest, (value: string) => boolean>> = { 'production-like': isProductionLike };

/** Extra rules indexed by program name, with the tool facts they test. */
export function indexExtraRules(rules: readonly ExtraRule[] = [], tools: Readonly<Record<string, string>> = {}): ExtraRules {
  const byProgram = new Map<string, ExtraRule[]>();
  for (const rule of rules) for (const program of new Set(rule.programs)) byProgram.set(program, [...(byProgram.get(program) ?? []), rule]);
  return { byProgram, tools };
}

/**
 * The reasons the extra rules give for one command: `names` are the program as typed (no
 * directory) and the built-in rule's name, `rule` that rule (undefined: unknown program), `args`
 * the words after the program.
 */
export function matchExtraRules(names: readonly string[], rule: CommandRule | undefined, args: readonly Word[], ctx: Ctx): Reason[] {
  const rules = new Set(names.flatMap((n) => ctx.env.extra.byProgram.get(n) ?? []));
  const reasons: Reason[] = [];
  for (const extra of rules) {
    if (hasDryRunWord(extra, args)) continue;
    const verb = matchingVerb(extra.verbs ?? [], rule, args, ctx);
    if (verb === undefined) continue;
    if (!extra.when) {
      reasons.push({ level: extra.level, kind: 'rule', part: ctx.span, why: extra.why });
      continue;
    }
    const source = riskyFact(extra.when.anyOf, factTests[extra.when.test] ?? (() => true), rule, args, ctx);
    const program = names[0] ?? '';
    if (source) reasons.push({ level: extra.level, kind: 'fact', part: ctx.span, why: `${verb ? `${program} ${verb}` : program} under ${source}, ${extra.why}` });
  }
  return reasons;
}

// The verb path run, for the reason (`''`: the rule has no verbs), or undefined when none is.
function matchingVerb(verbs: readonly string[], rule: CommandRule | undefined, args: readonly Word[], ctx: Ctx): string | undefined {
  if (verbs.length === 0) return '';
  let maybe: string | undefined;
  for (const verb of verbs) {
    const found = runsVerb(verb.split(' ').filter(Boolean), rule, args, ctx);
    if (found === 'yes') return verb;
    if (found === 'maybe') maybe ??= `${verb} (or whatever verb it runs, known only at run time)`;
  }
  return maybe;
}

// A dry run, or a request for help or the version (`kubectl apply --help`), changes nothing anywhere.
const changesNothing = ['--help', '--version'];

function hasDryRunWord(rule: ExtraRule, args: readonly Word[]): boolean {
  const end = args.findIndex((w) => w.value === '--');
  const options = end < 0 ? args : args.slice(0, end);
  return options.some((w) => w.value !== undefined && ((rule.dryRun ?? []).includes(w.value) || changesNothing.includes(w.value)));
}

/** Whether `args` run the subcommand path `verb`, read as the built-in rules read subcommands; `maybe`: a word on the path is only known at run time. */
function runsVerb(verb: readonly string[], rule: CommandRule | undefined, args: readonly Word[], ctx: Ctx, inherited: ArgvOptions = {}): 'yes' | 'maybe' | 'no' {
  const [head, ...tail] = verb;
  if (head === undefined) return 'yes';
  const options = mergeOptions(inherited, rule?.options);
  // A subcommand table read from its first positional: the word the built-in rule judges.
  const trusted = rule?.subcommands !== undefined && (rule.subcommandSearch ?? 'first') === 'first';
  const candidates = trusted ? parseArgv(args, { ...options, stopAtPositional: true }).rest.slice(0, 1) : parseArgv(args, { ...options, stopAtPositional: false }).positionals;
  let found: 'maybe' | 'no' = 'no';
  for (const word of candidates) {
    // A verb only known at run time may be this one.
    if (word.value === undefined) found = 'maybe';
    if (word.value !== head) continue;
    const sub = rule ? ctx.env.rules.subcommand(rule, word.value) : undefined;
    const rest = runsVerb(tail, sub, args.slice(args.indexOf(word) + 1), ctx, options);
    if (rest === 'yes') return 'yes';
    if (rest === 'maybe') found = 'maybe';
  }
  return found;
}

// The fact (or option value on the line) that makes a conditional rule apply, described for the
// reason; undefined when none does. A value given on the line replaces the fact.
function riskyFact(conditions: readonly FactCondition[], risky: (value: string) => boolean, rule: CommandRule | undefined, args: readonly Word[], ctx: Ctx): string | undefined {
  for (const { fact, options } of conditions) {
    const known = rule?.options ?? {};
    const parsed = parseArgv(args, { ...known, withValue: [...(known.withValue ?? []), ...options], stopAtPositional: false });
    const given = options.filter((o) => parsed.flags.has(o));
    if (given.length > 0) {
      for (const option of given) {
        const words = parsed.valueWords.get(option) ?? [];
        const dynamic = words.find((w) => w.value === undefined);
        if (dynamic) return `${fact} ${dynamic.text} (given on the command line, only known at run time)`;
        const hit = words.find((w) => w.value !== undefined && risky(w.value));
        if (hit) return `${fact} ${hit.value} (given on the command line)`;
      }
      continue;
    }
    const value = ctx.env.extra.tools[fact];
    if (value !== undefined && risky(value)) return `${fact} ${value}`;
  }
  return undefined;
}
