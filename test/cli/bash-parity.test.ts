// Non-interactive parity: for `-c`, script operands, piped stdin, TERM=dumb, NLSH_DISABLE=1 and
// login argv[0], bin/nl-sh must be indistinguishable from bash. Every case runs the same
// invocation twice, once with bash and once with the launcher, with identical argv (after the
// program name), stdin bytes, environment and working directory, and asserts that stdout,
// stderr and the exit status or signal are exactly equal, byte for byte.
//
// Two entry points are compared: bin/nl-sh (the native launcher that `npm run setup` compiles
// and that /etc/shells names, so it is what sshd, login, `su -` and every `$SHELL -c` run) and
// libexec/nl-sh.sh (the #! launcher setup installs instead where there is no C compiler; see
// `runsOn` for the cases it cannot pass by construction).
//
// Fairness notes:
// - The reference run uses argv[0] "bash" (or "-bash" for login): the launcher is meant to exec
//   bash with exactly that argv[0], and messages such as "bash: line 1: foo: command not found"
//   and `$0` depend on it. The launcher run uses argv[0] "nl-sh" ("-nl-sh" for login).
// - Both runs of a case use the very same temporary directory path (it is emptied and
//   re-populated between the runs), so outputs that contain the cwd need no normalising.
// - Nothing is normalised except in the process-identity cases, where `$$` necessarily differs
//   between two processes; there the pid is checked against the spawned pid instead.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BASH = '/bin/bash';
const NLSH = fileURLToPath(new URL('../../bin/nl-sh', import.meta.url));
const NLSH_SH = fileURLToPath(new URL('../../libexec/nl-sh.sh', import.meta.url));

interface Launcher {
  name: string;
  path: string;
  /** Whether the program can see a login argv[0] at all. */
  seesArgv0: boolean;
  /** Whether every environment entry reaches bash (dash drops non-identifier names). */
  keepsAllEnv: boolean;
  /** Whether it can give bash the argv[0] "bash" when bash is not on PATH. */
  setsArgv0: boolean;
}
// The native launcher (what setup installs as bin/nl-sh) must pass every case. The sh
// launcher, installed only where no C compiler exists, is a #! script run by dash: it cannot
// see a login argv[0], loses environment entries dash drops, and can name bash only by path
// when bash is not on PATH (README: "Without a C compiler"); those cases run on the native one.
const launchers: Launcher[] = [
  { name: 'bin/nl-sh (native launcher)', path: NLSH, seesArgv0: true, keepsAllEnv: true, setsArgv0: true },
  { name: 'libexec/nl-sh.sh (compile-free launcher)', path: NLSH_SH, seesArgv0: false, keepsAllEnv: false, setsArgv0: false },
];

type StdinKind = 'pipe' | 'file' | 'socket';
type FileSpec = string | Buffer | { data: string | Buffer; mode: number } | { dir: true } | { link: string };

/** What the reference (bash) run must show, so that a case cannot pass vacuously. */
interface RefExpect {
  status?: number | null;
  signal?: NodeJS.Signals | null;
  stdout?: string | RegExp;
  stderr?: string | RegExp;
}

interface Case {
  title: string;
  /** argv after the program name; a Buffer argument carries raw (possibly non-UTF-8) bytes. */
  args: (string | Buffer)[];
  stdin?: string | Buffer;
  /** What stdin is: a FIFO fed by a writer (default), a regular file, or a socket. */
  stdinKind?: StdinKind;
  /** Added to the base environment; undefined removes a variable. `@DIR@` becomes the case dir. */
  env?: Record<string, string | undefined>;
  /** Files created in the case directory before each run (paths relative to it). */
  files?: Record<string, FileSpec>;
  /** Working directory relative to the case directory. */
  cwd?: string;
  /** Run as a login shell: argv[0] "-bash" for bash, "-nl-sh" for the launcher. */
  login?: boolean;
  /** Needs environment entries with non-identifier names to reach bash. */
  fullEnv?: boolean;
  /** Needs argv[0] "bash" for a bash that is not on PATH. */
  argv0Control?: boolean;
  /** Shell code run by a bash trampoline right before it execs the program (e.g. `trap '' INT`). */
  prelude?: string;
  ref?: RefExpect;
}

interface Run {
  pid: number | undefined;
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: Buffer;
}

const baseEnv = (dir: string): Record<string, string> => ({
  PATH: '/usr/local/bin:/usr/bin:/bin',
  HOME: dir,
  LANG: 'C',
  LC_ALL: 'C',
  USER: 'parity',
  LOGNAME: 'parity',
  TZ: 'UTC',
});

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function populate(dir: string, files: Record<string, FileSpec> | undefined): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, spec] of Object.entries(files ?? {})) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    if (typeof spec === 'string' || Buffer.isBuffer(spec)) writeFileSync(path, spec);
    else if ('dir' in spec) mkdirSync(path, { recursive: true });
    else if ('link' in spec) symlinkSync(spec.link, path);
    else {
      writeFileSync(path, spec.data);
      chmodSync(path, spec.mode);
    }
  }
}

// Node passes argv as UTF-8 strings, so raw bytes (and a prelude such as an ignored signal) go
// through a bash trampoline that decodes \xHH escapes and then execs the program with the
// wanted argv[0]. Both runs of a case use the same trampoline; exec keeps the pid. (The
// trampoline is a `bash -c`, so a case with a prelude must not set BASH_ENV or SHELLOPTS.)
const TRAMPOLINE = [
  'a0=$1 prog=$2 prelude=$3; shift 3',
  'n=$#; for ((i = 0; i < n; i++)); do x=$(printf "%bX" "$1"); set -- "$@" "${x%X}"; shift; done',
  'eval "$prelude"',
  'exec -a "$a0" "$prog" "$@"',
].join('\n');
const escapeBytes = (b: Buffer) => [...b].map((c) => `\\x${c.toString(16).padStart(2, '0')}`).join('');

