// The risk classifier's entry point: a pure function from a command line (plus an optional
// view of the filesystem) to a level, reasons and how sure it is. It never runs anything.

import { describeError, NlshError } from '../errors.js';
import type { BashParser, SyntaxNode } from './parse/bash-parser.js';
import { clipPart, summarizeReasons, type Assessment } from './assessment.js';
import { compileRules, type CompiledRules } from './compiled-rules.js';
import { runner } from './dispatch.js';
import type { FsFacts } from './fs-facts.js';
import { defaultRuleTable } from './rules/index.js';
import type { RuleTable } from './rules/rule-types.js';
import { validateRules } from './rules/validate-rules.js';
import { indexExtraRules } from './extra-rules.js';
import { createBudget, createScope, type Ctx, type ExtraRules } from './walk-context.js';
import { walkRoot } from './walker.js';
import { joinContinuations } from './continuations.js';
import { evaluateWord } from './words.js';

/** What the classifier needs: a loaded parser, compiled rules, and optionally filesystem facts. */
export interface ClassifierDeps {
  parser: BashParser;
  rules: CompiledRules;
  /** Absent: judge by the conventions in docs/risk-rules.md (another machine, the eval corpus). */
  facts?: FsFacts | undefined;
  /** Plugin and tool-fact rules with the tool facts (assess.ts builds them); absent: none. */
  extra?: ExtraRules | undefined;
}

/** Validate and compile a rules table; throws an NlshError listing the problems. */
export function loadRules(table: RuleTable = defaultRuleTable): CompiledRules {
  const problems = validateRules(table);
  if (problems.length > 0) {
    throw new NlshError({
      message: `the risk rules are invalid: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`,
      doing: 'loading the risk rules',
      hint: 'see docs/risk-rules.md for the fields and their meaning',
    });
  }
  return compileRules(table);
}

/** Classify one command line (it may span several lines: here-docs, functions). */
export function classifyCommand(source: string, deps: ClassifierDeps): Assessment {
  const ctx: Ctx = {
    env: { parser: deps.parser, rules: deps.rules, facts: deps.facts, findings: [], ...createBudget(source.length), visited: [], argvNesting: { depth: 0 }, calls: new Set(), arithmetic: new Set(), extra: deps.extra ?? indexExtraRules() },
    scope: createScope(deps.facts?.cwd),
    depth: 0,
    input: { kind: 'none' },
    span: source.trim(),
    run: runner,
  };
  const plainWords = deps.parser.withTree(joinContinuations(source), (root) => {
    try {
      walkRoot(root, ctx);
    } catch (err) {
      // Fail closed: a line nl-sh cannot finish judging (too deep, or a bug) is never run unasked.
      const cause = err instanceof RangeError ? 'it is nested too deeply' : `of an internal error (${describeError(err)})`;
      ctx.env.findings.push({ level: 'destructive', kind: 'unparsable', part: clipPart(source), why: `nl-sh could not judge this line because ${cause}` });
      return undefined;
    }
    return findPlainWords(root);
  });
  return summarizeReasons(ctx.env.findings, plainWords);
}

const plainTypes = new Set(['word', 'raw_string', 'string', 'concatenation', 'string_content', 'number']);

/** The literal words when the line is exactly one simple command with no expansions or redirects. */
function findPlainWords(root: SyntaxNode): string[] | undefined {
  {
    const statements = root.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
    const only = statements[0];
    if (statements.length !== 1 || !only || only.type !== 'command' || root.hasError) return undefined;
    const parts = only.namedChildren.filter((c): c is SyntaxNode => c !== null);
    const words: string[] = [];
    for (const part of parts) {
      const node = part.type === 'command_name' ? part.namedChildren[0] : part;
      if (!node || !isPlain(node)) return undefined;
      const word = evaluateWord(node, { lookup: () => undefined, substitute: () => ({ kind: 'none' }) });
      if (word.value === undefined || word.glob || word.braces) return undefined;
      words.push(word.value);
    }
    return words;
  }
}

function isPlain(node: SyntaxNode): boolean {
  if (!plainTypes.has(node.type)) return false;
  return node.namedChildren.every((c) => c === null || isPlain(c));
}
