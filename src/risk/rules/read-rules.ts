// The allowlist of commands that only read: listing, printing, searching, inspecting. A few
// have flags that make them write (sort -o), and those are listed with them.

import type { ArgRule, CommandRule, FlagRule, TargetRule } from './rule-types.js';

const ro = (why: string, extra: Partial<CommandRule> = {}): CommandRule => ({ level: 'read_only', why, ...extra });
// A pager option names a program the output is piped to, started by a shell (`bat --pager CMD`).
const pagerOption = (why: string, flags: string[]): CommandRule => ro(why, { options: { withValue: flags }, flags: [{ flags, runs: true, fedOutput: true, effect: 'always', level: 'writes', why: 'pipes its output to a program of its choosing' }] });
// A shell or interpreter given the data to run as a filter runs that data as code.
const runsData = '^\\s*(\\S*/)?(sh|bash|dash|zsh|ksh|mksh|fish|csh|tcsh|busybox|env|python[0-9.]*|perl|ruby|node|php|lua|awk|gawk|mawk)\\b';

// vim and its siblings: `-c CMD`, `--cmd CMD`, `+CMD` are editor commands, `-S`/`-u`/`-s FILE`
// files of them, and in ex mode (-e, -es) stdin is read as commands; all judged as code nl-sh
// cannot read (`!CMD`, strings given to `system()`/`os.execute()` are judged as shell). `-R`
// opens read-only but does not stop those commands.
const vimRunsCommands = { flags: ['-c', '--cmd', '-S'], effect: 'always', level: 'destructive', why: 'runs editor commands, which can run shell commands' } as const;
const vimLike = (why: string, level: 'read_only' | 'writes' = 'writes'): CommandRule => ({
  level, why,
  options: { withValue: ['-c', '--cmd', '-S', '-u', '-U', '-i', '-T', '-w', '-W', '-s', '-t', '-q', '-r'], longShort: ['-es', '-Es'] },
  analyzer: 'code',
  code: { language: 'opaque', options: ['-c', '--cmd'], fileOptions: ['-S', '-u', '-U', '-s'], prefixed: '^\\+(?![0-9]*$|[/?][^|]*$)' },
  flags: [{ ...vimRunsCommands, flags: [...vimRunsCommands.flags] }, { flags: ['-u', '-U', '-s', '-e', '-E', '-es', '-Es'], effect: 'always', level: 'writes', why: 'runs editor commands from a file or from stdin' }, { flags: ['-R', '-M', '-Z'], effect: 'set', level: 'read_only', why: 'opens read-only' }],
  args: [{ match: '^\\+.*!', effect: 'always', level: 'destructive', why: 'runs editor commands, which can run shell commands' }, { match: '^\\+(?![0-9]*$|[/?][^|]*$)', effect: 'always', level: 'writes', why: 'runs an editor command' }],
});
// A tmux format runs the shell command in `#(…)` when tmux expands it, in any argument (`display
// -p`, `-F`, `-c`, a message, a target): judged as shell in every tmux command.
const tmuxFormat: ArgRule = { match: '#\\(', runs: 'balanced', options: ['*'], effect: 'always', level: 'read_only', why: 'a format whose #(…) runs a shell command' };
const withTmuxFormats = (rule: CommandRule): CommandRule => ({ ...rule, args: [...(rule.args ?? []), tmuxFormat] });
const withTmuxFormatsEverywhere = (rule: CommandRule): CommandRule => ({
  ...withTmuxFormats(rule),
  subcommands: Object.fromEntries(Object.entries(rule.subcommands ?? {}).map(([verb, sub]) => [verb, withTmuxFormats(sub)])),
  otherSubcommands: withTmuxFormats(rule.otherSubcommands ?? { level: 'writes', why: 'changes sessions' }),
});
// tmux verbs whose words after the options are a shell command run in a pane or in the background.
const tmuxRuns: CommandRule = { level: 'writes', why: 'starts a session, window or pane', options: { withValue: ['-s', '-n', '-c', '-t', '-x', '-y', '-F', '-e', '-f', '-l', '-w', '-T'], stopAtPositional: true }, wraps: { inner: 'rest-as-shell' } };
// tmux send-keys types its words into a pane, where a shell runs them: judged as the command they spell.
const tmuxKeys: CommandRule = { level: 'writes', why: 'types keys into a pane', options: { withValue: ['-t', '-N'], stopAtPositional: true }, wraps: { inner: 'rest-as-shell' } };
// tmux if-shell runs its first argument as a shell command, then one of the tmux commands after it.
const tmuxIf: CommandRule = {
  level: 'writes',
  why: 'runs a shell command, then tmux commands by its result',
  options: { withValue: ['-t'] },
  args: [
    { match: '^', position: 0, runs: 'rest', effect: 'always', level: 'writes', why: 'runs this shell command' },
    { match: '^', position: 1, runs: 'rest', command: 'tmux', effect: 'always', level: 'writes', why: 'runs this tmux command' },
    { match: '^', position: 2, runs: 'rest', command: 'tmux', effect: 'always', level: 'writes', why: 'runs this tmux command' },
  ],
};
// screen -X sends a command to a running session: `stuff` types text into its shell, `exec` and
// `screen` run programs, `quit` and `kill` end programs.
const screenCommands: Record<string, CommandRule> = {
  stuff: { level: 'writes', why: 'types text into the session, where its shell runs it', wraps: { inner: 'rest-as-shell' } },
  exec: { level: 'writes', why: 'runs a program in the session', wraps: { inner: 'rest' } },
  screen: { level: 'writes', why: 'opens a window running a program', options: { withValue: ['-t', '-T', '-h'], stopAtPositional: true }, wraps: { inner: 'rest' } },
  quit: { level: 'destructive', why: 'kills every window of the session and the programs in them' },
  kill: { level: 'destructive', why: 'kills a window and the program in it' },
};

// Reading an endless device (/dev/zero, /dev/urandom) into a program that keeps what it reads
// (sort, tac, shuf, tail) grows memory or temporary files until the machine runs out.
const hoardsEndless = { match: '^/dev/(zero|u?random|full)$', level: 'destructive', why: 'reads an endless device and keeps what it reads: memory or temporary files grow until the machine runs out' } as const;

