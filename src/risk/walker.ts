// The walk over a bash syntax tree: every command the line would run, wherever it sits (lists,
// pipelines, subshells, groups, loops, conditionals, case arms, substitutions, here-docs),
// threading what each command writes to stdout into the next one's stdin.

import type { SyntaxNode } from './parse/bash-parser.js';
import { concatContent, noContent, type Content } from './content.js';
import { assessOutputRedirect, type OutputRedirect, type RedirectSetting } from './redirects.js';
import { boundedValue, childScope, maxDepth, report, spendNode, type Ctx } from './walk-context.js';
import { wordToContent } from './word-content.js';
import { assessAssignment } from './variables.js';
import { evaluateWord, literalWord, type Word, type WordEnv } from './words.js';
import { arithmeticFromSource, arithmeticFromValue, lookupIn, nameOperand, promptExpansion, subscriptOf } from './bash-eval.js';
import { assessBackgroundLoop } from './loops.js';
import { splitWord } from './word-fields.js';
import { fillsDisk, type Stage } from './disk-fill.js';
import { joinContinuations } from './continuations.js';
import { expandBraces } from './braces.js';

const statementTypes = new Set([
  'command', 'redirected_statement', 'pipeline', 'list', 'subshell', 'compound_statement', 'function_definition',
  'if_statement', 'while_statement', 'for_statement', 'c_style_for_statement', 'case_statement', 'case_item',
  'negated_command', 'test_command', 'declaration_command', 'unset_command', 'variable_assignment',
  'variable_assignments', 'do_group', 'elif_clause', 'else_clause', 'ERROR', 'comment',
]);


/** Parse `source` and walk it in `ctx` (used for the line itself and for nested code). */
export function walkSource(source: string, ctx: Ctx, how: string): void {
  if (ctx.depth > maxDepth) {
    report(ctx, 'destructive', 'dynamic', how, 'code nested too deeply to follow');
    return;
  }
  ctx.env.parser.withTree(joinContinuations(source), (root) => walkRoot(root, ctx));
}

/** Walk a parsed program (the caller owns the tree). */
export function walkRoot(root: SyntaxNode, ctx: Ctx): void {
  const visited = new Set<string>();
  ctx.env.visited.push(visited);
  try {
    walkNode(root, ctx);
    // Fail closed: walk any command the structured walk did not reach (a grammar quirk).
    for (const missed of unvisitedCommands(root, visited)) walkNode(missed, { ...ctx, input: noContent, span: missed.text });
  } finally {
    ctx.env.visited.pop();
  }
  if (root.hasError && !ctx.env.findings.some((f) => f.kind === 'unparsable')) reportUnparsable(root, ctx);
}

function commandKey(node: SyntaxNode): string {
  return `${node.startIndex}:${node.endIndex}`;
}

/** Tree-sitter nodes can list descendants by type natively, much faster than walking in JS. */
interface DescendantSearch {
  descendantsOfType?(types: string | string[]): (SyntaxNode | null)[];
}

/** Command nodes outside function bodies (run only when called) that the walk did not visit. */
function unvisitedCommands(root: SyntaxNode, visited: ReadonlySet<string>): SyntaxNode[] {
  const search = (root as SyntaxNode & DescendantSearch).descendantsOfType;
  if (typeof search === 'function') {
    const found = search.call(root, ['command', 'function_definition']).filter((n): n is SyntaxNode => n !== null);
    const bodies = found.filter((n) => n.type === 'function_definition').map((n) => [n.startIndex, n.endIndex] as const);
    return found.filter((n) => n.type === 'command' && !visited.has(commandKey(n)) && !bodies.some(([s, e]) => n.startIndex >= s && n.endIndex <= e));
  }
  const missed: SyntaxNode[] = [];
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as SyntaxNode;
    if (node.type === 'function_definition') continue;
    if (node.type === 'command' && !visited.has(commandKey(node))) {
      missed.push(node);
      continue;
    }
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return missed;
}

