// Where an approved command runs, decided from its shape and the gate's verdict. Pure.
// - A line made only of harmless changes to the shell itself (cd, pushd, popd; export, unset or
//   declare of an ordinary variable to a literal; set -o of a few options; shopt of globbing and
//   history options; umask) cannot work in a sandbox's own bash: it runs in the user's bash, after
//   the user's key (Enter only for a plain change of directory), and the preview says so.
//   Everything else that changes the shell stores code or settings the user's bash acts on later
//   (alias, source, bind, complete, hash, trap, enable, history, readonly, ulimit, PROMPT_COMMAND,
//   PATH, LD_*, HISTFILE, nl-sh's own names...): it runs in the sandbox, where its effect is lost,
//   and the user can edit it into the prompt (e) or run it unsandboxed (u) on purpose.
//   Shell-state words mixed with other commands stay in the sandbox too.
// - A command that signals processes (kill, pkill, killall, systemctl stop...) gets the
//   process-control profile, the only one that can reach the host's processes.
// - Otherwise the verdict picks: read_only → read-only, anything above → writes.
// Anything the walker cannot read (errors, substitutions in a shell-state command) falls back
// to the sandbox, never to the user's shell.

import type { BashParser, SyntaxNode } from './parse/bash-parser.js';
import type { Level } from '../level.js';
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

// Builtins whose whole effect is on the shell that runs them, and that run in it when their
// words pass `harmless` below.
const shellStateBuiltins: ReadonlySet<string> = new Set(['cd', 'pushd', 'popd', 'dirs', 'export', 'unset', 'declare', 'set', 'shopt', 'umask']);
// Variables the user's bash, the programs it starts (the sandbox's own wrapper first) or nl-sh
// act on: code, search paths, history files, prompts, nl-sh's state.
const dangerousName = /^(?:__nlsh|BASH|PROMPT_COMMAND$|PS[0-4]$|HIST|LD_|GCONV_PATH$|ENV$|PATH$|CDPATH$|IFS$|SHELLOPTS$|GLOBIGNORE$|FIGNORE$|INPUTRC$|TMOUT$|MAIL|PAGER$|MANPAGER$|GIT_|SYSTEMD_|EDITOR$|VISUAL$|BROWSER$|TERMINFO|NODE_OPTIONS$|NODE_PATH$|PYTHON|PERL|RUBY|LUA_|TCL|JAVA_TOOL_OPTIONS$|_JAVA_OPTIONS$|CLASSPATH$|GEM_|XDG_|SSH_|GPG_|GNUPG|DISPLAY$|XAUTHORITY$|DBUS_|LESS|MALLOC|LOCPATH$|NLSPATH$|TZDIR$|HOSTALIASES$|RESOLV_|LANG$|LC_|COMP_|READLINE|SUDO_|DOCKER_HOST$|KUBECONFIG$|AWS_CONFIG_FILE$|AWS_SHARED_CREDENTIALS_FILE$|http_proxy$|https_proxy$|HTTPS?_PROXY$|ALL_PROXY$|all_proxy$|no_proxy$|NO_PROXY$)/;
const safeSetOptions: ReadonlySet<string> = new Set(['vi', 'emacs', 'noclobber', 'pipefail', 'ignoreeof', 'notify']);
const safeShoptOptions: ReadonlySet<string> = new Set(['autocd', 'cdspell', 'dirspell', 'direxpand', 'checkwinsize', 'dotglob', 'extglob', 'globstar', 'nocaseglob', 'nocasematch', 'nullglob', 'failglob', 'histappend', 'cmdhist', 'lithist', 'checkjobs']);
const directoryBuiltins: ReadonlySet<string> = new Set(['cd', 'pushd', 'popd']);
// Programs whose purpose is to signal processes, and systemctl verbs that stop or signal units.
const signallers: ReadonlySet<string> = new Set(['kill', 'pkill', 'killall', 'skill', 'fuser', 'xkill']);
const systemctlSignalVerbs: ReadonlySet<string> = new Set(['stop', 'kill', 'restart', 'try-restart', 'reload-or-restart', 'isolate']);
const literalWords: ReadonlySet<string> = new Set(['word', 'raw_string', 'number', 'concatenation', 'string', 'variable_name']);

/** The shape of `command` as the parser reads it. */
export function commandShape(parser: BashParser, command: string): CommandShape {
  return parser.withTree(command, (root) => {
    if (root.hasError) return { shellStateOnly: false, directoryOnly: false, processControl: hasSignaller(root) };
    const top = topLevelCommands(root);
    const names = top?.map(nameOf);
    const stateOnly = top !== undefined && top.length > 0 && top.every((c, i) => shellStateBuiltins.has(names?.[i] ?? '') && allLiteral(c) && harmless(names?.[i] ?? '', c));
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

// The words after the builtin's name, as written (literal: allLiteral holds).
function argsOf(command: SyntaxNode): string[] {
  return command.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'command_name').map((c) => c.text.replace(/^(['"])(.*)\1$/s, '$2'));
}

// Whether a shell-state builtin with these words only makes a harmless change to the shell.
function harmless(name: string, command: SyntaxNode): boolean {
  const args = argsOf(command);
  const variable = (word: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*(?:=.*)?$/s.test(word) && !dangerousName.test(word.split('=')[0] ?? '');
  switch (name) {
    case 'cd':
    case 'pushd':
    case 'popd':
    case 'dirs':
      return true;
    case 'export':
    case 'declare':
      return args.length > 0 && args.every((a) => (name === 'export' && a === '-n' ? false : variable(a)));
    case 'unset':
      return args.length > 0 && args.every((a) => a === '-v' || variable(a));
    case 'set':
      return args.length === 2 && /^[-+]o$/.test(args[0] ?? '') && safeSetOptions.has(args[1] ?? '');
    case 'shopt':
      return args.length >= 2 && /^-[su]$/.test(args[0] ?? '') && args.slice(1).every((o) => safeShoptOptions.has(o));
    case 'umask':
      return args.length === 1 && /^0?[0-7]{3}$/.test(args[0] ?? '');
    default:
      return false;
  }
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
