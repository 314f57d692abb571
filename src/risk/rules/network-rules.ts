// Network clients. Fetching to stdout reads; saving writes a file (remembered, so that running
// it later in the line is network_exec); sending data writes to a remote system; DELETE is
// destructive. ssh runs its remote command, judged as a command.

import type { CommandRule, FlagRule } from './rule-types.js';

const methods = (flags: string[]): FlagRule[] => [
  { flags, values: ['DELETE'], level: 'destructive', why: 'deletes a remote resource' },
  { flags, values: ['POST', 'PUT', 'PATCH'], level: 'writes', why: 'changes a remote resource' },
];

/** Network tools. */
export const networkRules: Record<string, CommandRule> = {
  curl: {
    level: 'read_only',
    why: 'fetches a URL to stdout',
    analyzer: 'fetch',
    emits: 'fetched',
    options: {
      withValue: ['-o', '--output', '-X', '--request', '-d', '--data', '--data-binary', '--data-raw', '--data-urlencode', '--json', '-F', '--form', '--form-string', '-T', '--upload-file', '-H', '--header', '-u', '--user', '-A', '--user-agent', '-e', '--referer', '-b', '--cookie', '-c', '--cookie-jar', '-m', '--max-time', '--connect-timeout', '-w', '--write-out', '-x', '--proxy', '-K', '--config', '--retry', '--cacert', '--cert', '--key', '-r', '--range', '-C', '--continue-at', '--resolve', '--output-dir', '-D', '--dump-header', '--limit-rate', '-E', '-y', '-Y', '-z', '--time-cond', '--unix-socket', '--trace', '--trace-ascii', '--libcurl', '--stderr', '--etag-save', '--hsts', '--alt-svc'],
    },
    targets: { options: ['-o', '--output', '-c', '--cookie-jar', '-D', '--dump-header', '--trace', '--trace-ascii', '--libcurl', '--stderr', '--etag-save', '--hsts', '--alt-svc'], onExisting: { level: 'destructive', why: 'curl replaces it' } },
    flags: [
      ...methods(['-X', '--request']),
      { flags: ['-d', '--data', '--data-binary', '--data-raw', '--data-urlencode', '--json', '-F', '--form', '--form-string'], level: 'writes', why: 'sends data (a POST by default)' },
      { flags: ['-T', '--upload-file'], level: 'writes', why: 'uploads a file' },
      { flags: ['-K', '--config'], effect: 'always', level: 'writes', why: 'reads options from a file nl-sh does not read (they can write files)' },
      { flags: ['-o', '--output', '-O', '--remote-name', '--remote-name-all'], level: 'writes', why: 'saves the download to a file' },
      { flags: ['-D', '--dump-header', '-c', '--cookie-jar', '--trace', '--trace-ascii', '--libcurl', '--stderr', '--etag-save'], valueMatch: '^(?!-$|/dev/(null|stdout|stderr)$)', level: 'writes', why: 'writes headers, cookies, a trace or code to a file' },
      { flags: ['--hsts', '--alt-svc'], valueMatch: '^(?!$|/dev/null$)', level: 'writes', why: 'reads and rewrites a cache file' },
      // curl 8.3+: `%output{FILE}` / `%output{>>FILE}` in the write-out text sends it to a file; `@FILE` reads the text from a file.
      { flags: ['-w', '--write-out'], valueMatch: '%output\\{|^@', effect: 'always', level: 'writes', why: 'writes the write-out text to a file' },
    ],
  },
  wget: {
    level: 'read_only',
    why: 'fetches a URL',
    analyzer: 'fetch',
    emits: 'fetched',
    options: { withValue: ['-O', '--output-document', '-P', '--directory-prefix', '-o', '--output-file', '-a', '--append-output', '-U', '--user-agent', '--header', '-t', '--tries', '-T', '--timeout', '--post-data', '--post-file', '--method', '--body-data', '-e', '--execute', '-i', '--input-file', '--user', '--password', '-l', '--level', '--config', '--use-askpass', '--warc-file', '--save-cookies', '--hsts-file', '--rejected-log'] },
    // `-e SETTING` is a wgetrc line: output_document, logfile and save_cookies name files it writes.
    targets: { options: ['-O', '--output-document', '-P', '--directory-prefix', '-o', '--output-file', '--save-cookies', '--rejected-log'], keyOptions: ['-e', '--execute'], keys: ['output_document', 'logfile', 'save_cookies', 'rejected_log'], onExisting: { level: 'destructive', why: 'wget replaces it' } },
    flags: [
      { flags: ['--spider'], effect: 'set', level: 'read_only', why: 'only checks that the URL exists' },
      { flags: ['-o', '--output-file', '-a', '--append-output'], valueMatch: '^(?!-$|/dev/(null|stdout|stderr)$)', level: 'writes', why: 'writes the log to a file' },
      { flags: ['-e', '--execute', '--config', '-i', '--input-file'], effect: 'always', level: 'writes', why: 'takes commands or URLs from text nl-sh does not judge (they can write files)' },
      { flags: ['--use-askpass'], runs: true, effect: 'always', level: 'writes', why: 'runs this program to ask for credentials' },
      { flags: ['--warc-file', '--save-cookies', '--rejected-log'], effect: 'always', level: 'writes', why: 'writes an archive, cookies or a log to a file' },
      ...methods(['--method']),
      { flags: ['--post-data', '--post-file', '--body-data'], level: 'writes', why: 'sends data' },
      { flags: ['-r', '--recursive', '-m', '--mirror'], level: 'writes', why: 'downloads a whole site' },
      { flags: ['--delete-after'], level: 'writes', why: 'downloads and deletes files' },
    ],
  },
  http: {
    level: 'read_only',
    why: 'fetches a URL',
    emits: 'fetched',
    args: [
      { match: '^(POST|PUT|PATCH)$', position: 0, level: 'writes', why: 'changes a remote resource' },
      { match: '^DELETE$', position: 0, level: 'destructive', why: 'deletes a remote resource' },
      { match: '^[^=:/]+:?=', level: 'writes', why: 'sends data (a POST by default)' },
    ],
    flags: [{ flags: ['-d', '--download', '-o', '--output'], level: 'writes', why: 'saves the download to a file' }],
  },
  https: { level: 'read_only', why: 'fetches a URL', emits: 'fetched', args: [{ match: '^(POST|PUT|PATCH)$', position: 0, level: 'writes', why: 'changes a remote resource' }, { match: '^DELETE$', position: 0, level: 'destructive', why: 'deletes a remote resource' }] },
  xh: { level: 'read_only', why: 'fetches a URL', emits: 'fetched', args: [{ match: '^(POST|PUT|PATCH)$', position: 0, level: 'writes', why: 'changes a remote resource' }, { match: '^DELETE$', position: 0, level: 'destructive', why: 'deletes a remote resource' }] },
  aria2c: { level: 'writes', why: 'downloads files' },
  fetch: { level: 'writes', why: 'downloads files' },
  ssh: {
    level: 'read_only',
    why: 'runs a command on another machine',
    options: { withValue: ['-b', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-p', '-Q', '-R', '-S', '-W', '-w', '-B'], stopAtPositional: true },
    wraps: { inner: 'rest-as-shell', skip: 1, bare: { level: 'read_only', why: 'opens an interactive remote shell' }, stdinCode: true },
    flags: [
      { flags: ['-o'], valueMatch: '^\\s*([Pp][Rr][Oo][Xx][Yy]|[Ll][Oo][Cc][Aa][Ll]|[Kk][Nn][Oo][Ww][Nn][Hh][Oo][Ss][Tt][Ss])[Cc][Oo][Mm][Mm][Aa][Nn][Dd]\\s*[= ]\\s*', runs: true, effect: 'always', level: 'read_only', why: 'runs this local command (%h, %p: the host and port)' },
      { flags: ['-o'], valueMatch: '^\\s*(?![Pp][Rr][Oo][Xx][Yy][Cc]|[Ll][Oo][Cc][Aa][Ll][Cc]|[Kk][Nn][Oo][Ww][Nn][Hh][Oo][Ss][Tt][Ss][Cc])[A-Za-z]*([Cc][Oo][Mm][Mm][Aa][Nn][Dd]|[Ii][Nn][Cc][Ll][Uu][Dd][Ee]|[Mm][Aa][Tt][Cc][Hh])\\s*[= ]', effect: 'always', level: 'destructive', why: 'runs a local command nl-sh cannot see' },
      { flags: ['-F'], effect: 'always', level: 'writes', why: 'reads a configuration file nl-sh does not read (it can run local commands)' },
    ],
  },
  // ansible's -a holds the command of the command, shell and raw modules (command is the default); other modules' key=value arguments read as harmless shell words.
  ansible: { level: 'writes', why: 'runs a module on the hosts of an inventory', options: { withValue: ['-i', '--inventory', '-m', '--module-name', '-a', '--args', '-u', '--user', '-e', '--extra-vars', '-f', '--forks', '-l', '--limit', '--become-user', '-c', '--connection', '-T', '--timeout', '-M', '--module-path', '--private-key', '--vault-password-file', '-P', '--poll', '-B', '--background'] }, wraps: { inner: 'option-only', commandOptions: ['-a', '--args'] } },
  mosh: { level: 'read_only', why: 'opens an interactive remote shell' },
  telnet: { level: 'read_only', why: 'opens a network connection', emits: 'fetched' },
  nc: { level: 'read_only', why: 'opens a network connection', emits: 'fetched', options: { withValue: ['-e', '-c', '-p', '-s', '-w', '-i', '-q', '-x', '-X'] }, flags: [{ flags: ['-e', '-c'], level: 'network_exec', why: 'wires a program to the network connection: the other side drives it' }, { flags: ['-l'], level: 'writes', why: 'listens for connections' }] },
  ncat: { level: 'read_only', why: 'opens a network connection', emits: 'fetched', options: { withValue: ['-e', '-c', '--exec', '--sh-exec', '--lua-exec', '-p', '--source-port', '-w', '-i', '-o', '--output'] }, flags: [{ flags: ['-e', '-c', '--exec', '--sh-exec', '--lua-exec'], level: 'network_exec', why: 'wires a program to the network connection: the other side drives it' }, { flags: ['-l', '--listen'], level: 'writes', why: 'listens for connections' }] },
  socat: { level: 'writes', why: 'relays data between endpoints', emits: 'fetched', args: [{ match: '^(?:[a-z]+,)*(exec|system)[:,]', level: 'network_exec', why: 'wires a program to the other endpoint: whoever is there drives it' }] },
  nmap: { level: 'read_only', why: 'scans a network' },
  ftp: { level: 'writes', why: 'transfers files' },
  lftp: { level: 'writes', why: 'transfers files' },
  rclone: {
    level: 'writes',
    why: 'copies files to or from cloud storage',
    flags: [{ flags: ['-n', '--dry-run'], effect: 'set', dryRun: true, level: 'read_only', why: 'a dry run' }],
    subcommands: {
      ls: { level: 'read_only', why: 'lists files' },
      lsd: { level: 'read_only', why: 'lists directories' },
      lsl: { level: 'read_only', why: 'lists files' },
      lsf: { level: 'read_only', why: 'lists files' },
      cat: { level: 'read_only', why: 'prints files' },
      size: { level: 'read_only', why: 'shows sizes' },
      check: { level: 'read_only', why: 'compares files' },
      config: { level: 'writes', why: 'changes configuration' },
      copy: { level: 'writes', why: 'copies files' },
      move: { level: 'writes', why: 'moves files' },
      sync: { level: 'destructive', why: 'makes the destination match the source, deleting files' },
      delete: { level: 'destructive', why: 'deletes files' },
      deletefile: { level: 'destructive', why: 'deletes a file' },
      purge: { level: 'destructive', why: 'deletes a path and its contents' },
      rmdirs: { level: 'writes', why: 'removes empty directories' },
    },
    otherSubcommands: { level: 'writes', why: 'an rclone command that may change files' },
  },
};