function runOnce(program: string, argv0: string, c: Case, dir: string): Run {
  populate(dir, c.files);
  const env: Record<string, string> = baseEnv(dir);
  for (const [k, v] of Object.entries(c.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v.replaceAll('@DIR@', dir);
  }
  const needsTrampoline = c.prelude !== undefined || c.args.some((a) => Buffer.isBuffer(a));
  const [file, args, a0] = needsTrampoline
    ? [BASH, ['--norc', '--noprofile', '-c', TRAMPOLINE, 'trampoline', argv0, program, c.prelude ?? '', ...c.args.map((a) => escapeBytes(Buffer.from(a)))], 'bash']
    : [program, c.args.map((a) => a.toString()), argv0];
  const input = typeof c.stdin === 'string' ? Buffer.from(c.stdin) : (c.stdin ?? Buffer.alloc(0));
  const stdin = openStdin(c.stdinKind ?? 'pipe', input, dirname(dir));
  try {
    const r = spawnSync(file, args, {
      argv0: a0,
      cwd: join(dir, c.cwd ?? '.'),
      env,
      stdio: [stdin.fd ?? 'pipe', 'pipe', 'pipe'],
      ...(stdin.fd === undefined ? { input } : {}),
      maxBuffer: 64 * 1024 * 1024,
      timeout: 15_000,
      killSignal: 'SIGKILL',
    });
    if (r.error) throw r.error;
    return { pid: r.pid, status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
  } finally {
    stdin.close();
  }
}

// Node's own stdio "pipes" are socketpairs, and bash treats a socket on stdin like a run by
// sshd (it may then read bashrc files). A user's `cmd | nl-sh` gives a real pipe, so stdin is a
// FIFO fed by a small writer process unless a case asks for a socket or a regular file.
function openStdin(kind: StdinKind, input: Buffer, scratch: string): { fd: number | undefined; close: () => void } {
  if (kind === 'socket') return { fd: undefined, close: () => {} };
  const data = join(scratch, 'stdin.bin');
  writeFileSync(data, input);
  if (kind === 'file') {
    const fd = openSync(data, 'r');
    return { fd, close: () => closeSync(fd) };
  }
  const fifo = join(scratch, 'stdin.fifo');
  rmSync(fifo, { force: true });
  const mk = spawnSync('mkfifo', [fifo]);
  if (mk.status !== 0) throw new Error(`mkfifo failed: ${mk.stderr.toString()}`);
  const writer = spawn('/bin/sh', ['-c', 'exec cat -- "$0" > "$1"', data, fifo], { stdio: 'ignore' });
  writer.on('error', () => {});
  const fd = openSync(fifo, 'r');
  return {
    fd,
    close: () => {
      closeSync(fd);
      writer.kill('SIGKILL');
    },
  };
}

/** Runs bash then the launcher in the same (re-created) directory. */
function runBoth(c: Case, launcher: string): { ref: Run; got: Run } {
  const root = mkdtempSync(join(tmpdir(), 'nlsh-parity-'));
  roots.push(root);
  const dir = join(root, 'case');
  const ref = runOnce(BASH, c.login ? '-bash' : 'bash', c, dir);
  const got = runOnce(launcher, c.login ? '-nl-sh' : 'nl-sh', c, dir);
  rmSync(root, { recursive: true, force: true });
  return { ref, got };
}

/** A readable, still exact, view of a run: small outputs as latin1 text, big ones as a digest. */
function view(r: Run) {
  const bytes = (b: Buffer) => (b.length <= 8192 ? b.toString('latin1') : `${b.length} bytes, sha256 ${createHash('sha256').update(b).digest('hex')}`);
  return { status: r.status, signal: r.signal, stdout: bytes(r.stdout), stderr: bytes(r.stderr) };
}

function checkRef(ref: Run, want: RefExpect | undefined): void {
  if (!want) return;
  if (want.status !== undefined) expect(ref.status).toBe(want.status);
  if (want.signal !== undefined) expect(ref.signal).toBe(want.signal);
  const match = (b: Buffer, m: string | RegExp) => (typeof m === 'string' ? expect(b.toString('latin1')).toBe(m) : expect(b.toString('latin1')).toMatch(m));
  if (want.stdout !== undefined) match(ref.stdout, want.stdout);
  if (want.stderr !== undefined) match(ref.stderr, want.stderr);
}

function expectParity(c: Case, launcher: string): void {
  const { ref, got } = runBoth(c, launcher);
  checkRef(ref, c.ref);
  expect(view(got)).toEqual(view(ref));
  expect(got.stdout.equals(ref.stdout)).toBe(true);
  expect(got.stderr.equals(ref.stderr)).toBe(true);
}

const bytes = (...b: number[]) => Buffer.from(b);
// A helper process that sends SIGTERM to the shell from outside once the shell has created the
// file `ready` ($$ is the trampoline's pid, which the program under test keeps through exec).
const TERM_WHEN_READY = '(for i in $(seq 500); do [ -e ready ] && break; sleep 0.01; done; kill -TERM $$) </dev/null >/dev/null 2>&1 &';
const profile = { '.bash_profile': 'echo profile-read\n', '.bashrc': 'echo bashrc-read\n' };

const cases: Case[] = [
  // ---- quoting ----
  {
    title: 'single quotes keep $, backslashes and spaces literal',
    args: ['-c', `printf '<%s>\\n' 'a  b' '$HOME' 'back\\slash' "it's"`],
    ref: { status: 0, stdout: "<a  b>\n<$HOME>\n<back\\slash>\n<it's>\n" },
  },
  {
    title: 'double quotes expand variables but suppress splitting and globbing',
    args: ['-c', 'x="a  *"; printf "<%s>\\n" "$x" $x'],
    files: { a1: '', a2: '' },
    ref: { status: 0, stdout: '<a  *>\n<a>\n<a1>\n<a2>\n' },
  },
  {
    title: "$'...' ANSI-C quoting decodes escapes and stops at \\0",
    args: ['-c', "printf %s $'tab\\there\\x41\\u00e9\\101\\0ignored' | od -An -c"],
    ref: { status: 0, stdout: /t {3}a {3}b {2}\\t {3}h {3}e {3}r {3}e {3}A {3}\\/ },
  },
  {
    title: 'backslashes inside and outside double quotes',
    args: ['-c', 'echo "a\\\\b" \'c\\d\' e\\\\f "\\$HOME" \\$HOME "\\q"'],
    ref: { status: 0, stdout: 'a\\b c\\d e\\f $HOME $HOME \\q\n' },
  },
  {
    title: 'empty arguments are kept as positional parameters',
    args: ['-c', 'echo $#; printf "<%s>" "$@"; echo', 'name', '', 'x', ''],
    ref: { status: 0, stdout: '3\n<><x><>\n' },
  },
  {
    title: 'arguments with spaces, newlines and glob characters stay intact in "$@"',
    args: ['-c', 'printf "<%s>\\n" "$@"; echo $*', 'name', 'a b', 'line1\nline2', '*', '?[x]'],
    files: { 'f1.txt': '', 'f2.txt': '' },
    ref: { status: 0, stdout: /^<a b>\n<line1\nline2>\n<\*>\n<\?\[x\]>\na b line1 line2 f1.txt f2.txt \?\[x\]\n$/ },
  },
  {
    title: '"$@" versus $* versus "$*" with a custom IFS',
    args: ['-c', 'set -- "a b" c; printf "[%s]" "$@"; echo; printf "[%s]" $*; echo; printf "[%s]" "$*"; echo; IFS=,; echo "$*"'],
    ref: { status: 0, stdout: '[a b][c]\n[a][b][c]\n[a b c]\na b,c\n' },
  },
  {
    title: 'a multi-line command string with a here-document',
    args: ['-c', 'cat <<EOF\nhome is $HOME\n  indented\nEOF\necho "$LINENO"'],
    ref: { status: 0, stdout: /home is .*\/case\n {2}indented\n\d+\n$/ },
  },
  {
    title: 'a command string that is not valid UTF-8',
    args: ['-c', Buffer.concat([Buffer.from('printf %s \''), bytes(0xff, 0xfe, 0x80), Buffer.from("' | od -An -tx1")])],
    ref: { status: 0, stdout: /ff fe 80/ },
  },
  {
    title: 'non-UTF-8 bytes in positional arguments reach the script unchanged',
    args: ['-c', 'for a; do printf %s "$a" | od -An -tx1; done; echo ${#1}', 'name', bytes(0xff, 0xfe), Buffer.from('caf\xe9', 'latin1')],
    ref: { status: 0, stdout: /ff fe\n.*63 61 66 e9\n/ },
  },
  {
    title: 'many arguments and one very long argument',
    args: ['-c', 'echo $# ${#1} ${#2}', 'name', 'x'.repeat(100_000), ...Array.from({ length: 3000 }, (_, i) => `arg-${i}`)],
    ref: { status: 0, stdout: '3001 100000 5\n' },
  },

  // ---- $0, positional parameters and options ----
  {
    title: '-c with positional args sets $0 and $1',
    args: ['-c', 'echo $0 $1 $#', 'name', 'a', 'b'],
    ref: { status: 0, stdout: 'name a 2\n' },
  },
  {
    title: '-c without an arg0 leaves $0 as the shell name',
    args: ['-c', 'echo "$0"'],
    ref: { status: 0, stdout: 'bash\n' },
  },
  {
    title: '-c with -- as the first operand makes -- the $0',
    args: ['-c', 'echo "$0|$1|$#"', '--', 'a'],
    ref: { status: 0, stdout: '--|a|1\n' },
  },
  {
    title: '-- ends options before a script operand that starts with a dash',
    args: ['--', '-dash.sh', 'x'],
    files: { '-dash.sh': 'echo "$0 $1"\n' },
    ref: { status: 0, stdout: '-dash.sh x\n' },
  },
  {
    title: 'combined -ec stops at the first failing command',
    args: ['-ec', 'echo before; false; echo unreachable'],
    ref: { status: 1, stdout: 'before\n' },
  },
  {
    title: 'combined -xc traces commands on stderr',
    args: ['-xc', 'echo "a b"; x=1'],
    ref: { status: 0, stdout: 'a b\n', stderr: "+ echo 'a b'\n+ x=1\n" },
  },
  {
    title: 'an option after -c (-c -x) is still an option',
    args: ['-c', '-x', 'echo hi'],
    ref: { status: 0, stdout: 'hi\n', stderr: '+ echo hi\n' },
  },
  {
    title: '-o pipefail before -c makes a failing pipeline fail',
    args: ['-o', 'pipefail', '-c', 'false | true; echo $?'],
    ref: { status: 0, stdout: '1\n' },
  },
  {
    title: '-eo pipefail takes the option name from the next argument',
    args: ['-eo', 'pipefail', '-c', 'echo start; false | true; echo unreachable'],
    ref: { status: 1, stdout: 'start\n' },
  },
  {
    title: '-O extglob before -c enables extended globs at parse time',
    args: ['-O', 'extglob', '-c', 'shopt extglob; echo !(b*)'],
    files: { apple: '', banana: '', cherry: '' },
    ref: { status: 0, stdout: /extglob\s+on\napple cherry\n/ },
  },
  {
    title: '+o braceexpand turns brace expansion off',
    args: ['+o', 'braceexpand', '-c', 'echo {a,b}; echo $-'],
    ref: { status: 0, stdout: '{a,b}\nhc\n' },
  },
  {
    title: '-c with no command string is a usage error',
    args: ['-c'],
    ref: { status: 2, stderr: /-c: option requires an argument/ },
  },
  {
    title: 'an empty command string succeeds silently',
    args: ['-c', ''],
    ref: { status: 0, stdout: '', stderr: '' },
  },
  {
    title: 'an unknown long option prints usage and exits 2',
    args: ['--bogus-option', '-c', 'echo no'],
    ref: { status: 2, stderr: /--bogus-option: invalid option\nUsage:/ },
  },
  {
    title: 'an unknown short option prints usage and exits 2',
    args: ['-Z', '-c', 'echo no'],
    ref: { status: 2, stderr: /-Z: invalid option/ },
  },
  {
    title: '-n checks syntax without running anything',
    args: ['-n', '-c', 'echo never; if'],
    ref: { status: 2, stdout: '', stderr: /syntax error/ },
  },
  {
    title: '-v echoes the command string on stderr',
    args: ['-v', '-c', 'echo verbose'],
    ref: { status: 0, stdout: 'verbose\n', stderr: 'echo verbose\n' },
  },
  {
    title: '--norc --noprofile --posix -c runs in POSIX mode',
    args: ['--norc', '--noprofile', '--posix', '-c', 'shopt -o posix; echo ${POSIXLY_CORRECT-unset}'],
    ref: { status: 0, stdout: /posix\s+on\n/ },
  },
  {
    title: '-r makes a restricted shell that refuses cd',
    args: ['-r', '-c', 'cd /; echo status=$?'],
    ref: { status: 0, stdout: 'status=1\n', stderr: /cd: restricted/ },
  },
  {
    title: '-lc reads ~/.bash_profile and reports a login shell',
    args: ['-lc', 'shopt -q login_shell && echo login'],
    files: profile,
    ref: { status: 0, stdout: /profile-read\nlogin\n$/ },
  },
  {
    title: '--login -c reads ~/.bash_profile and reports a login shell',
    args: ['--login', '-c', 'shopt login_shell'],
    files: profile,
    ref: { status: 0, stdout: /profile-read\nlogin_shell\s+on\n$/ },
  },

  // ---- set -e/-u/-x, pipefail, exit, return, syntax errors ----
  {
    title: 'set -e exits on failure but not inside || lists',
    args: ['-c', 'set -e; false || echo rescued; if false; then :; fi; echo still; false; echo unreachable'],
    ref: { status: 1, stdout: 'rescued\nstill\n' },
  },
  {
    title: 'set -u reports an unbound variable and exits 127',
    args: ['-c', 'set -u; echo "${defined-default}"; echo "$nope"; echo unreachable'],
    ref: { status: 127, stdout: 'default\n', stderr: /nope: unbound variable/ },
  },
  {
    title: 'set -x traces assignments, substitutions and commands with a custom PS4',
    args: ['-c', "PS4='+[$LINENO] '; set -x; a=$((1 + 2)); echo \"$a\" $(echo sub)"],
    ref: { status: 0, stdout: '3 sub\n', stderr: '+[1] a=3\n++[1] echo sub\n+[1] echo 3 sub\n' },
  },
  {
    // bash imports PS4 from the environment only when not running as root.
    title: 'set -x with PS4 in the environment',
    args: ['-c', 'set -x; : "$PS4"'],
    env: { PS4: '+env ' },
    ref: { status: 0, stderr: /^\+.* : / },
  },
  {
    title: 'set -o pipefail returns the last failing status of a pipeline',
    args: ['-c', 'set -o pipefail; (exit 3) | (exit 4) | true; echo $?; echo "${PIPESTATUS[@]}"'],
    ref: { status: 0, stdout: '4\n0\n' },
  },
  ...[0, 1, 2, 42, 126, 127, 255, 256, 300, -1].map(
    (n): Case => ({ title: `exit ${n} gives status ${((n % 256) + 256) % 256}`, args: ['-c', `echo out; echo err >&2; exit ${n}`], ref: { status: ((n % 256) + 256) % 256 } }),
  ),
  {
    title: 'exit with a non-numeric argument is an error with status 2',
    args: ['-c', 'exit abc'],
    ref: { status: 2, stderr: /numeric argument required/ },
  },
  {
    title: 'exit without an argument keeps the last status',
    args: ['-c', '(exit 9); exit'],
    ref: { status: 9 },
  },
  {
    title: 'return outside a function is an error',
    args: ['-c', 'return 3; echo after $?'],
    ref: { status: 0, stdout: 'after 2\n', stderr: /return: can only `return' from a function or sourced script/ },
  },
  {
    title: 'an unexpected token is a syntax error with status 2',
    args: ['-c', 'echo ok; echo )'],
    ref: { status: 2, stdout: '', stderr: /syntax error near unexpected token `\)'/ },
  },
  {
    title: 'an unterminated quote is a syntax error with status 2',
    args: ['-c', 'echo "abc'],
    ref: { status: 2, stderr: /unexpected EOF while looking for matching `"'/ },
  },
  {
    title: 'an incomplete if is a syntax error at end of input',
    args: ['-c', 'if true; then echo x'],
    ref: { status: 2, stderr: /syntax error: unexpected end of file/ },
  },
  {
    title: 'a missing command is status 127 with a message',
    args: ['-c', 'no-such-command-xyz arg; echo status=$?'],
    ref: { status: 0, stdout: 'status=127\n', stderr: /no-such-command-xyz: command not found/ },
  },
  {
    title: 'running a non-executable file is status 126 with a message',
    args: ['-c', './plain.sh; echo status=$?'],
    files: { 'plain.sh': { data: 'echo no\n', mode: 0o644 } },
    ref: { status: 0, stdout: 'status=126\n', stderr: /plain.sh: Permission denied/ },
  },

  // ---- signals and traps ----
  {
    title: 'kill -TERM $$ terminates the shell by SIGTERM',
    args: ['-c', 'echo before; kill -TERM $$; echo unreachable'],
    ref: { status: null, signal: 'SIGTERM', stdout: 'before\n' },
  },
  {
    title: 'kill -INT $$ terminates the shell by SIGINT',
    args: ['-c', 'kill -INT $$; echo unreachable'],
    ref: { status: null, signal: 'SIGINT', stdout: '' },
  },
  {
    title: 'kill -KILL $$ terminates the shell by SIGKILL',
    args: ['-c', 'echo before; kill -KILL $$'],
    ref: { status: null, signal: 'SIGKILL', stdout: 'before\n' },
  },
  {
    title: 'kill -USR1 $$ terminates the shell by SIGUSR1',
    args: ['-c', 'kill -USR1 $$'],
    ref: { status: null, signal: 'SIGUSR1' },
  },
  {
    title: 'a TERM trap runs and its exit status is used',
    args: ['-c', "trap 'echo caught TERM; exit 143' TERM; kill -TERM $$; echo unreachable"],
    ref: { status: 143, stdout: 'caught TERM\n' },
  },
  {
    title: 'an EXIT trap runs on exit and on a trapped signal',
    args: ['-c', "trap 'echo exit-trap $?' EXIT; trap 'echo hup; exit 5' HUP; kill -HUP $$"],
    ref: { status: 5, stdout: 'hup\nexit-trap 5\n' },
  },
  {
    title: 'trap -p prints the installed traps',
    args: ['-c', "trap 'echo x' INT USR2; trap '' QUIT; trap -p"],
    ref: { status: 0, stdout: /trap -- 'echo x' SIGINT/ },
  },
  {
    title: 'a child killed by a signal gives status 128+n',
    args: ['-c', 'sh -c \'kill -TERM $$\'; s=$?; echo $s $(kill -l $s); sh -c \'kill -INT $$\'; echo $?'],
    ref: { status: 0, stdout: '143 TERM\n130\n' },
  },
  {
    title: 'SIGPIPE ends a writer early in a pipeline',
    args: ['-c', 'yes | head -n 2; echo "${PIPESTATUS[@]}"'],
    ref: { status: 0, stdout: 'y\ny\n141 0\n' },
  },
  {
    title: 'SIGINT ignored on entry stays ignored and cannot be trapped',
    prelude: "trap '' INT",
    args: ['-c', "trap 'echo caught' INT; kill -INT $$; echo survived"],
    ref: { status: 0, stdout: 'survived\n' },
  },
  {
    title: 'SIGPIPE ignored on entry makes writers see EPIPE instead',
    prelude: "trap '' PIPE",
    args: ['-c', 'yes | head -n 1; echo "${PIPESTATUS[@]}"'],
    ref: { status: 0, stdout: 'y\n1 0\n', stderr: /Broken pipe/ },
  },

  // ---- data: large, binary, NUL, closed descriptors ----
  {
    title: 'more than 10 MB on stdout with interleaved stderr',
    args: ['-c', 'awk \'BEGIN { for (i = 0; i < 600000; i++) { print i, "some output line"; if (i % 5000 == 0) print "err", i > "/dev/stderr" } }\'; echo done >&2'],
    ref: { status: 0, stdout: /^0 some output line\n[\s\S]*599999 some output line\n$/, stderr: /^err 0\n[\s\S]*err 595000\ndone\n$/ },
  },
  {
    title: 'NUL bytes in output are passed through',
    args: ['-c', "printf 'a\\0b\\0\\0c'; printf '\\0' >&2"],
    ref: { status: 0, stdout: 'a\0b\0\0c', stderr: '\0' },
  },
  {
    title: 'non-UTF-8 bytes in output are passed through',
    args: ['-c', "printf '\\xff\\xfe\\x80\\n'; printf '\\xc3\\x28' >&2"],
    ref: { status: 0, stdout: '\xff\xfe\x80\n', stderr: '\xc3\x28' },
  },
  {
    title: 'non-UTF-8 and NUL bytes on stdin reach the command',
    args: ['-c', 'od -An -tx1'],
    stdin: bytes(0xff, 0xfe, 0x00, 0x80, 0x0a),
    ref: { status: 0, stdout: /ff fe 00 80 0a/ },
  },
  {
    title: 'a closed stdout makes echo fail with a write error',
    prelude: 'exec >&-',
    args: ['-c', 'echo hi; echo status=$? >&2'],
    ref: { status: 0, stderr: /write error: Bad file descriptor\nstatus=1\n/ },
  },
  {
    title: 'a closed stdin makes read fail',
    prelude: 'exec <&-',
    args: ['-c', 'read x; echo status=$?'],
    ref: { status: 0, stdout: 'status=1\n' },
  },
  {
    title: 'the launcher leaks no file descriptor into bash',
    // Start from exactly 0, 1 and 2 (whatever this test process happens to hold is closed), so
    // any other descriptor in bash would come from the launcher.
    prelude: 'for f in /proc/$$/fd/*; do n=${f##*/}; ((n > 2)) && eval "exec $n>&-"; done',
    // Builtins only: a pipeline's own pipes would race with the listing.
    args: ['-c', 'for f in /proc/$$/fd/*; do printf "%s " "${f##*/}"; done'],
    ref: { status: 0, stdout: /^0 1 2 (3 )?$/ },
  },

  // ---- scripts and stdin ----
  {
    title: 'a missing script file is status 127 with a message',
    args: ['/nonexistent/script.sh'],
    ref: { status: 127, stderr: /\/nonexistent\/script.sh: No such file or directory/ },
  },
  {
    title: 'a directory as the script is status 126',
    args: ['somedir', 'arg'],
    files: { somedir: { dir: true } },
    ref: { status: 126, stderr: /somedir: Is a directory/ },
  },
  {
    title: 'a binary file as the script cannot be executed',
    args: ['prog.bin'],
    files: { 'prog.bin': bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0) },
    ref: { status: 126, stderr: /cannot execute binary file/ },
  },
  {
    title: 'a non-executable script without a shebang runs with its arguments',
    args: ['plain.sh', 'one', 'two words'],
    files: { 'plain.sh': { data: 'echo "$0|$#|$1|$2"; echo "${BASH_SOURCE[0]}" $LINENO\nexit 4\n', mode: 0o644 } },
    ref: { status: 4, stdout: 'plain.sh|2|one|two words\nplain.sh 1\n' },
  },
  {
    title: 'a script with a #!/bin/sh shebang is still run by bash',
    args: ['./shebang.sh', 'a'],
    files: { 'shebang.sh': { data: '#!/bin/sh\necho "${BASH_VERSION:+bash} $0 $1"\n', mode: 0o755 } },
    ref: { status: 0, stdout: 'bash ./shebang.sh a\n' },
  },
  {
    title: 'a script with a syntax error reports its name and line',
    args: ['bad.sh'],
    files: { 'bad.sh': 'echo first\nfor x in; do\n' },
    ref: { status: 2, stdout: 'first\n', stderr: /^bad.sh: line \d+: syntax error/ },
  },
  {
    title: 'a script operand is searched in PATH when not in the cwd',
    args: ['found-in-path.sh', 'p'],
    env: { PATH: 'tools:/usr/local/bin:/usr/bin:/bin' },
    files: { 'tools/found-in-path.sh': { data: 'echo "via path $1"\n', mode: 0o755 } },
    ref: { status: 0, stdout: 'via path p\n' },
  },
  {
    title: '-s reads the script from stdin with positional args',
    args: ['-s', 'arg1', 'arg 2'],
    stdin: 'echo "$0|$#|$1|$2"\necho $-\n',
    ref: { status: 0, stdout: /^bash\|2\|arg1\|arg 2\nh\w*s\n$/ },
  },
  {
    title: 'commands from piped stdin',
    args: [],
    stdin: 'echo hi\nx=3\necho "$x $0 $-"\nexit 6\necho unreachable\n',
    ref: { status: 6, stdout: /^hi\n3 bash h\w*s\n$/ },
  },
  {
    title: 'a command on stdin can read the following stdin lines',
    args: [],
    stdin: 'read -r line\nthis is data\necho "got: $line"\n',
    ref: { status: 0, stdout: 'got: this is data\n' },
  },
  {
    title: 'empty stdin exits 0 without output',
    args: [],
    stdin: '',
    ref: { status: 0, stdout: '', stderr: '' },
  },
  {
    title: 'stdin without a final newline still runs the last line',
    args: [],
    stdin: 'echo a; echo b',
    ref: { status: 0, stdout: 'a\nb\n' },
  },
  {
    title: 'a syntax error on stdin is status 2 with a message',
    args: [],
    stdin: 'echo ok\nfi\necho never\n',
    ref: { status: 2, stdout: 'ok\n', stderr: /line 2: syntax error near unexpected token `fi'/ },
  },

  {
    title: 'a lone - ends options, so a following --version is a script name',
    args: ['-', '--version', 'x'],
    files: { '--version': 'echo "script $0 $1"\n' },
    ref: { status: 0, stdout: 'script --version x\n' },
  },
  {
    title: '-- before -c makes -c a script name',
    args: ['--', '-c', 'echo hi'],
    ref: { status: 127, stderr: /-c: No such file or directory/ },
  },
  {
    title: 'a megabyte on stdin is read completely by the command',
    args: ['-c', 'cksum; echo "rest: $(wc -c)"'],
    stdin: Buffer.alloc(1024 * 1024, 'abc\n'),
    ref: { status: 0, stdout: /^\d+ 1048576\nrest: 0\n$/ },
  },
  {
    title: 'commands from stdin that is a regular file, with read taking the next line',
    args: [],
    stdinKind: 'file',
    stdin: 'read -r line\nfile data\necho "got: $line"\ncat\nthe rest\n',
    ref: { status: 0, stdout: 'got: file data\nthe rest\n' },
  },
  {
    // Node's own stdio pipes are sockets; bash may then act as if run by sshd and read bashrc.
    title: 'commands from stdin that is a socket, as under sshd',
    args: [],
    stdinKind: 'socket',
    files: profile,
    stdin: 'echo "from socket $-"\n',
    ref: { status: 0, stdout: /from socket h\w*s\n$/ },
  },
  {
    title: '-c with stdin that is a socket, as for ssh host cmd',
    args: ['-c', 'echo "cmd $0"'],
    stdinKind: 'socket',
    files: profile,
    ref: { status: 0, stdout: /cmd bash\n$/ },
  },
  {
    title: 'SIGTERM from outside while waiting runs the TERM trap',
    args: ['-c', 'trap \'echo got TERM; kill $! 2>/dev/null; exit 9\' TERM; : > ready; sleep 2 </dev/null >/dev/null 2>&1 & wait'],
    prelude: TERM_WHEN_READY,
    ref: { status: 9, stdout: 'got TERM\n' },
  },
  {
    title: 'SIGTERM from outside kills a shell without a trap',
    args: ['-c', 'echo started; : > ready; sleep 2 </dev/null >/dev/null 2>&1 & wait'],
    prelude: TERM_WHEN_READY,
    ref: { status: null, signal: 'SIGTERM', stdout: 'started\n' },
  },
  {
    title: 'a background job that outlives the shell still writes to the same stdout',
    args: ['-c', '(sleep 0.2; echo late) & echo early'],
    ref: { status: 0, stdout: 'early\nlate\n' },
  },

  // ---- environment ----
  {
    title: 'the exported environment (env | sort) is identical',
    args: ['-c', 'env | sort'],
    env: { SHLVL: '4', CUSTOM: 'x y', EMPTY: '', SHELL: '/bin/bash', OLDPWD: '/', MULTI: 'line1\nline2' },
    ref: { status: 0, stdout: /^CUSTOM=x y\nEMPTY=\n[\s\S]*\nOLDPWD=\/\n[\s\S]*\nSHLVL=5\n[\s\S]*\n_=\/usr\/bin\/env\n/ },
  },
  {
    title: 'SHLVL starts at 1 when unset and PWD is exported',
    args: ['-c', 'echo "$SHLVL" "$PWD" "$OLDPWD"; env | grep -E "^(SHLVL|PWD|OLDPWD)="'],
    ref: { status: 0, stdout: /^1 / },
  },
  {
    title: 'export makes a variable visible to children, plain assignment does not',
    args: ['-c', 'export A=1; B=2; C=3 sh -c \'echo ${A-unset} ${B-unset} ${C-unset} ${INHERITED-unset}\''],
    env: { INHERITED: 'yes' },
    ref: { status: 0, stdout: '1 unset 3 yes\n' },
  },
  {
    title: 'declare -p shows the same variables and attributes',
    args: ['-c', 'declare -p | grep -Ev "^declare -[a-zA-Z-]+ (BASHPID|EPOCHREALTIME|EPOCHSECONDS|RANDOM|SRANDOM|SECONDS)(=|$)"'],
    ref: { status: 0, stdout: /declare -- BASH="/ },
  },
  {
    title: 'shell option listings (shopt, set -o, $-) are identical',
    args: ['-c', 'shopt; set -o; echo $-'],
    ref: { status: 0, stdout: /hBc\n$/ },
  },
  {
    title: 'an exported function in the environment is callable', fullEnv: true,
    args: ['-c', 'greet world'],
    env: { 'BASH_FUNC_greet%%': '() { echo "hello $1"; }' },
    ref: { status: 0, stdout: 'hello world\n' },
  },
  {
    title: 'environment variables whose names are not identifiers pass through', fullEnv: true,
    args: ['-c', 'env | grep -E "^(a-b|x.y)=" | sort'],
    env: { 'a-b': '1', 'x.y': '2' },
    ref: { status: 0, stdout: 'a-b=1\nx.y=2\n' },
  },
  {
    title: 'BASH_ENV is sourced before a -c command',
    args: ['-c', 'echo "cmd $FROM_ENV_FILE"'],
    env: { BASH_ENV: './env-file.sh' },
    files: { 'env-file.sh': 'echo sourced; FROM_ENV_FILE=yes\n' },
    ref: { status: 0, stdout: 'sourced\ncmd yes\n' },
  },
  {
    title: 'BASH_ENV is sourced before a script',
    args: ['script.sh'],
    env: { BASH_ENV: '@DIR@/env-file.sh' },
    files: { 'env-file.sh': 'echo sourced\n', 'script.sh': 'echo script\n' },
    ref: { status: 0, stdout: 'sourced\nscript\n' },
  },
  {
    title: 'SHELLOPTS and BASHOPTS from the environment are applied',
    args: ['-c', 'echo !(b*)'],
    env: { SHELLOPTS: 'xtrace', BASHOPTS: 'extglob' },
    files: { apple: '', banana: '' },
    ref: { status: 0, stdout: 'apple\n', stderr: /^\+ echo apple\n$/ },
  },
  {
    title: 'IFS and ENV from the environment are ignored',
    args: ['-c', 'x="a b:c"; printf "<%s>" $x; echo; env | grep -E "^(IFS|ENV)="'],
    env: { IFS: ':', ENV: './env-file.sh' },
    files: { 'env-file.sh': 'echo should-not-be-read\n' },
    ref: { status: 0, stdout: /^<a><b:c>\n/ },
  },
  {
    title: 'a logical PWD through a symlink is kept',
    args: ['-c', 'pwd; pwd -P; echo "$PWD"'],
    cwd: 'real',
    env: { PWD: '@DIR@/link' },
    files: { real: { dir: true }, link: { link: 'real' } },
    ref: { status: 0, stdout: /\/link\n.*\/real\n.*\/link\n$/ },
  },
  {
    title: 'a stale PWD from the environment is replaced by the real cwd',
    args: ['-c', 'echo "$PWD"'],
    env: { PWD: '/' },
    ref: { status: 0, stdout: /nlsh-parity-.*\/case\n$/ },
  },
  {
    title: 'POSIXLY_CORRECT in the environment turns on POSIX mode',
    args: ['-c', 'shopt -o posix; no-such-cmd'],
    env: { POSIXLY_CORRECT: '1' },
    ref: { status: 127, stdout: /posix\s+on/ },
  },
  {
    title: 'umask and resource limits are inherited unchanged',
    args: ['-c', 'umask; ulimit -n; ulimit -c; ulimit -s'],
    ref: { status: 0, stdout: /^0\d{3}\n/ },
  },
  {
    title: 'the process running the command has the same argv and executable',
    args: ['-c', 'tr "\\0" " " < /proc/$$/cmdline; echo; readlink /proc/$$/exe; cat /proc/$$/comm; echo "$BASH"'],
    ref: { status: 0, stdout: /^bash -c /, },
  },

  {
    title: '$_, $BASH_ARGV0 and $BASH_EXECUTION_STRING at startup',
    args: ['-c', 'printf "<%s>\\n" "$_" "$BASH_ARGV0" "$BASH_EXECUTION_STRING"', 'zero'],
    env: { _: '/some/program' },
    ref: { status: 0, stdout: /^<.*>\n<zero>\n<printf / },
  },

  {
    title: 'a PATH without bash still gives $0 and messages as bash', argv0Control: true,
    args: ['-c', 'echo "$0"; no-such-cmd'],
    env: { PATH: '/nonexistent' },
    ref: { status: 127, stdout: 'bash\n', stderr: /^bash: line 1: no-such-cmd: command not found\n$/ },
  },

  // ---- TERM=dumb, NLSH_DISABLE=1, -i ----
  {
    title: 'TERM=dumb with piped stdin runs the commands like bash',
    args: [],
    env: { TERM: 'dumb' },
    stdin: 'echo "term=$TERM $-"; no-such-cmd\n',
    ref: { status: 127, stdout: /^term=dumb h\w*s\n$/, stderr: /no-such-cmd: command not found/ },
  },
  {
    title: 'TERM=dumb with -c',
    args: ['-c', 'echo "$TERM"; exit 3'],
    env: { TERM: 'dumb' },
    ref: { status: 3, stdout: 'dumb\n' },
  },
  {
    title: 'TERM=dumb with -i and piped stdin is an interactive bash',
    args: ['-i'],
    env: { TERM: 'dumb' },
    files: profile,
    stdin: 'echo "flags $-"\nexit 4\n',
    ref: { status: 4, stdout: /bashrc-read\n/, stderr: /exit\n$/ },
  },
  {
    title: 'NLSH_DISABLE=1 with piped stdin',
    args: [],
    env: { NLSH_DISABLE: '1' },
    stdin: 'echo "disabled=$NLSH_DISABLE"\n',
    ref: { status: 0, stdout: 'disabled=1\n' },
  },
  {
    title: 'NLSH_DISABLE=1 with -c and arguments',
    args: ['-c', 'echo "$0 $*"', 'zero', 'a', 'b'],
    env: { NLSH_DISABLE: '1', TERM: 'xterm-256color' },
    ref: { status: 0, stdout: 'zero a b\n' },
  },
  {
    title: 'NLSH_DISABLE=1 with -i and piped stdin is an interactive bash',
    args: ['-i'],
    env: { NLSH_DISABLE: '1', TERM: 'xterm-256color' },
    files: profile,
    stdin: 'echo "flags $-"\n',
    ref: { status: 0, stdout: /bashrc-read\nflags .*i/ },
  },
  {
    title: '-i -c runs ~/.bashrc and then the command',
    args: ['-i', '-c', 'echo "$-"'],
    env: { TERM: 'xterm-256color' },
    files: profile,
    ref: { status: 0, stdout: /^bashrc-read\n.*i.*\n$/ },
  },

  // ---- login shells by argv[0] ----
  {
    title: 'login argv[0] -nl-sh reads ~/.bash_profile like -bash',
    args: ['-c', 'echo "$0"; shopt -q login_shell && echo login'],
    login: true,
    files: profile,
    ref: { status: 0, stdout: /profile-read\n-bash\nlogin\n$/ },
  },
  {
    title: 'login argv[0] with commands on stdin',
    args: [],
    login: true,
    files: profile,
    stdin: 'shopt login_shell; echo "$0"\n',
    ref: { status: 0, stdout: /profile-read\nlogin_shell\s+on\n-bash\n$/ },
  },
  {
    title: 'login argv[0] with SHELLOPTS=xtrace traces only what bash runs',
    args: ['-c', 'echo traced'],
    login: true,
    env: { SHELLOPTS: 'xtrace' },
    files: profile,
    ref: { status: 0, stdout: /profile-read\ntraced\n$/, stderr: /\+ echo traced\n$/ },
  },
  {
    title: 'login argv[0] with an exported function in the environment', fullEnv: true,
    args: ['-c', 'greet login'],
    login: true,
    env: { 'BASH_FUNC_greet%%': '() { echo "hello $1"; }' },
    ref: { status: 0, stdout: /hello login\n$/ },
  },
  {
    title: 'login argv[0] with BASH_ENV set',
    args: ['-c', 'echo "cmd ${FROM_ENV_FILE-unset}"; env | grep -c "^BASH_ENV="'],
    login: true,
    env: { BASH_ENV: '@DIR@/env-file.sh' },
    files: { ...profile, 'env-file.sh': 'echo env-file-read; FROM_ENV_FILE=yes\n' },
    ref: { status: 0, stdout: /profile-read\n/ },
  },
];

// `$$` differs between any two processes, so these cases check identity instead: the pid bash
// reports must be the pid that was spawned (the launcher exec'd bash, nothing lingers in
// between) and its parent must be this test process. The rest of the output must match.
const identity: Case[] = [
  { title: '-c reports the spawned pid as $$ and this process as $PPID', args: ['-c', 'echo $$; echo $PPID; echo rest'] },
  { title: 'a script reports the spawned pid as $$', args: ['s.sh'], files: { 's.sh': 'echo $$; echo $PPID; echo rest\n' } },
  { title: 'piped stdin reports the spawned pid as $$', args: [], stdin: 'echo $$; echo $PPID; echo rest\n' },
  { title: 'TERM=dumb reports the spawned pid as $$', args: ['-s', 'x'], env: { TERM: 'dumb' }, stdin: 'echo $$; echo $PPID; echo rest\n' },
  { title: 'NLSH_DISABLE=1 with -i reports the spawned pid as $$', args: ['-i', '-s', 'x'], env: { NLSH_DISABLE: '1' }, stdin: 'echo $$; echo $PPID; echo rest\n' },
  { title: 'a login argv[0] reports the spawned pid as $$', args: ['-c', 'echo $$; echo $PPID; echo rest'], login: true },
];

describe('the table', () => {
  it('has at least 60 cases with unique titles', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.title)).size).toBe(cases.length);
  });
});