const outputOption = (why: string, options: string[]): CommandRule =>
  ro(why, {
    options: { withValue: options },
    targets: { options, onExisting: { level: 'destructive', why: 'the output file is replaced' } },
    flags: [{ flags: options, level: 'writes', why: 'writes the output to a file' }],
  });

// Options that name a file the program writes (`-o FILE`, `--logfile FILE`): writing it is
// `writes` (`-` and /dev/stdout aside), replacing an existing one destructive.
const fileTargets = (options: string[]): TargetRule => ({ options, onExisting: { level: 'destructive', why: 'the file is replaced' } });
const fileOutput = (options: string[], why = 'writes the output to a file'): FlagRule => ({ flags: options, valueMatch: '^(?!-$|/dev/(null|stdout|stderr)$)', effect: 'always', level: 'writes', why });
// Options that name a program the command runs (`sdiff --diff-program=PROG`): judged as shell.
const programOption = (options: string[], why: string): FlagRule => ({ flags: options, runs: true, effect: 'always', level: 'writes', why });

const awk: CommandRule = ro('processes text', {
  analyzer: 'code',
  code: { language: 'awk', options: ['-e', '--source'], fileOptions: ['-f', '--file', '-E', '--exec'], program: true },
  options: { withValue: ['-F', '-v', '-f', '-i', '-e', '-E', '-l', '--source', '--file', '--exec', '--include', '--load', '--field-separator', '--assign'] },
  flags: [
    { flags: ['-i', '--include'], values: ['inplace'], level: 'writes', why: 'edits the files in place' },
    { flags: ['-i', '--include'], valueMatch: '^(?!inplace$)', effect: 'always', level: 'writes', why: 'includes awk source nl-sh does not read' },
    { flags: ['-l', '--load'], effect: 'always', level: 'writes', why: 'loads a shared-library extension (native code)' },
  ],
});

// yq (both the Go and the Python one) and the Python package's xq and tomlq: `-i`, `--inplace`,
// `--in-place` edit the files; the Go yq's `-s`/`--split-exp` writes one file per document
// (the Python yq's `-s` is --slurp, which only reads: fail closed).
const yamlQuery: CommandRule = ro('processes YAML to stdout', {
  options: { withValue: ['-s', '--split-exp', '--expression', '--from-file'] },
  flags: [
    { flags: ['-i', '--inplace', '--in-place'], level: 'writes', why: 'edits the file in place' },
    { flags: ['-s', '--split-exp'], level: 'writes', why: 'writes each document to a file named by the expression' },
  ],
});

// openssl options that name a file it writes, and options that load native code.
const opensslWrites = ['-writerand', '-sess_out', '-keylogfile', '-msgfile', '-certsout', '-reqout', '-respout'];
const opensslLoads = ['-engine', '-provider', '-provider-path'];
const opensslTargets: TargetRule = { options: ['-out', '-keyout', ...opensslWrites], onExisting: { level: 'destructive', why: 'openssl replaces it or adds secrets to it' } };
// iw dev/phy/wdev NAME VERB: reading verbs show; anything else (set, del, connect, interface add) changes the device.
const iwObject = (why: string): CommandRule => ro(why, { args: [
  { match: '^(?!(info|link|scan|survey|station|mpath|mpp|get|features|channels|list|dump)$)', position: 1, level: 'privileged', why: 'changes a wireless device' },
  { match: '^(set|del|add|new|connect|disconnect|join|leave|auth|roc|switch|vendor|offchannel|remain-on-channel|interface|ibss|mesh|ocb|cqm|coalesce|wowlan|reg|measurement|ftm)$', level: 'privileged', why: 'changes a wireless device' },
] });
// iperf: a server listens for anyone; log, pid and (server) data files are written.
const iperf: CommandRule = ro('measures network throughput', {
  options: { withValue: ['-c', '--client', '-p', '--port', '-t', '--time', '-B', '--bind', '-F', '--file', '-I', '--pidfile', '--logfile', '-o', '--output', '-b', '--bitrate', '-l', '--length', '-P', '--parallel', '-i', '--interval'] },
  targets: fileTargets(['--logfile', '-I', '--pidfile', '-o', '--output']),
  flags: [
    fileOutput(['--logfile', '-I', '--pidfile', '-o', '--output'], 'writes a log or pid file'),
    { flags: ['-s', '--server', '-D', '--daemon'], level: 'writes', why: 'listens for connections from anyone' },
  ],
});
// Python linters import the plugins and run the hooks the project's configuration names (pylintrc
// init-hook and load-plugins, flake8 local-plugins, mypy plugins): project code.
const pythonLinter = (why: string, extra: Partial<CommandRule> = {}): CommandRule => ({ level: 'writes', why: `${why}, loading the plugins and hooks the project's configuration names (code)`, projectCode: true, ...extra });

