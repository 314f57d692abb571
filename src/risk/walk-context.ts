// What the walk carries from command to command: the shell state nl-sh can follow (variables
// with literal values, functions, files downloaded earlier in the line, the directory), the
// findings so far, and the runner that judges nested commands and code.

import type { BashParser } from './parse/bash-parser.js';
import type { Reason, ReasonKind } from './assessment.js';
import type { CompiledRules } from './compiled-rules.js';
import type { Content } from './content.js';
import { performance } from 'node:perf_hooks';
import type { FsFacts, GlobBudget, GlobMatches } from './fs-facts.js';
import type { Level } from '../level.js';
import type { CodeLanguage, CommandRule } from './rules/rule-types.js';
import type { ExtraRule } from '../extra-rule.js';
import type { Word } from './words.js';

/** Shell state followed through the line. */
export interface Scope {
  /** Variables with a known literal value; undefined means "set, but only known at run time". */
  vars: Map<string, string | undefined>;
  /** Functions defined so far: name → body source. */
  functions: Map<string, string>;
  /** Files fetched from the network earlier in the line (as written and by basename); shared with nested scopes. */
  downloads: Set<string>;
  /** Whether a repository or archive was fetched earlier (its scripts are fetched code); shared. */
  fetchedTree: { value: boolean };
  /** The working directory, when known. */
  cwd: string | undefined;
  /** Functions being called (to spot recursion). */
  calls: string[];
  /** An assignment that changed how names resolve (`PATH=/tmp/x:$PATH`), if any. */
  lookupChanged: string | undefined;
  /** Namerefs (`declare -n r=target`): name → the target's text, which may hold a subscript. */
  refs: Map<string, string>;
  /** Aliases defined so far (`alias ll='ls -l'`): name → value; bash expands them on later lines. */
  aliases: Map<string, string>;
  /** Names `hash -p PATH NAME` bound to a program path (undefined: a path only known at run time). */
  hashed: Map<string, string | undefined>;
  /** Variables declared integer (`declare -i`): what is assigned to them is arithmetic. */
  integers: Set<string>;
  /** Arrays with known elements (`a=(x y)`; `@` for `set -- x y` and a function's arguments); undefined: only known at run time. */
  arrays: Map<string, string[] | undefined>;
}

/** Languages nl-sh can judge code in. */
export type Language = CodeLanguage;

/** Extra rules by program name (src/risk/extra-rules.ts matches them), and the tool facts they test. */
export interface ExtraRules {
  byProgram: ReadonlyMap<string, readonly ExtraRule[]>;
  /** Tool facts, key → value (`kube context` → `prod-eu`). */
  tools: Readonly<Record<string, string>>;
}

/** One classification's fixed inputs and its findings. */
export interface WalkEnv {
  parser: BashParser;
  rules: CompiledRules;
  facts: FsFacts | undefined;
  findings: Reason[];
  /** What the walk may still spend before giving up (guards against pathological input). */
  budget: WalkBudget;
  /** Globs expanded so far (a pattern repeated in the line is expanded once), and what expanding more may cost. */
  globs: { memo: Map<string, GlobMatches>; budget: GlobBudget };
  /** Commands walked, per tree being walked (innermost last), to find any the walk missed. */
  visited: Set<string>[];
  /** How deep commands run by commands (wrappers, xargs, find -exec) are nested right now. */
  argvNesting: { depth: number };
  /** Function calls already judged (name and argument values): judging one again adds nothing. */
  calls: Set<string>;
  /** Variables whose values are being evaluated as arithmetic (bash recurses into them): stops cycles. */
  arithmetic: Set<string>;
  /** Plugin and tool-fact rules, matched where each command is judged, and the tool facts they test. */
  extra: ExtraRules;
}

/** Nodes left to visit and a wall-clock deadline (performance.now() milliseconds); `exhausted` once either runs out. */
export interface WalkBudget {
  nodes: number;
  deadline: number;
  exhausted: boolean;
}

/**
 * Limits on one classification: every line up to the model's 4,000 characters is judged well under
 * 100 ms. The wall-clock deadline guards long lines only (from `deadlineFromChars`): a short line's
 * work is bounded by the node count, and a garbage-collection pause or a busy machine must not
 * turn `ps aux | head` into "too large to judge".
 */