/** Walk one node; returns what it writes to stdout. */
export function walkNode(node: SyntaxNode, ctx: Ctx): Content {
  if (!spendNode(ctx)) return { kind: 'generated', from: node.text };
  switch (node.type) {
    case 'command':
      return walkCommand(node, ctx);
    case 'redirected_statement':
      return walkRedirected(node, ctx);
    case 'pipeline':
      return walkStages(named(node), ctx);
    case 'list':
      return concatContent(flattenList(node).map((c) => walkNode(c, ctx)), node.text);
    case 'subshell':
      return walkChildren(node, { ...ctx, scope: childScope(ctx.scope) });
    case 'function_definition': {
      const name = node.childForFieldName('name')?.text;
      const body = node.childForFieldName('body');
      if (name && body) ctx.scope.functions.set(name, body.text);
      // bash runs this one for every command it cannot find, this line's and later ones'.
      if (name === 'command_not_found_handle' && body) walkSource(body.text, { ...ctx, depth: ctx.depth + 1 }, `${name} (runs for any unknown command)`);
      return noContent;
    }
    case 'variable_assignment':
      assign(node, ctx);
      return noContent;
    case 'for_statement': {
      const variable = node.childForFieldName('variable')?.text;
      if (variable) ctx.scope.vars.set(variable, undefined);
      assessBackgroundLoop(node, ctx);
      return walkChildren(node, ctx);
    }
    case 'while_statement':
    case 'c_style_for_statement':
      assessBackgroundLoop(node, ctx);
      if (node.type === 'c_style_for_statement') arithmeticFromSource(forHeader(node), lookupIn(ctx), ctx);
      return walkChildren(node, ctx);
    case 'compound_statement':
      // `(( expr ))` is arithmetic; `{ ...; }` is a group.
      if (node.children[0]?.type === '((') arithmeticFromSource(node.text.slice(2, -2), lookupIn(ctx), ctx);
      return walkChildren(node, ctx);
    case 'declaration_command':
      walkDeclaration(node, ctx);
      return noContent;
    case 'unset_command':
      for (const child of named(node)) {
        const word = evaluate(child, ctx);
        if (word.value !== undefined) nameOperand(word.value, lookupIn(ctx), ctx, node.text);
        ctx.scope.vars.delete(child.text);
        ctx.scope.functions.delete(child.text);
      }
      return noContent;
    case 'test_command':
      scanWords(node, ctx);
      assessTestOperands(node, ctx);
      return noContent;
    case 'comment':
      return noContent;
    case 'ERROR':
      reportUnparsable(node, ctx);
      return walkChildren(node, ctx);
    default:
      if (!statementTypes.has(node.type) && node.type !== 'program') {
        scanWords(node, ctx);
        return noContent;
      }
      return walkChildren(node, ctx);
  }
}

function walkChildren(node: SyntaxNode, ctx: Ctx): Content {
  const outputs: Content[] = [];
  for (const child of named(node)) {
    if (statementTypes.has(child.type)) outputs.push(walkNode(child, ctx));
    else scanWords(child, ctx);
  }
  return concatContent(outputs, node.text);
}

function walkStages(stages: SyntaxNode[], ctx: Ctx): Content {
  let flowing = ctx.input;
  for (const stage of stages) flowing = walkNode(stage, { ...ctx, input: flowing });
  return flowing;
}

/** A simple command's children, sorted in one pass. */
interface CommandParts {
  name: SyntaxNode | undefined;
  args: SyntaxNode[];
  redirects: SyntaxNode[];
  assignments: SyntaxNode[];
  /** Statements the grammar hung on the command (`time (rm x)` gives a subshell), and parse errors. */
  others: SyntaxNode[];
}

const redirectTypes = new Set(['file_redirect', 'herestring_redirect', 'heredoc_redirect']);

function splitCommand(node: SyntaxNode): CommandParts {
  const parts: CommandParts = { name: undefined, args: [], redirects: [], assignments: [], others: [] };
  for (const child of named(node)) {
    if (child.type === 'command_name') parts.name = child;
    else if (child.type === 'variable_assignment') parts.assignments.push(child);
    else if (redirectTypes.has(child.type)) parts.redirects.push(child);
    else if (statementTypes.has(child.type) && child.type !== 'comment') parts.others.push(child);
    else if (child.type !== 'comment') parts.args.push(child);
  }
  return parts;
}