function runsOn(c: Case, l: Launcher): boolean {
  return !((c.login && !l.seesArgv0) || (c.fullEnv && !l.keepsAllEnv) || (c.argv0Control && !l.setsArgv0));
}

for (const launcher of launchers) {
  describe(`${launcher.name} is byte-for-byte bash for non-interactive use`, () => {
    it('exists (run `npm run setup` to build bin/nl-sh)', () => {
      expect(existsSync(launcher.path)).toBe(true);
    });

    for (const c of cases) {
      if (!runsOn(c, launcher)) continue;
      it(c.title, () => expectParity(c, launcher.path));
    }
  });

  describe(`${launcher.name} execs bash in place`, () => {
    for (const c of identity) {
      if (!runsOn(c, launcher)) continue;
      it(c.title, () => {
        const { ref, got } = runBoth(c, launcher.path);
        for (const r of [ref, got]) {
          const [pid, ppid, ...rest] = r.stdout.toString('latin1').split('\n');
          expect({ pid, ppid, rest, status: r.status }).toEqual({ pid: String(r.pid), ppid: String(process.pid), rest: ['rest', ''], status: 0 });
        }
        expect(got.stderr.toString('latin1')).toBe(ref.stderr.toString('latin1'));
      });
    }
  });

  describe(`${launcher.name} --version`, () => {
    it('prints nl-sh and a version instead of bash', () => {
      const r = spawnSync(launcher.path, ['--version'], { argv0: 'nl-sh', input: '', env: { PATH: '/usr/bin:/bin', HOME: tmpdir() }, timeout: 15_000 });
      expect(r.error).toBeUndefined();
      expect(r.status).toBe(0);
      expect(r.stdout.toString()).toMatch(/^nl-sh \d+\.\d+\.\d+\S*\n$/);
    });
  });
}