/** Read-only commands. */
export const readRules: Record<string, CommandRule> = {
  ls: ro('lists files'),
  ll: ro('lists files'),
  dir: ro('lists files'),
  tree: ro('lists a directory tree', { options: { withValue: ['-o', '-L', '-P', '-I'] }, flags: [{ flags: ['-o'], level: 'writes', why: 'writes the listing to a file' }], targets: { options: ['-o'] } }),
  cat: ro('prints files', { emits: 'files' }),
  tac: ro('prints files backwards', { args: [hoardsEndless] }),
  head: ro('prints the start of files', { options: { withValue: ['-n', '-c', '--lines', '--bytes'] } }),
  tail: ro('prints the end of files', { options: { withValue: ['-n', '-c', '--lines', '--bytes', '-s', '--pid', '--sleep-interval'] }, args: [hoardsEndless] }),
  less: ro('pages through text', {
    options: { withValue: ['-o', '--log-file', '-O', '--LOG-FILE', '-p', '--pattern', '-t', '--tag', '-T', '--tag-file', '-x', '--tabs', '-y', '-z', '-b', '-h', '-j', '-k', '--lesskey-file'] },
    flags: [{ flags: ['-o', '--log-file', '-O', '--LOG-FILE'], level: 'writes', why: 'copies the input into a file' }, { flags: ['-k', '--lesskey-file'], level: 'writes', why: 'reads key bindings nl-sh does not read (they can run commands)' }],
    args: [{ match: '^\\+\\+?!', runs: 'rest', effect: 'always', level: 'read_only', why: 'runs this shell command at start (`++` for every file)' }, { match: '^\\+.*[!|]', effect: 'always', level: 'writes', why: 'a start command that can run shell commands' }],
    targets: { options: ['-o', '--log-file', '-O', '--LOG-FILE'], onExisting: { level: 'destructive', why: 'less replaces it' } },
  }),
  more: ro('pages through text'),
  most: ro('pages through text'),
  bat: pagerOption('prints files', ['--pager']),
  grep: ro('searches text', { options: { withValue: ['-e', '-f', '-m', '-A', '-B', '-C', '--regexp', '--file', '--max-count', '--include', '--exclude', '--exclude-dir', '--color', '--label'] } }),
  egrep: ro('searches text'),
  fgrep: ro('searches text'),
  zgrep: ro('searches compressed text'),
  rg: ro('searches text', { options: { withValue: ['--pre', '-e', '--regexp', '-f', '--file', '-g', '--glob', '-t', '--type', '-T', '--type-not', '-m', '--max-count', '-A', '-B', '-C', '--pre-glob'] }, flags: [{ flags: ['--pre'], runs: true, effect: 'always', level: 'read_only', why: 'runs this preprocessor command on every file' }] }),
  ag: pagerOption('searches text', ['--pager']),
  ack: pagerOption('searches text', ['--pager']),
  wc: ro('counts lines, words and bytes'),
  sort: { ...outputOption('sorts text to stdout', ['-o', '--output']), options: { withValue: ['-o', '--output', '--compress-program', '-S', '--buffer-size', '-T', '--temporary-directory', '-t', '--field-separator', '-k', '--key', '--parallel', '--files0-from', '--batch-size', '--random-source'] }, args: [hoardsEndless], flags: [
    { flags: ['-o', '--output'], level: 'writes', why: 'writes the output to a file' },
    { flags: ['--compress-program'], runs: true, effect: 'always', level: 'writes', why: 'pipes its temporary data through a program of its choosing' },
    { flags: ['--compress-program'], valueMatch: runsData, effect: 'always', level: 'destructive', why: 'a shell or interpreter as the compressor runs the data being sorted as code' },
  ] },
  uniq: ro('filters repeated lines', { targets: { positionals: 'all-but-first', onExisting: { level: 'destructive', why: 'uniq replaces it' } }, args: [{ match: '.', position: 1, level: 'writes', why: 'writes the result to the second file named' }] }),
  cut: ro('prints selected fields'),
  paste: ro('merges lines'),
  join: ro('joins lines of two files'),
  comm: ro('compares sorted files'),
  tr: ro('translates characters'),
  fold: ro('wraps lines'),
  fmt: ro('formats text'),
  nl: ro('numbers lines'),
  column: ro('formats columns'),
  expand: ro('converts tabs'),
  unexpand: ro('converts spaces'),
  rev: ro('reverses lines'),
  shuf: { ...outputOption('shuffles lines', ['-o', '--output']), args: [hoardsEndless] },
  seq: ro('prints numbers'),
  yes: ro('prints a word forever'),
  echo: ro('prints its arguments', { emits: 'literal' }),
  printf: ro('prints formatted text', { emits: 'literal', analyzer: 'names', options: { withValue: ['-v'] } }),
  awk,
  gawk: awk,
  mawk: awk,
  nawk: awk,
  jq: ro('processes JSON to stdout'),
  gojq: ro('processes JSON to stdout'),
  yq: yamlQuery,
  xq: yamlQuery,
  tomlq: yamlQuery,
  xmllint: ro('checks or formats XML', { options: { withValue: ['--output', '-o', '--xpath'] }, flags: [{ flags: ['--output', '-o'], level: 'writes', why: 'writes the output to a file' }] }),
  diff: ro('compares files'),
  colordiff: ro('compares files'),
  cmp: ro('compares files'),
  sdiff: ro('compares files', {
    options: { withValue: ['-o', '--output', '--diff-program'] },
    targets: fileTargets(['-o', '--output']),
    flags: [fileOutput(['-o', '--output'], 'writes the merged result to a file'), programOption(['--diff-program'], 'runs this program instead of diff')],
  }),
  diff3: ro('compares three files', { options: { withValue: ['--diff-program'] }, flags: [programOption(['--diff-program'], 'runs this program instead of diff')] }),
  stat: ro('shows file metadata'),
  file: ro('identifies file types', { options: { withValue: ['-m', '--magic-file', '-f', '--files-from', '-F', '--separator', '-e', '--exclude', '-P', '--parameter'] }, flags: [{ flags: ['-C', '--compile'], level: 'writes', why: 'compiles a magic file, writing a .mgc file' }] }),
  du: ro('shows disk usage'),
  df: ro('shows free disk space'),
  free: ro('shows memory use'),
  uptime: ro('shows uptime'),
  uname: ro('shows system information'),
  whoami: ro('prints the user name'),
  id: ro('prints user and group ids'),
  groups: ro('prints group memberships'),
  who: ro('lists logged-in users'),
  w: ro('lists logged-in users'),
  last: ro('lists logins'),
  users: ro('lists logged-in users'),
  hostname: ro('prints the host name', { options: { withValue: ['-F', '--file'] }, flags: [{ flags: ['-F', '--file', '-b', '--boot'], level: 'privileged', why: 'sets the host name of the machine' }], args: [{ match: '^[^-]', level: 'privileged', why: 'sets the host name of the machine' }] }),
  date: ro('prints the date', { options: { withValue: ['-d', '--date', '-r', '--reference', '-f', '--file'] }, flags: [{ flags: ['-s', '--set'], level: 'privileged', why: 'sets the system clock' }] }),
  cal: ro('prints a calendar'),
  pwd: ro('prints the directory'),
  printenv: ro('prints the environment'),
  whatis: ro('describes a command'),
  apropos: ro('searches manual pages'),
  man: ro('shows a manual page', { options: { withValue: ['-P', '--pager', '-H', '--html', '-M', '-S', '-L'] }, flags: [{ flags: ['-P', '--pager', '-H', '--html'], valueMatch: '^(?!(cat|less|more|most|bat)(\\s|$))', effect: 'always', level: 'destructive', why: 'runs the given program' }] }),
  info: ro('shows an info page', {
    options: { withValue: ['-o', '--output', '--dribble', '--restore', '-f', '--file', '-n', '--node', '-d', '--directory'] },
    targets: fileTargets(['-o', '--output', '--dribble']),
    flags: [fileOutput(['-o', '--output', '--dribble'], 'writes the page or the keystrokes to a file')],
  }),
  tldr: ro('shows examples'),
  ps: ro('lists processes'),
  top: ro('shows processes'),
  htop: ro('shows processes'),
  btop: ro('shows processes'),
  atop: ro('shows processes'),
  pgrep: ro('finds processes'),
  pidof: ro('finds processes'),
  pstree: ro('shows the process tree'),
  lsof: ro('lists open files'),
  fuser: ro('shows processes using files', { flags: [{ flags: ['-k', '--kill'], level: 'destructive', why: 'kills every process using the files' }] }),
  ss: ro('lists sockets', { flags: [{ flags: ['-K', '--kill'], level: 'privileged', why: 'closes the sockets it lists' }] }),
  netstat: ro('lists sockets'),
  vmstat: ro('shows system statistics'),
  iostat: ro('shows I/O statistics'),
  mpstat: ro('shows CPU statistics'),
  sar: ro('shows system statistics'),
  dmesg: ro('prints kernel messages', { options: { withValue: ['-n', '--console-level', '-l', '--level', '-f', '--facility', '-F', '--file', '-s', '--buffer-size'] }, flags: [{ flags: ['-c', '-C', '--clear', '--read-clear'], level: 'privileged', why: 'clears the kernel ring buffer' }, { flags: ['-n', '--console-level', '-D', '--console-off', '-E', '--console-on'], level: 'privileged', why: 'changes what the kernel prints on the console' }] }),
  lsblk: ro('lists block devices'),
  blkid: ro('shows block device attributes'),
  lscpu: ro('shows CPU information'),
  lsusb: ro('lists USB devices'),
  lspci: ro('lists PCI devices'),
  lsmod: ro('lists kernel modules'),
  findmnt: ro('lists mounts'),
  nproc: ro('prints the CPU count'),
  ping: ro('checks reachability'),
  traceroute: ro('traces a network route'),
  tracepath: ro('traces a network route'),
  mtr: ro('traces a network route'),
  dig: ro('queries DNS'),
  nslookup: ro('queries DNS'),
  host: ro('queries DNS'),
  whois: ro('queries a registry'),
  basename: ro('prints a file name'),
  dirname: ro('prints a directory name'),
  realpath: ro('prints a resolved path'),
  readlink: ro('prints a link target'),
  locate: ro('finds files by name'),
  fd: ro('finds files', { options: { withValue: ['-e', '--extension', '-t', '--type', '-E', '--exclude', '-d', '--max-depth', '--exec', '--exec-batch'] }, wraps: { inner: 'option-only', separator: ['-x', '--exec', '-X', '--exec-batch'] } }),
  find: { level: 'read_only', why: 'lists files', analyzer: 'find' },
  md5sum: ro('hashes files'),
  sha1sum: ro('hashes files'),
  sha256sum: ro('hashes files'),
  sha512sum: ro('hashes files'),
  b2sum: ro('hashes files'),
  cksum: ro('checksums files'),
  base64: ro('encodes or decodes base64 to stdout', { emits: 'decoded' }),
  basenc: ro('encodes or decodes to stdout', { emits: 'decoded' }),
  base32: ro('encodes or decodes base32 to stdout', { emits: 'decoded' }),
  // uudecode writes the file its input's `begin` line names (any path) unless told where: -o FILE, -p/-c (BSD: stdout).
  uudecode: {
    level: 'writes',
    why: 'writes the file named in the encoded input (any path)',
    emits: 'decoded',
    options: { withValue: ['-o', '--output-file'] },
    targets: { options: ['-o', '--output-file'], onExisting: { level: 'destructive', why: 'uudecode replaces it' } },
    flags: [{ flags: ['-o', '--output-file'], values: ['-', '/dev/stdout'], effect: 'set', level: 'read_only', why: 'decodes to stdout' }, { flags: ['-p'], effect: 'set', level: 'read_only', why: 'decodes to stdout' }],
  },
  readelf: ro('prints ELF headers and sections'),
  nm: ro('lists symbols'),
  objdump: ro('disassembles or prints object files'),
  zipinfo: ro('lists a zip archive'),
  atq: ro('lists queued at jobs'),
  // ldd runs some binaries (an old or odd loader executes the program to list its libraries): not read-only.
  ldd: { level: 'writes', why: 'lists shared libraries; for some binaries it runs the program itself' },
  xxd: ro('prints a hex dump', { emits: 'decoded', options: { withValue: ['-c', '-g', '-l', '-s', '-o', '-n', '-cols', '-len', '-seek'] }, targets: { positionals: 'all-but-first', onExisting: { level: 'destructive', why: 'xxd replaces it' } }, args: [{ match: '^(?!-$)', position: 1, level: 'writes', why: 'writes the result to the second file named' }] }),
  pandoc: ro('converts a document to stdout', {
    options: { withValue: ['-o', '--output', '-f', '-r', '--from', '--read', '-t', '-w', '--to', '--write', '-F', '--filter', '-L', '--lua-filter', '--template', '-M', '--metadata', '-V', '--variable', '--data-dir', '--resource-path', '--extract-media', '--reference-doc', '-H', '--include-in-header', '-B', '-A', '--css', '-c', '--metadata-file', '-d', '--defaults', '--pdf-engine', '--citeproc'] },
    flags: [
      { flags: ['-o', '--output'], valueMatch: '^(?!-$)', level: 'writes', why: 'writes the converted document to a file' },
      { flags: ['--extract-media'], level: 'writes', why: 'writes media files' },
      { flags: ['-F', '--filter', '-L', '--lua-filter', '--pdf-engine', '-d', '--defaults', '--data-dir'], effect: 'always', level: 'writes', why: 'runs filter programs or reads settings nl-sh does not read' },
    ],
    targets: { options: ['-o', '--output'], onExisting: { level: 'destructive', why: 'pandoc replaces it' } },
  }),
  od: ro('prints a dump'),
  hexdump: ro('prints a dump'),
  strings: ro('prints text in binaries'),
  zcat: ro('prints compressed files'),
  zless: ro('pages compressed files'),
  bzcat: ro('prints compressed files'),
  xzcat: ro('prints compressed files'),
  zstdcat: ro('prints compressed files'),
  iconv: outputOption('converts text encodings to stdout', ['-o', '--output']),
  dos2unix: { level: 'writes', why: 'converts files in place' },
  unix2dos: { level: 'writes', why: 'converts files in place' },
  sleep: ro('waits'),
  clear: ro('clears the screen'),
  reset: ro('resets the terminal'),
  tput: ro('controls the terminal'),
  stty: ro('shows or sets terminal settings'),
  tty: ro('prints the terminal name'),
  getent: ro('looks up system databases'),
  timedatectl: ro('shows time settings', { subcommands: { status: ro('shows time settings'), show: ro('shows time settings'), 'list-timezones': ro('lists time zones'), 'set-*': { level: 'privileged', why: 'changes the system clock settings' } }, otherSubcommands: { level: 'privileged', why: 'changes time settings' } }),
  hostnamectl: ro('shows host settings', { subcommands: { status: ro('shows host settings'), hostname: ro('shows the host name', { args: [{ match: '.', level: 'privileged', why: 'sets the host name' }] }), 'set-*': { level: 'privileged', why: 'changes the host name or settings' } }, otherSubcommands: { level: 'privileged', why: 'changes host settings' } }),
  localectl: ro('shows locale settings', { subcommands: { status: ro('shows locale settings'), 'list-*': ro('lists settings'), 'set-*': { level: 'privileged', why: 'changes locale settings' } } }),
  openssl: ro('inspects certificates and keys', {
    options: { singleDashLong: true, withValue: ['-in', '-out', '-inkey', '-key', '-passin', '-passout', '-connect', '-servername', '-CAfile', '-config', '-subj', '-days', '-newkey', '-keyout', ...opensslWrites, ...opensslLoads, '-rand', '-sess_in', '-accept', '-port', '-cert', '-propquery'] },
    targets: opensslTargets,
    flags: [
      { flags: ['-out', '-keyout'], level: 'writes', why: 'writes a file' },
      { ...fileOutput(opensslWrites, 'writes a seed, session, key log or message file'), valueMatch: '.' },
      { flags: ['-engine', '-provider-path'], effect: 'always', level: 'writes', why: 'loads a shared library (native code) it names or finds there' },
      { flags: ['-provider'], valueMatch: '^(?!(default|base|fips|legacy|null)$)', effect: 'always', level: 'writes', why: 'loads a provider module (native code)' },
    ],
    // Targets are judged per subcommand: each one carries them.
    subcommands: {
      enc: ro('encrypts or decodes to stdout', { emits: 'decoded', targets: opensslTargets }),
      base64: ro('encodes or decodes base64 to stdout', { emits: 'decoded', targets: opensslTargets }),
      s_client: ro('opens a TLS connection', { emits: 'fetched', targets: opensslTargets }),
      genrsa: { level: 'writes', why: 'generates a key', targets: opensslTargets },
      genpkey: { level: 'writes', why: 'generates a key', targets: opensslTargets },
      s_server: { level: 'writes', why: 'starts a TLS server (-WWW and -HTTP serve files from this directory)', targets: opensslTargets },
      '*': ro('inspects certificates and keys', { targets: opensslTargets }),
    },
  }),
  'ssh-keygen': {
    level: 'writes',
    why: 'creates or changes key files',
    options: { withValue: ['-t', '-b', '-C', '-f', '-N', '-P', '-E', '-F', '-R', '-O', '-n', '-I', '-V', '-Y', '-s', '-a', '-Z', '-m'] },
    targets: { options: ['-f'], onExisting: { level: 'destructive', why: 'overwrites the key' } },
    flags: [
      { flags: ['-D', '-w'], effect: 'always', level: 'writes', why: 'loads a PKCS#11 or security-key library (native code)' },
      { flags: ['-l', '-y', '-F', '-L', '-B'], effect: 'set', level: 'read_only', why: 'only prints key information' },
      { flags: ['-R'], level: 'writes', why: 'removes a host from known_hosts' },
    ],
  },
  'ssh-add': {
    level: 'read_only',
    why: 'adds keys to the agent, in memory',
    options: { withValue: ['-s', '-e', '-S', '-t', '-E', '-h', '-H'] },
    flags: [
      { flags: ['-d', '-D', '-e', '-x', '-X'], level: 'writes', why: 'removes keys from the agent or locks it' },
      { flags: ['-s', '-S'], effect: 'always', level: 'writes', why: 'makes the agent load a PKCS#11 or security-key library (native code)' },
    ],
  },
  'ssh-agent': {
    level: 'writes',
    why: 'starts a key agent that keeps running',
    emits: 'shell-setup',
    options: { withValue: ['-a', '-E', '-P', '-t'], stopAtPositional: true },
    flags: [{ flags: ['-k'], level: 'writes', why: 'stops the key agent' }],
    wraps: { inner: 'rest' },
  },
  gpg: { level: 'writes', why: 'changes the keyring or writes files', options: { withValue: ['--photo-viewer', '--exec-path', '--list-options', '-o', '--output', '-r', '--recipient', '-u', '--local-user', '--homedir', '--keyserver', '-a'] }, targets: { options: ['-o', '--output'], onExisting: { level: 'destructive', why: 'the output file is replaced' } }, flags: [{ flags: ['-o', '--output'], effect: 'always', level: 'writes', why: 'writes the output to a file' }, { flags: ['--list-keys', '-k', '--list-secret-keys', '-K', '--verify', '--fingerprint', '--list-sigs', '--check-sigs'], effect: 'set', level: 'read_only', why: 'only lists or verifies' }, { flags: ['--import', '--recv-keys', '--receive-keys', '--refresh-keys', '--fetch-keys', '--edit-key', '--sign-key', '--lsign-key', '--gen-key', '--generate-key', '--full-generate-key', '--quick-generate-key', '--import-ownertrust', '--update-trustdb'], effect: 'always', level: 'writes', why: 'changes the keyring' }, { flags: ['--photo-viewer'], runs: true, effect: 'always', level: 'writes', why: 'runs a program to show photos' }, { flags: ['--exec-path'], effect: 'always', level: 'writes', why: 'runs helper programs from a directory of its choosing' }, { flags: ['--delete-key', '--delete-keys', '--delete-secret-key', '--delete-secret-keys', '--delete-secret-and-public-key'], level: 'destructive', why: 'deletes keys' }] },
  lsb_release: ro('prints distribution information'),
  'nvidia-smi': ro('shows GPU status', { options: { withValue: ['-i', '--id', '-pm', '--persistence-mode', '-pl', '--power-limit', '-c', '--compute-mode', '-e', '--ecc-config', '-ac', '--applications-clocks', '-lgc', '--lock-gpu-clocks', '-f', '--filename', '--query-gpu', '--format'], longShort: ['-pm', '-pl', '-ac', '-rac', '-lgc', '-rgc', '-lmc', '-rmc', '-r'] }, flags: [{ flags: ['-r', '--gpu-reset', '-pm', '--persistence-mode', '-pl', '--power-limit', '-c', '--compute-mode', '-e', '--ecc-config', '-ac', '--applications-clocks', '-rac', '--reset-applications-clocks', '-lgc', '--lock-gpu-clocks', '-rgc', '--reset-gpu-clocks', '-lmc', '-rmc', '-am', '--accounting-mode'], level: 'privileged', why: 'changes GPU settings for the whole machine' }] }),
  uuidgen: ro('prints a UUID'),
  tcpdump: ro('captures network traffic', { options: { withValue: ['-i', '-w', '-r', '-c', '-s', '-C', '-G', '-W'] }, targets: { options: ['-w'] }, flags: [{ flags: ['-w'], level: 'writes', why: 'writes captured packets to a file' }] }),
  lsattr: ro('lists file attributes'),
  lshw: ro('lists hardware', { options: { singleDashLong: true, withValue: ['-dump', '-class', '-C', '-c', '-disable', '-enable'] }, targets: fileTargets(['-dump']), flags: [fileOutput(['-dump'], 'writes the hardware tree to a database file')] }),
  dmidecode: ro('prints hardware tables', { options: { withValue: ['--dump-bin', '--from-dump', '-t', '--type', '-s', '--string'] }, targets: { options: ['--dump-bin'], onExisting: { level: 'destructive', why: 'the dump replaces the file' } }, flags: [{ flags: ['--dump-bin'], level: 'writes', why: 'writes a dump file' }] }),
  inxi: ro('prints system information'),
  neofetch: ro('prints system information'),
  fastfetch: ro('prints system information'),
  getconf: ro('prints system configuration values'),
  locale: ro('prints locale settings'),
  sensors: ro('shows temperatures', { flags: [{ flags: ['-s', '--set'], level: 'privileged', why: 'writes limits to the sensor chips' }] }),
  iotop: ro('shows I/O by process'),
  iftop: ro('shows network use'),
  nethogs: ro('shows network use by process'),
  glances: ro('shows system status'),
  duf: ro('shows disk usage'),
  dust: ro('shows disk usage'),
  exa: ro('lists files'),
  eza: ro('lists files'),
  lsd: ro('lists files'),
  fzf: ro('filters lines interactively', { options: { withValue: ['--preview', '--bind', '--listen', '--listen-unsafe', '--history', '-q', '--query', '-f', '--filter', '-d', '--delimiter', '--with-shell'] }, flags: [
    { flags: ['--preview', '--with-shell'], runs: true, effect: 'always', level: 'writes', why: 'runs a command for the selection' },
    { flags: ['--bind'], valueMatch: '\\b(execute|execute-silent|become|reload|reload-sync|preview|change-preview|transform[-\\w]*)[(:]', runs: true, effect: 'always', level: 'writes', why: 'binds a key or event to a command it runs' },
    { flags: ['--listen', '--listen-unsafe', '--history'], effect: 'always', level: 'writes', why: 'accepts actions from other programs or writes a history file' },
  ] }),
  cowsay: ro('prints a message', { options: { withValue: ['-f', '-e', '-T', '-W'] }, flags: [{ flags: ['-f'], valueMatch: '/|\\.cow$', effect: 'always', level: 'writes', why: 'a cow file is perl code it runs' }] }),
  figlet: ro('prints a banner'),
  bc: ro('calculates'),
  expr: ro('evaluates an expression'),
  factor: ro('factors numbers'),
  numfmt: ro('formats numbers'),
  shasum: ro('hashes files'),
  md5: ro('hashes files'),
  pbcopy: ro('copies to the clipboard'),
  pbpaste: ro('pastes the clipboard'),
  xclip: ro('uses the clipboard'),
  xsel: ro('uses the clipboard'),
  'wl-copy': ro('copies to the clipboard'),
  'wl-paste': ro('pastes the clipboard'),
  'notify-send': ro('shows a notification'),
  arch: ro('prints the architecture'),
  arp: ro('shows the ARP table', { options: { withValue: ['-i', '-H', '-f'] }, flags: [{ flags: ['-d', '--delete', '-s', '--set', '-f', '--file'], level: 'privileged', why: 'changes the ARP table' }] }),
  iw: ro('shows wireless devices', { subcommands: { dev: iwObject('lists devices'), wdev: iwObject('lists devices'), phy: iwObject('shows devices'), list: ro('lists capabilities'), reg: ro('shows the regulatory domain', { args: [{ match: '^(?!get$)', position: 0, level: 'privileged', why: 'changes the regulatory domain' }] }) }, otherSubcommands: { level: 'privileged', why: 'changes wireless settings' } }),
  ethtool: ro('shows network device settings', { flags: [{ flags: ['-s', '--change', '-K', '--features', '--offload', '-G', '--set-ring', '-A', '--pause', '-C', '--coalesce', '-E', '--change-eeprom', '-f', '--flash', '-r', '--negotiate', '-L', '--set-channels', '--reset', '-X', '--set-rxfh-indir', '--set-rxfh', '-N', '-U', '--config-nfc', '--config-ntuple', '-W', '--set-dump', '--set-priv-flags', '--set-eee', '--set-fec', '--set-phy-tunable', '--set-tunable', '--set-module', '-p', '--identify'], level: 'privileged', why: 'changes a network device' }] }),
  hdparm: ro('shows disk settings', { options: { withValue: ['--write-sector', '--read-sector', '--trim-sector-ranges', '--make-bad-sector', '--repair-sector', '--security-erase', '--security-erase-enhanced', '--security-set-pass', '--fwdownload'] }, flags: [{ flags: ['--security-erase', '--security-erase-enhanced', '--trim-sector-ranges', '--fwdownload', '--write-sector', '--make-bad-sector', '--repair-sector', '--security-set-pass', '--dco-restore', '--dco-setmax', '-N'], level: 'destructive', why: 'erases or rewrites the disk' }, { flags: ['-s', '-S', '-B', '-M', '-W', '-A', '-a', '-d', '-X', '-Y', '-y', '-z', '-w', '-K', '-k', '-P', '-R', '-m', '-u', '-c', '-J', '-F', '-f', '-E', '-D', '-Z', '-q', '-r'], level: 'privileged', why: 'changes disk settings' }] }),
  smartctl: ro('shows disk health', { flags: [{ flags: ['-t', '--test', '-s', '--smart', '-o', '--offlineauto'], level: 'privileged', why: 'starts a test or changes settings' }] }),
  speedtest: ro('measures network speed'),
  'speedtest-cli': ro('measures network speed'),
  iperf3: iperf,
  iperf: iperf,
  w3m: ro('browses text web pages'),
  lynx: ro('browses text web pages'),
  ncdu: { level: 'writes', why: 'browses disk usage (and can delete files interactively)' },
  nginx: { level: 'privileged', why: 'starts or signals the web server', flags: [{ flags: ['-t', '-T', '-v', '-V', '-h', '-?'], effect: 'set', level: 'read_only', why: 'only tests the configuration or prints the version' }] },
  apachectl: { level: 'privileged', why: 'controls the web server', args: [{ match: '^(configtest|-t|-S|-M|status|fullstatus|-v|-V)$', effect: 'set', level: 'read_only', why: 'only tests or shows the configuration' }] },
  certbot: { level: 'privileged', why: 'obtains or changes TLS certificates under /etc', subcommands: { certificates: ro('lists certificates') }, otherSubcommands: { level: 'privileged', why: 'changes TLS certificates' } },
  nvm: { level: 'writes', why: 'manages Node.js versions for this user', subcommands: { ls: ro('lists versions'), list: ro('lists versions'), 'ls-remote': ro('lists versions'), current: ro('prints the version'), which: ro('locates a version'), use: ro('switches this shell\'s version'), version: ro('prints a version') }, otherSubcommands: { level: 'writes', why: 'changes Node.js versions' } },
  pyenv: { level: 'writes', why: 'manages Python versions for this user', subcommands: { versions: ro('lists versions'), version: ro('prints the version'), which: ro('locates a command'), init: ro('prints shell setup', { emits: 'shell-setup' }), root: ro('prints a path'), commands: ro('lists commands') }, otherSubcommands: { level: 'writes', why: 'changes Python versions' } },
  rbenv: { level: 'writes', why: 'manages Ruby versions for this user', subcommands: { versions: ro('lists versions'), version: ro('prints the version'), init: ro('prints shell setup', { emits: 'shell-setup' }) }, otherSubcommands: { level: 'writes', why: 'changes Ruby versions' } },
  direnv: { level: 'writes', why: 'manages directory environments', subcommands: { hook: ro('prints shell setup', { emits: 'shell-setup' }), status: ro('shows status') }, otherSubcommands: { level: 'writes', why: 'changes what direnv allows' } },
  // Prompt and jump tools: printing setup and querying read; their other verbs change their config or database.
  starship: ro('prints a prompt', {
    emits: 'shell-setup',
    subcommands: { init: ro('prints shell setup', { emits: 'shell-setup' }), completions: ro('prints shell completion code', { emits: 'shell-setup' }), prompt: ro('prints a prompt'), module: ro('prints a prompt module'), explain: ro('explains the prompt'), timings: ro('shows module timings'), 'print-config': ro('prints the configuration'), time: ro('prints the time'), session: ro('prints a session key'), preset: ro('prints a preset', { options: { withValue: ['-o', '--output'] }, targets: fileTargets(['-o', '--output']), flags: [fileOutput(['-o', '--output'], 'writes the preset to a file')] }) },
    otherSubcommands: { level: 'writes', why: 'changes the starship configuration' },
  }),
  zoxide: ro('jumps between directories', { emits: 'shell-setup', subcommands: { init: ro('prints shell setup', { emits: 'shell-setup' }), query: ro('looks up directories') }, otherSubcommands: { level: 'writes', why: 'changes zoxide\'s database' } }),
  dircolors: ro('prints color setup', { emits: 'shell-setup' }),
  shellcheck: ro('checks shell scripts'),
  hadolint: ro('checks Dockerfiles'),
  yamllint: ro('checks YAML'),
  flake8: pythonLinter('checks Python'),
  pylint: pythonLinter('checks Python', { options: { withValue: ['--init-hook', '--load-plugins', '--rcfile', '-j', '--jobs'] }, analyzer: 'code', code: { language: 'python', options: ['--init-hook'], optionsOnly: true } }),
  mypy: pythonLinter('type-checks Python', { flags: [{ flags: ['--install-types'], level: 'writes', why: 'installs stub packages with pip' }] }),
  pyright: ro('type-checks Python'),
  ...Object.fromEntries(['vim', 'vi', 'nvim', 'gvim', 'evim'].map((n) => [n, vimLike('edits files')])),
  ...Object.fromEntries(['view', 'rview', 'gview', 'rvim', 'vimdiff', 'nvimdiff', 'gvimdiff'].map((n) => [n, vimLike('views files read-only', 'read_only')])),
  ex: vimLike('edits files (vi in line mode)'),
  nano: { level: 'writes', why: 'edits files', flags: [{ flags: ['-v', '--view'], effect: 'set', level: 'read_only', why: 'opens read-only' }] },
  emacs: { level: 'writes', why: 'edits files', analyzer: 'code', code: { language: 'opaque', options: ['--eval', '-eval'], fileOptions: ['-l', '--load'] }, options: { withValue: ['--eval', '-eval', '-l', '--load'] } },
  code: { level: 'writes', why: 'opens files in an editor' },
  'xdg-open': { level: 'writes', why: 'opens a file in its application' },
  open: { level: 'writes', why: 'opens a file in its application' },
  tmux: withTmuxFormatsEverywhere({ level: 'writes', why: 'starts or changes terminal sessions', options: { withValue: ['-L', '-S', '-f', '-c', '-T'] }, subcommands: {
    ...Object.fromEntries(['new', 'new-session', 'new-window', 'neww', 'split-window', 'splitw', 'respawn-pane', 'respawnp', 'respawn-window', 'respawnw', 'run-shell', 'run', 'display-popup', 'popup', 'pipe-pane', 'pipep'].map((verb) => [verb, tmuxRuns])),
    'if-shell': tmuxIf, if: tmuxIf,
    ...Object.fromEntries(['send-keys', 'send'].map((verb) => [verb, tmuxKeys])), ls: ro('lists sessions'), 'list-*': ro('lists sessions or windows'), 'has-session': ro('checks a session'), 'display-message': ro('shows a message'), display: ro('shows a message'), 'show-*': ro('shows settings'), attach: ro('attaches to a session'), 'attach-session': ro('attaches to a session'), a: ro('attaches to a session'), 'kill-server': { level: 'destructive', why: 'kills every session and the programs in them' }, 'kill-session': { level: 'destructive', why: 'kills a session and the programs in it' } }, otherSubcommands: { level: 'writes', why: 'changes sessions, or runs commands in them that nl-sh cannot see' }, wraps: { inner: 'option-only', commandOptions: ['-c'] } }),
  screen: { level: 'writes', why: 'starts or attaches terminal sessions', subcommandOption: '-X', subcommands: screenCommands, otherSubcommands: { level: 'writes', why: 'a screen command that changes the session' }, flags: [{ flags: ['-ls', '-list'], effect: 'set', level: 'read_only', why: 'lists sessions' }], options: { longShort: ['-ls', '-list', '-wipe'], withValue: ['-S', '-c', '-e', '-h', '-p', '-T', '-t', '-X', '-Logfile'], stopAtPositional: true }, wraps: { inner: 'rest', noRunFlags: ['-ls', '-list'], bare: { level: 'writes', why: 'starts or attaches terminal sessions' } } },
  // script runs a shell (or `-c CMD`; BSD: the words after the file) and records it to the file;
  // with no command and a pipe, that shell reads its commands from stdin.
  script: {
    level: 'writes',
    why: 'records a terminal session to a file',
    options: { withValue: ['-c', '--command', '-O', '--log-out', '-I', '--log-in', '-B', '--log-io', '-T', '--log-timing', '-E', '--echo', '-m', '--logging-format'], stopAtPositional: true },
    wraps: { inner: 'rest', skip: 1, commandOptions: ['-c', '--command'], stdinCode: true },
    targets: { positionals: 'all', options: ['-O', '--log-out', '-I', '--log-in', '-B', '--log-io', '-T', '--log-timing'], onExisting: { level: 'destructive', why: 'script replaces it with the session record', unlessFlags: ['-a', '--append'] } },
  },
  make: {
    level: 'writes',
    why: 'runs the project\'s build recipes',
    projectCode: true,
    options: { withValue: ['-C', '--directory', '-f', '--file', '-j', '--jobs', '-I', '-o', '-W', '-l', '-E', '--eval'] },
    args: [
      { match: '^(SHELL|MAKESHELL|\\.SHELLFLAGS|MAKEFLAGS|MFLAGS)=', effect: 'always', level: 'writes', why: 'changes the shell or options make runs recipes with, even in a dry run ($(shell …) runs anyway)' },
      // Variables on the command line are make code: `$(shell CMD)` runs when make expands it (at
      // once for `:=`, `::=`, `:::=`), `NAME != CMD` runs CMD, `$(file >F,…)` writes F; even with -n.
      { match: '\\$[({]shell\\s', runs: 'balanced', options: ['-E', '--eval'], effect: 'always', level: 'read_only', why: 'a $(shell …) call make runs as it reads its variables, even in a dry run' },
      { match: '^[^\\s=$():]+\\s*!=', runs: 'rest', effect: 'always', level: 'read_only', why: 'a != variable runs its value as a shell command, even in a dry run' },
      { match: '\\$[({](file\\s*[>]|guile\\s|eval\\s)', options: ['-E', '--eval'], effect: 'always', level: 'writes', why: 'a make function that writes a file or evaluates code, even in a dry run' },
    ],
    flags: [
      { flags: ['-E', '--eval'], effect: 'always', level: 'writes', why: 'evaluates make code nl-sh does not read ($(shell …) runs even in a dry run)' },
      // The recipe of a one-line rule (`x: ; CMD`, `@` and `-` prefixes aside; not run by -n) and
      // `$(shell CMD)` (run even by -n) are shell.
      { flags: ['-E', '--eval'], valueMatch: '^[^:=\\n]*:[^;=\\n]*;\\s*[@+-]*', runs: true, effect: 'raise', level: 'writes', why: 'a recipe in the make code' },
{ flags: ['-n', '--dry-run', '--just-print', '--recon', '-q', '--question', '-p', '--print-data-base'], effect: 'set', dryRun: true, level: 'read_only', why: 'prints the recipes without running them' }],
  },
};