function walkCommand(node: SyntaxNode, ctx: Ctx): Content {
  ctx.env.visited[ctx.env.visited.length - 1]?.add(commandKey(node));
  const parts = splitCommand(node);
  let out: Content;
  if (!parts.name) {
    for (const a of parts.assignments) assign(a, ctx);
    out = handleRedirects(node, parts.redirects, undefined, ctx);
  } else if (parts.assignments.length === 0) {
    out = handleRedirects(node, parts.redirects, node, ctx, parts);
  } else {
    // `NAME=value cmd`: the assignments apply to this command only.
    const scoped = { ...ctx, scope: { ...ctx.scope } };
    for (const a of parts.assignments) assign(a, scoped, true);
    out = handleRedirects(node, parts.redirects, node, scoped, parts);
  }
  // Fail closed: statements the grammar hung on the command are walked too.
  for (const child of parts.others) walkNode(child, ctx);
  return out;
}

function walkRedirected(node: SyntaxNode, ctx: Ctx): Content {
  return handleRedirects(node, node.childrenForFieldName('redirect'), node.childForFieldName('body'), ctx);
}

/** Run `body` (a command whose `parts` are given is run directly) with its redirections applied. */
function handleRedirects(stmt: SyntaxNode, redirectNodes: (SyntaxNode | null)[], body: SyntaxNode | null | undefined, ctx: Ctx, parts?: CommandParts): Content {
  let input = ctx.input;
  const outputs: OutputRedirect[] = [];
  const after: SyntaxNode[] = [];
  let pipeOn: SyntaxNode | undefined;
  const readRedirect = (r: SyntaxNode): void => {
    if (r.type === 'heredoc_redirect') {
      input = hereDocContent(r, ctx);
      for (const child of named(r)) {
        if (child.type === 'file_redirect' || child.type === 'herestring_redirect') readRedirect(child);
        else if (child.type === 'pipeline') pipeOn = child;
        else if (statementTypes.has(child.type)) after.push(child);
      }
    } else if (r.type === 'herestring_redirect') {
      const target = named(r)[0];
      if (target) input = wordToContent(evaluate(target, ctx), ctx);
    } else if (r.type === 'file_redirect') {
      const op = r.children.find((c) => c && !c.isNamed)?.text ?? '>';
      const [first, ...extra] = r.childrenForFieldName('destination').filter((d): d is SyntaxNode => d !== null);
      for (const d of extra) evaluate(d, ctx);
      if (!first) return;
      const target = evaluate(first, ctx);
      const fd = r.childForFieldName('descriptor')?.text;
      if (target.value !== undefined && /^\/dev\/(tcp|udp)\//.test(target.value)) {
        report(ctx, 'network_exec', 'rule', r.text, `connects to ${target.value.slice(9)} through a socket file; a shell wired to it runs remote commands`);
        if (op === '<') input = { kind: 'fetched', from: r.text };
        return;
      }
      if (op === '<') input = target.processFile ?? (target.value !== undefined ? { kind: 'file', path: target.value, from: r.text } : { kind: 'generated', from: r.text });
      else if (op !== '<&' && op !== '<&-' && op !== '>&-') outputs.push({ op, target, fd, text: r.text });
    }
  };
  for (const r of redirectNodes) if (r) readRedirect(r);
  let out: Content = noContent;
  const inner = { ...ctx, input, span: body ? body.text : stmt.text };
  if (body) out = parts ? runCommandNode(stmt, parts, inner) : walkNode(body, inner);
  const stdinPath = input.kind === 'file' ? input.path : undefined;
  const setting: RedirectSetting | undefined =
    outputs.length === 0 ? undefined : { idiom: !body || isNoOp(body), inputs: body ? literalArguments(body) : new Set(), written: out, fillsDisk: body ? fillsDisk(pipelineStages(body, stdinPath, ctx)) : undefined };
  let stdoutRedirected = false;
  for (const o of outputs) {
    if (!setting) break;
    assessOutputRedirect(o, setting, ctx);
    const dup = o.op === '>&' && /^\d+$/.test(o.target.value ?? '');
    if (o.op === '&>' || o.op === '&>>' || ((o.fd === undefined || o.fd === '1') && !dup)) stdoutRedirected = true;
  }
  if (stdoutRedirected) {
    // Fetched bytes saved to a file make that file fetched code.
    if (out.kind === 'fetched') for (const o of outputs) if (o.target.value !== undefined && (o.fd === undefined || o.fd === '1')) ctx.scope.downloads.add(o.target.value);
    out = noContent;
  }
  if (pipeOn) out = walkStages(named(pipeOn), { ...ctx, input: out });
  for (const node of after) walkNode(node, ctx);
  return out;
}

