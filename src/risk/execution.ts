// Where an approved command runs, decided from its shape and the gate's verdict. Pure.
// - A line made only of commands that change the shell itself (cd, export, source, alias, set,
//   umask, ulimit, pushd...) cannot work in a sandbox's own bash: it runs in the user's bash,
//   after the user's key (Enter only for a plain change of directory), and the preview says so.
//   Shell-state words mixed with other commands stay in the sandbox, where their effect is lost.
// - A command that signals processes (kill, pkill, killall, systemctl stop...) gets the
//   process-control profile, the only one that can reach the host's processes.
// - Otherwise the verdict picks: read_only → read-only, anything above → writes.
// Anything the walker cannot read (errors, substitutions in a shell-state command) falls back
// to the sandbox, never to the user's shell.

import type { BashParser, SyntaxNode } from './parse/bash-parser.js';
import type { Level } from './levels.js';
import type { ProfileKind } from '../profile-kind.js';

/** How an approved command runs. */
export type Execution =
  | { kind: 'shell'; why: string; onEnter: boolean } // in the user's bash, unsandboxed
  | { kind: 'sandbox'; profile: ProfileKind };

/** What the parser saw of the command line. */
export interface CommandShape {
  /** Every top-level command changes the shell's own state, with literal words only. */
  shellStateOnly: boolean;
  /** Every top-level command is cd, pushd or popd with literal words. */
  directoryOnly: boolean;
  /** Some command signals processes. */
  processControl: boolean;
}

// Builtins whose whole effect is on the shell that runs them.
const shellStateBuiltins: ReadonlySet<string> = new Set([
  'cd', 'pushd', 'popd', 'export', 'unset', 'source', '.', 'alias', 'unalias', 'set', 'shopt', 'umask', 'ulimit',
  'declare', 'typeset', 'readonly', 'local', 'hash', 'bind', 'complete', 'enable', 'dirs', 'history', 'trap',
]);
const directoryBuiltins: ReadonlySet<string> = new Set(['cd', 'pushd', 'popd']);
// Programs whose purpose is to signal processes, and systemctl verbs that stop or signal units.
const signallers: ReadonlySet<string> = new Set(['kill', 'pkill', 'killall', 'skill', 'fuser', 'xkill']);
const systemctlSignalVerbs: ReadonlySet<string> = new Set(['stop', 'kill', 'restart', 'try-restart', 'reload-or-restart', 'isolate']);
const literalWords: ReadonlySet<string> = new Set(['word', 'raw_string', 'number', 'concatenation', 'string']);

/** The shape of `command` as the parser reads it. */
export function commandShape(parser: BashParser, command: string): CommandShape {
  return parser.withTree(command, (root) => {
    if (root.hasError) return { shellStateOnly: false, directoryOnly: false, processControl: hasSignaller(root) };
    const top = topLevelCommands(root);
    const names = top?.map(nameOf);
    const stateOnly = top !== undefined && top.length > 0 && top.every((c, i) => shellStateBuiltins.has(names?.[i] ?? '') && allLiteral(c));
    return {
      shellStateOnly: stateOnly,
      directoryOnly: stateOnly && (names ?? []).every((n) => directoryBuiltins.has(n)),
      processControl: hasSignaller(root),
    };
  });
}

/** Where a command of this shape and verdict runs. */
export function chooseExecution(level: Level, shape: CommandShape): Execution {
  if (shape.shellStateOnly) {
    return { kind: 'shell', onEnter: shape.directoryOnly && level === 'read_only', why: 'changes your shell itself, so it runs in your shell, not in the sandbox' };
  }
  if (shape.processControl && level !== 'privileged' && level !== 'network_exec') return { kind: 'sandbox', profile: 'process-control' };
  return { kind: 'sandbox', profile: level === 'read_only' ? 'read-only' : 'writes' };
}

// The simple commands joined by ; && || and newlines at the top, or undefined when anything
// else (pipelines, subshells, loops, redirections, functions) sits there.
function topLevelCommands(node: SyntaxNode): SyntaxNode[] | undefined {
  const out: SyntaxNode[] = [];
  for (const child of node.namedChildren) {
    if (!child || child.type === 'comment') continue;
    if (child.type === 'command' || child.type === 'declaration_command' || child.type === 'unset_command') out.push(child);
    else if (child.type === 'list') {
      const inner = topLevelCommands(child);
      if (!inner) return undefined;
      out.push(...inner);
    } else return undefined;
  }
  return out;
}

function nameOf(command: SyntaxNode): string {
  if (command.type !== 'command') return command.children[0]?.text ?? '';
  return command.childForFieldName('name')?.text ?? '';
}

// Every word is literal (no $, backquote or substitution anywhere), and a plain command has no
// assignments before its name (`FOO=1 cd x` is not a change of the shell).
function allLiteral(command: SyntaxNode): boolean {
  if (/[$`]/.test(command.text)) return false;
  for (const child of command.namedChildren) {
    if (!child || child.type === 'command_name') continue;
    if (child.type === 'variable_assignment') {
      if (command.type === 'command') return false;
      continue;
    }
    if (!literalWords.has(child.type)) return false;
  }
  return true;
}

function hasSignaller(node: SyntaxNode): boolean {
  if (node.type === 'command') {
    const words = node.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'variable_assignment' && !c.type.endsWith('redirect'));
    const name = words[0]?.text.replace(/^.*\//, '') ?? '';
    if (signallers.has(name)) return true;
    if (name === 'systemctl' && words.slice(1).some((w) => systemctlSignalVerbs.has(w.text))) return true;
  }
  return node.namedChildren.some((c) => c !== null && hasSignaller(c));
}
