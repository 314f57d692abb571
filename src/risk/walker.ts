// The walk over a bash syntax tree: every command the line would run, wherever it sits (lists,
// pipelines, subshells, groups, loops, conditionals, case arms, substitutions, here-docs),
// threading what each command writes to stdout into the next one's stdin.

import type { SyntaxNode } from './parse/bash-parser.js';
import { concatContent, noContent, type Content } from './content.js';
import { assessOutputRedirect, type OutputRedirect, type RedirectSetting } from './redirects.js';
import { childScope, maxDepth, report, spendNode, type Ctx } from './walk-context.js';
import { wordToContent } from './word-content.js';
import { assessAssignment } from './variables.js';
import { evaluateWord, literalWord, type Word, type WordEnv } from './words.js';

const statementTypes = new Set([
  'command', 'redirected_statement', 'pipeline', 'list', 'subshell', 'compound_statement', 'function_definition',
  'if_statement', 'while_statement', 'for_statement', 'c_style_for_statement', 'case_statement', 'case_item',
  'negated_command', 'test_command', 'declaration_command', 'unset_command', 'variable_assignment',
  'variable_assignments', 'do_group', 'elif_clause', 'else_clause', 'ERROR', 'comment',
]);

// What well-known variables stand for when the line does not set them: the user's own home,
// shell, editor and pager (judged as their usual programs).
const conventionalValues: Readonly<Record<string, string>> = Object.freeze({ HOME: '~', SHELL: 'bash', EDITOR: 'vi', VISUAL: 'vi', PAGER: 'less' });

/** Parse `source` and walk it in `ctx` (used for the line itself and for nested code). */
export function walkSource(source: string, ctx: Ctx, how: string): void {
  if (ctx.depth > maxDepth) {
    report(ctx, 'destructive', 'dynamic', how, 'code nested too deeply to follow');
    return;
  }
  ctx.env.parser.withTree(source, (root) => walkRoot(root, ctx));
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
      return noContent;
    }
    case 'variable_assignment':
      assign(node, ctx);
      return noContent;
    case 'for_statement': {
      const variable = node.childForFieldName('variable')?.text;
      if (variable) ctx.scope.vars.set(variable, undefined);
      return walkChildren(node, ctx);
    }
    case 'declaration_command':
      for (const child of named(node)) {
        if (child.type === 'variable_assignment') assign(child, ctx);
        else if (child.type === 'variable_name') ctx.scope.vars.set(child.text, undefined);
        else evaluate(child, ctx);
      }
      return noContent;
    case 'unset_command':
      for (const child of named(node)) {
        ctx.scope.vars.delete(child.text);
        ctx.scope.functions.delete(child.text);
      }
      return noContent;
    case 'test_command':
      scanWords(node, ctx);
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
  const setting: RedirectSetting | undefined = outputs.length === 0 ? undefined : { idiom: !body || isNoOp(body), inputs: body ? literalArguments(body) : new Set() };
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
  const words: Word[] = [evaluate(nameWordNode, ctx)];
  for (const arg of parts.args) words.push(evaluate(arg, ctx));
  return ctx.run.runArgv(words, { ...ctx, span: node.text });
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
  const name = nameNode?.type === 'variable_name' ? nameNode.text : undefined;
  const value = node.childForFieldName('value');
  const word = value ? evaluate(value, ctx) : literalWord('');
  if (!name) return;
  if (!prefix) ctx.scope.vars.set(name, word.value);
  assessAssignment(name, word, ctx, prefix);
}

/** Evaluate a word node, walking any substitutions inside it. */
function evaluate(node: SyntaxNode | null, ctx: Ctx): Word {
  if (!node) return literalWord('');
  return evaluateWord(node, wordEnv(ctx));
}

function wordEnv(ctx: Ctx): WordEnv {
  return {
    lookup(name) {
      if (ctx.scope.vars.has(name)) return ctx.scope.vars.get(name);
      return conventionalValues[name];
    },
    substitute(node) {
      const body = named(node);
      const inner = { ...ctx, input: noContent, scope: childScope(ctx.scope) };
      // `$(> f)` and `$(< f)`: redirections with no command.
      const redirects = body.filter((c) => redirectTypes.has(c.type));
      if (redirects.length > 0) handleRedirects(node, redirects, undefined, inner);
      const rest = body.filter((c) => !redirectTypes.has(c.type));
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
  // Fail closed: a known dangerous command word anywhere in the unreadable text counts.
  for (const token of node.text.split(/[\s;&|()<>`$"'{},]+/)) {
    if (!token) continue;
    const found = ctx.env.rules.lookup(token.replace(/^.*\//, ''));
    if (found && found.rule.level !== 'read_only' && found.rule.level !== 'writes') report(ctx, found.rule.level, 'unparsable', token, `${found.rule.why} (appears in text the parser could not read)`);
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