function runCommandNode(node: SyntaxNode, parts: CommandParts, ctx: Ctx): Content {
  const nameWordNode = parts.name ? named(parts.name)[0] : undefined;
  if (!nameWordNode) return noContent;
  // Word splitting: `c='rm -rf'; $c ~` runs rm; an empty unquoted expansion disappears.
  const words: Word[] = splitWord(evaluate(nameWordNode, ctx));
  for (const arg of parts.args) words.push(...splitWord(evaluate(arg, ctx)));
  if (words.length === 0) return noContent;
  return ctx.run.runArgv(words, { ...ctx, span: node.text });
}

/** The three expressions of `for ((a; b; c))`. */
/**
 * `a[SUB]=value`: SUB is arithmetic. bash before 5.2 expanded it twice, so a variable in it whose
 * value holds `$(...)` ran that too: judged as if it still did.
 */
function assignedSubscript(subscript: SyntaxNode, ctx: Ctx): void {
  const index = named(subscript)[1];
  if (!index) return;
  arithmeticFromSource(index.text, lookupIn(ctx), ctx);
  const expanded = /\$/.test(index.text) ? evaluateQuietly(index, ctx).value : undefined;
  if (expanded !== undefined && expanded !== index.text) arithmeticFromValue(expanded, lookupIn(ctx), ctx, subscript.text);
}

/** The elements of `(a b c)` after expansion, or undefined when any is only known at run time. */
function arrayItems(array: SyntaxNode, ctx: Ctx): string[] | undefined {
  const items: string[] = [];
  for (const element of named(array)) {
    const fields = splitWord(evaluateQuietly(element, ctx));
    for (const f of fields) {
      if (f.value === undefined || f.glob || f.braces) return undefined;
      items.push(f.value);
    }
  }
  return items;
}

function forHeader(node: SyntaxNode): string {
  const open = node.text.indexOf('((');
  const close = node.text.indexOf('))', open);
  return open < 0 || close < 0 ? '' : node.text.slice(open + 2, close).replace(/;/g, ',');
}

const arithmeticTests = new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge']);

/** `[[ a -eq b ]]` evaluates both sides as arithmetic (`[` does not); `-v name` evaluates a subscript in both. */
function assessTestOperands(node: SyntaxNode, ctx: Ctx): void {
  const double = node.children[0]?.type === '[[';
  const visit = (n: SyntaxNode): void => {
    if (n.type === 'command_substitution' || n.type === 'process_substitution') return;
    const op = n.children.find((c) => c?.type === 'test_operator')?.text;
    const operands = named(n).filter((c) => c.type !== 'test_operator');
    if (double && n.type === 'binary_expression' && op && arithmeticTests.has(op)) {
      for (const side of operands) {
        const value = evaluateQuietly(side, ctx).value;
        if (value !== undefined) arithmeticFromValue(value, lookupIn(ctx), ctx, n.text);
      }
    } else if (n.type === 'unary_expression' && op === '-v' && operands[0]) {
      const value = evaluateQuietly(operands[0], ctx).value;
      if (value !== undefined) nameOperand(value, lookupIn(ctx), ctx, n.text);
    }
    for (const child of named(n)) visit(child);
  };
  visit(node);
}

/** A word's value without walking its substitutions again (the caller already walked them). */
function evaluateQuietly(node: SyntaxNode, ctx: Ctx): Word {
  return evaluateWord(node, { lookup: lookupIn(ctx), substitute: () => ({ kind: 'generated', from: node.text }) });
}

