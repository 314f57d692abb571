// What the walk carries from command to command: the shell state nl-sh can follow (variables
// with literal values, functions, files downloaded earlier in the line, the directory), the
// findings so far, and the runner that judges nested commands and code.

import type { BashParser } from './parse/bash-parser.js';
import type { Reason, ReasonKind } from './assessment.js';
import type { CompiledRules } from './compiled-rules.js';
import type { Content } from './content.js';
import type { FsFacts } from './fs-facts.js';
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
  /** Nodes left to visit before giving up (guards against pathological input). */
  budget: { nodes: number };
  /** Commands walked, per tree being walked (innermost last), to find any the walk missed. */
  visited: Set<string>[];
  /** Function calls already judged (name and argument values): judging one again adds nothing. */
  calls: Set<string>;
  /** Variables whose values are being evaluated as arithmetic (bash recurses into them): stops cycles. */
  arithmetic: Set<string>;
  /** Plugin and tool-fact rules, matched where each command is judged, and the tool facts they test. */
  extra: ExtraRules;
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