export const walkLimits = { nodes: 20_000, millis: 80, deadlineFromChars: 256, globEntries: 20_000, globMillis: 40 } as const;

/** A fresh budget for one classification of a line of `chars` characters, starting now. */
export function createBudget(chars: number, now = performance.now()): Pick<WalkEnv, 'budget' | 'globs'> {
  return {
    budget: { nodes: walkLimits.nodes, deadline: chars >= walkLimits.deadlineFromChars ? now + walkLimits.millis : Number.POSITIVE_INFINITY, exhausted: false },
    // The glob clock starts at the first glob (below): parsing and judging before it do not spend it.
    globs: { memo: new Map(), budget: { entries: walkLimits.globEntries, deadline: Number.POSITIVE_INFINITY } },
  };
}

/**
 * Spend one node of the budget; false once the node count or the deadline has run out (reported
 * once, failing closed at the most severe level: what was not judged could be anything, and a
 * busy machine must never make a line look milder than a quiet one would).
 */
export function spendNode(ctx: Ctx): boolean {
  const budget = ctx.env.budget;
  if (budget.exhausted) return false;
  if (--budget.nodes >= 0 && performance.now() <= budget.deadline) return true;
  budget.exhausted = true;
  report(ctx, 'privileged', 'dynamic', ctx.span, 'too large to judge completely');
  return false;
}


/** What a glob matches here, expanded at most once per classification and within the shared glob budget. */
export function globOnce(ctx: Ctx, facts: FsFacts, pattern: string, cwd: string): GlobMatches {
  const key = `${cwd}\0${pattern}`;
  let matches = ctx.env.globs.memo.get(key);
  if (!matches) {
    const budget = ctx.env.globs.budget;
    if (budget.deadline === Number.POSITIVE_INFINITY) budget.deadline = performance.now() + walkLimits.globMillis;
    matches = facts.glob(pattern, cwd, budget);
    ctx.env.globs.memo.set(key, matches);
  }
  return matches;
}

/** Judges nested commands and code; implemented by the walker. */
export interface Runner {
  /** Judge an argv (wrappers, xargs, find -exec); returns what it writes to stdout. */
  runArgv(words: Word[], ctx: Ctx): Content;
  /** Judge content executed as code in a language; `how` names the part that runs it. */
  runCode(content: Content, language: Language, ctx: Ctx, how: string): void;
  /** Judge a resolved command by its rule and the extra rules (`python -m pip` → pip's rule). */
  applyRule(name: string, rule: CommandRule, args: readonly Word[], ctx: Ctx): Content;
}

/** Where a command runs. */
export interface Ctx {
  env: WalkEnv;
  scope: Scope;
  /** Nesting of re-parsed code (bash -c inside eval inside ...). */
  depth: number;
  /** What the command reads on stdin. */
  input: Content;
  /** The command's text, for reasons. */
  span: string;
  run: Runner;
}

/** Maximum nesting of re-parsed code before nl-sh stops following it. */
export const maxDepth = 8;

/** Longest variable value nl-sh follows: `x=$x$x` doubled twenty times is only known at run time. */
export const maxValueLength = 8192;

/** A value to remember for a variable: undefined (only known at run time) beyond `maxValueLength`. */
export function boundedValue(value: string | undefined): string | undefined {
  return value !== undefined && value.length > maxValueLength ? undefined : value;
}

/** A fresh scope. */
export function createScope(cwd: string | undefined): Scope {
  return { vars: new Map(), functions: new Map(), downloads: new Set(), fetchedTree: { value: false }, cwd, calls: [], lookupChanged: undefined, refs: new Map(), aliases: new Map(), hashed: new Map(), integers: new Set(), arrays: new Map() };
}

/** A copy for a subshell: its variables, functions and directory do not leak back. */
export function childScope(scope: Scope): Scope {
  return { ...scope, vars: new Map(scope.vars), functions: new Map(scope.functions), refs: new Map(scope.refs), aliases: new Map(scope.aliases), hashed: new Map(scope.hashed), integers: new Set(scope.integers), arrays: new Map(scope.arrays) };
}

/** Record a finding. */
export function report(ctx: Ctx, level: Level, kind: ReasonKind, part: string, why: string): void {
  ctx.env.findings.push({ level, kind, part, why });
}