/**
 * `declare`/`local`/`export`/`typeset`/`readonly`: assignments, namerefs (`-n`), and quoted words
 * that bash reads as assignments anyway (`declare 'a[$(cmd)]=1'`, `declare -a 'x=($(cmd))'`).
 */
function walkDeclaration(node: SyntaxNode, ctx: Ctx): void {
  const children = named(node);
  const nameref = children.some((c) => c.type === 'word' && /^-[a-zA-Z]*n/.test(c.text));
  const integer = children.some((c) => c.type === 'word' && /^-[a-zA-Z]*i/.test(c.text));
  if (integer) for (const c of children) {
    const name = c.type === 'variable_assignment' ? c.childForFieldName('name') : c.type === 'variable_name' ? c : null;
    if (name?.type === 'variable_name') ctx.scope.integers.add(name.text);
  }
  for (const child of children) {
    if (child.type === 'variable_assignment') {
      const name = child.childForFieldName('name');
      const value = child.childForFieldName('value');
      if (nameref && name?.type === 'variable_name' && value) {
        const target = evaluate(value, ctx).value;
        if (target === undefined) ctx.scope.vars.set(name.text, undefined);
        else ctx.scope.refs.set(name.text, target);
        continue;
      }
      if (name?.type === 'subscript') {
        const index = named(name)[1];
        if (index) arithmeticFromSource(index.text, lookupIn(ctx), ctx);
      }
      assign(child, ctx);
    } else if (child.type === 'variable_name') {
      ctx.scope.vars.set(child.text, undefined);
    } else {
      const word = evaluate(child, ctx);
      if (word.value !== undefined && !word.value.startsWith('-')) declaredText(word.value, ctx, node.text);
    }
  }
}

/** A declaration word bash parses as `NAME[SUB]=VALUE` itself: the subscript and a `(...)` value are evaluated. */
function declaredText(text: string, ctx: Ctx, how: string): void {
  const eq = text.indexOf('=');
  const target = eq < 0 ? text : text.slice(0, eq);
  nameOperand(target.replace(/\+$/, ''), lookupIn(ctx), ctx, how);
  const value = eq < 0 ? undefined : text.slice(eq + 1);
  const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(target)?.[0];
  if (value !== undefined && value.startsWith('(') && /\$|`/.test(value)) ctx.run.runCode({ kind: 'text', text: `${name ?? 'x'}=${value}`, from: how }, 'shell', { ...ctx, depth: ctx.depth + 1 }, how);
  if (name && subscriptOf(target) === undefined) ctx.scope.vars.set(name, value !== undefined && !value.startsWith('(') ? boundedValue(value) : undefined);
}



function hereDocContent(r: SyntaxNode, ctx: Ctx): Content {
  const bodyNode = named(r).find((c) => c.type === 'heredoc_body');
  const start = named(r).find((c) => c.type === 'heredoc_start')?.text ?? '';
  const text = bodyNode?.text ?? '';
  const expands = !/['"\\]/.test(start);
  if (bodyNode && expands) {
    scanWords(bodyNode, ctx);
    // Backticks in a here-doc body are not parsed as substitutions by the grammar; they still run.
    for (const m of text.matchAll(/(?<!\\)`([^`]*)`/g)) ctx.run.runCode({ kind: 'text', text: m[1] ?? '', from: m[0] }, 'shell', { ...ctx, depth: ctx.depth + 1 }, m[0]);
  }
  return { kind: 'text', text, from: `${r.text.split('\n')[0] ?? ''}` };
}

function assign(node: SyntaxNode, ctx: Ctx, prefix = false): void {
  const nameNode = node.childForFieldName('name');
  if (nameNode && nameNode.type !== 'variable_name') scanWords(nameNode, ctx);
  if (nameNode?.type === 'subscript') assignedSubscript(nameNode, ctx);
  const name = nameNode?.type === 'variable_name' ? nameNode.text : undefined;
  const value = node.childForFieldName('value');
  const word = value ? evaluate(value, ctx) : literalWord('');
  const appends = /^[^=]*\+=/.test(node.text);
  if (name && !prefix) ctx.scope.arrays.set(name, value?.type === 'array' && !appends ? arrayItems(value, ctx) : undefined);
  if (!name) return;
  // Through a nameref, the assignment goes to the target (evaluating its subscript).
  const target = ctx.scope.refs.get(name);
  if (target !== undefined) nameOperand(target, lookupIn(ctx), ctx, node.text);
  // An integer variable (`declare -i`) evaluates what is assigned as arithmetic.
  if (ctx.scope.integers.has(name) && word.value !== undefined) arithmeticFromValue(word.value, lookupIn(ctx), ctx, node.text);
  if (!prefix) ctx.scope.vars.set(name, boundedValue(word.value));
  assessAssignment(name, word, ctx, prefix);
}

/** Evaluate a word node, walking any substitutions inside it. */
function evaluate(node: SyntaxNode | null, ctx: Ctx): Word {
  if (!node) return literalWord('');
  return evaluateWord(node, wordEnv(ctx));
}

function wordEnv(ctx: Ctx): WordEnv {
  const lookup = lookupIn(ctx);
  return {
    lookup,
    lookupArray(name) {
      return ctx.scope.arrays.get(name);
    },
    indirect(name) {
      const target = lookup(name);
      if (target === undefined) return undefined;
      nameOperand(target, lookup, ctx, `\${!${name}}`);
      return subscriptOf(target) === undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(target) ? lookup(target) : undefined;
    },
    prompt(name) {
      promptExpansion(name, lookup(name), ctx.scope.vars.has(name), ctx);
    },
    arithmetic(text) {
      arithmeticFromSource(text, lookup, ctx);
    },
    unparsed(text) {
      ctx.run.runCode({ kind: 'text', text: `: ${text}`, from: text }, 'shell', { ...ctx, input: noContent }, text);
    },
    substitute(node) {
      const body = named(node);
      // `>(cmd)` reads what the outer command writes: data nl-sh cannot predict.
      const input: Content = node.type === 'process_substitution' && node.text.startsWith('>(') ? { kind: 'generated', from: node.text } : noContent;
      const inner = { ...ctx, input, scope: childScope(ctx.scope) };
      // `$(> f)` and `$(< f)`: redirections with no command.
      const redirects = body.filter((c) => redirectTypes.has(c.type));
      if (redirects.length > 0) handleRedirects(node, redirects, undefined, inner);
      const rest = body.filter((c) => !redirectTypes.has(c.type));
      // Backquotes inside backquotes are escaped; bash removes the escapes, then parses again.
      if (node.text.startsWith('`') && /\\[`$\\]/.test(node.text)) ctx.run.runCode({ kind: 'text', text: node.text.slice(1, -1).replace(/\\([`$\\])/g, '$1'), from: node.text }, 'shell', inner, node.text);
      return concatContent(rest.map((c) => (statementTypes.has(c.type) ? walkNode(c, inner) : (scanWords(c, inner), noContent))), node.text);
    },
  };
}

/** Walk the substitutions inside a non-statement node (words, tests, arithmetic). */
function scanWords(node: SyntaxNode, ctx: Ctx): void {
  if (node.type === 'command_substitution' || node.type === 'process_substitution') {
    wordEnv(ctx).substitute(node);
    return;
  }
  for (const child of named(node)) {
    if (statementTypes.has(child.type) && child.type !== 'comment') walkNode(child, ctx);
    else scanWords(child, ctx);
  }
}

/** The literal words of each command in a pipeline (`?` where a word is not literal), with its `<` file. */
function pipelineStages(body: SyntaxNode, stdin: string | undefined, ctx: Ctx): Stage[] {
  const commands = body.type === 'pipeline' ? named(body) : [body];
  return commands.map((c, i) => {
    const command = c.type === 'redirected_statement' ? (c.childForFieldName('body') ?? c) : c;
    const redirects = c.type === 'redirected_statement' ? c.childrenForFieldName('redirect') : named(c).filter((r) => r.type === 'file_redirect');
    const from = redirects.find((r) => r?.type === 'file_redirect' && r.children.some((x) => x?.text === '<'));
    const target = from?.childForFieldName('destination');
    const literal = (w: SyntaxNode): string => evaluateQuietly(w, ctx).value ?? '?';
    const words = command.type === 'command' ? named(command).filter((w) => !redirectTypes.has(w.type) && w.type !== 'variable_assignment').map((w) => literal(w.type === 'command_name' ? (named(w)[0] ?? w) : w)) : ['?'];
    return { words, stdin: target ? literal(target) : i === 0 ? stdin : undefined };
  });
}

function isNoOp(statement: SyntaxNode): boolean {
  // The grammar hangs `a && : > f` on the whole list; bash applies it to the last command.
  let body = statement;
  while (body.type === 'list' || body.type === 'pipeline') {
    const parts = named(body);
    const last = parts[parts.length - 1];
    if (!last) return false;
    body = last;
  }
  if (body.type !== 'command') return false;
  const name = body.childForFieldName('name')?.text;
  const args = body.childrenForFieldName('argument').map((a) => a?.text ?? '');
  if ((name === ':' || name === 'true' || name === 'false') && args.length === 0) return true;
  if (name === 'echo' && args.every((a) => /^(-n|""|'')$/.test(a))) return true;
  if (name === 'printf' && args.length === 1 && /^(''|"")$/.test(args[0] ?? '')) return true;
  return name === 'cat' && args.length === 1 && args[0] === '/dev/null';
}

/** Literal argument words of the commands in a statement (to spot `cmd f > f`). */
function literalArguments(body: SyntaxNode): Set<string> {
  const out = new Set<string>();
  const visit = (node: SyntaxNode): void => {
    if (node.type === 'command') {
      for (const arg of node.childrenForFieldName('argument')) {
        const text = arg ? literalText(arg) : undefined;
        if (text !== undefined) out.add(text.replace(/^\.\//, ''));
      }
      return;
    }
    if (node.type === 'command_substitution' || node.type === 'process_substitution') return;
    for (const child of named(node)) visit(child);
  };
  visit(body);
  return out;
}

function literalText(node: SyntaxNode): string | undefined {
  if (node.type === 'word') return node.text.replace(/\\(.)/g, '$1');
  if (node.type === 'raw_string') return node.text.slice(1, -1);
  if (node.type === 'string' && named(node).every((c) => c.type === 'string_content')) return node.text.slice(1, -1);
  return undefined;
}

function reportUnparsable(node: SyntaxNode, ctx: Ctx): void {
  report(ctx, 'writes', 'unparsable', node.text.trim() === '' ? ctx.span : node.text, 'the bash parser could not read this part; nl-sh cannot tell what it runs');
  // `cmd 1<> file` (the grammar cannot read `<>` after a descriptor) writes over the file in place.
  if (/\d<>\s*(?!\/dev\/(tcp|udp)\/)/.test(node.text)) report(ctx, 'destructive', 'unparsable', node.text, 'opens a file for reading and writing: what the command prints overwrites it in place');
  // Fail closed: a known dangerous command word anywhere in the unreadable text counts.
  // Words are tried as written and brace-expanded (`{r,}m` is rm).
  const words = node.text.split(/[\s;&|()<>`$"']+/).flatMap((w) => [w, ...(expandBraces(w, { words: 16, steps: 4096 }) ?? [])]);
  for (const word of new Set(words.flatMap((w) => w.split(/[{},]+/)))) {
    if (!word) continue;
    const found = ctx.env.rules.lookup(word.replace(/^.*\//, ''));
    if (found && found.rule.level !== 'read_only' && found.rule.level !== 'writes') report(ctx, found.rule.level, 'unparsable', word, `${found.rule.why} (appears in text the parser could not read)`);
  }
}

/** The statements of a list in order; long `a && b && c ...` chains nest to the left, so unnest without recursion. */
function flattenList(node: SyntaxNode): SyntaxNode[] {
  const tail: SyntaxNode[][] = [];
  let head: SyntaxNode | undefined = node;
  while (head && head.type === 'list') {
    const [first, ...rest] = named(head);
    tail.push(rest);
    head = first;
  }
  const out: SyntaxNode[] = head ? [head] : [];
  for (let i = tail.length - 1; i >= 0; i--) out.push(...(tail[i] ?? []));
  return out;
}

function named(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((c): c is SyntaxNode => c !== null);
}
