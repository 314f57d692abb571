// Interpreters and what their code does. One-liners are read for deleting calls, shell commands
// they start (judged as shell), and fetch-then-execute; code whose imports are all known to be
// harmless and that shows no effect is read-only; anything else is unknown.

import type { CommandRule, LanguageRules, PureForms, ScriptLanguage } from './rule-types.js';

const interpreter = (language: CommandRule['code'], withValue: string[], attachedOnly: string[] = []): CommandRule => ({
  level: 'read_only',
  why: 'runs code',
  analyzer: 'code',
  code: language,
  options: { withValue, attachedOnly, stopAtPositional: true },
});

/** Interpreter commands. */
export const interpreterRules: Record<string, CommandRule> = {
  python: interpreter({ language: 'python', options: ['-c'], module: '-m', script: true }, ['-c', '-m', '-W', '-X', '-Q']),
  node: {
    ...interpreter({ language: 'node', options: ['-e', '--eval', '-p', '--print'], script: true }, ['-e', '--eval', '-p', '--print', '-r', '--require', '--import', '--loader', '--experimental-loader', '-C', '--conditions', '--env-file', '--input-type']),
    flags: [{ flags: ['-r', '--require', '--import', '--loader', '--experimental-loader'], effect: 'always', level: 'writes', why: 'loads a module nl-sh does not read before the code runs' }],
  },
  perl: {
    ...interpreter({ language: 'perl', options: ['-e', '-E'], script: true, inPlace: '-i' }, ['-e', '-E', '-I', '-M', '-m'], ['-i', '-F']),
    flags: [{ flags: ['-M', '-m'], effect: 'always', level: 'writes', why: 'loads a module nl-sh does not read before the code runs' }],
    // `-n`/`-p` and `<>` open their files with the two-argument open: a file named `rm -rf ~|` runs.
    args: [
      { match: '[*?\\[]|^\\s*[<>+|]|\\|\\s*$', level: 'writes', why: "perl's two-argument open runs a file name ending in | as a command, and a pattern can match one" },
      { runtime: true, level: 'writes', why: "perl's two-argument open runs a file name ending in | as a command" },
    ],
  },
  ruby: {
    ...interpreter({ language: 'ruby', options: ['-e'], script: true, inPlace: '-i' }, ['-e', '-r', '-I', '-C', '-E'], ['-i', '-F']),
    flags: [{ flags: ['-r'], effect: 'always', level: 'writes', why: 'loads a library nl-sh does not read before the code runs' }],
  },
  php: interpreter({ language: 'php', options: ['-r'], fileOptions: ['-f'], script: true }, ['-r', '-f', '-d', '-c', '-z']),
  deno: {
    level: 'writes',
    why: 'runs code',
    subcommands: {
      run: { level: 'writes', why: 'runs local code', args: [{ match: '^(https?|npm|jsr):', level: 'network_exec', why: 'fetches code and runs it' }] },
      eval: { level: 'read_only', why: 'runs code', analyzer: 'code', code: { language: 'node', positionalsFrom: 0 } },
      fmt: { level: 'writes', why: 'formats files', flags: [{ flags: ['--check'], effect: 'set', level: 'read_only', why: 'only checks formatting' }] },
      lint: { level: 'read_only', why: 'lints files' },
      check: { level: 'read_only', why: 'type-checks files' },
      test: { level: 'writes', why: 'runs tests' },
      info: { level: 'read_only', why: 'prints information' },
      install: { level: 'writes', why: 'installs a script or dependencies' },
      upgrade: { level: 'writes', why: 'upgrades deno' },
    },
    otherSubcommands: { level: 'writes', why: 'runs a deno command' },
  },
  // Languages nl-sh does not parse: their code is unknown, and judged by what it could do.
  Rscript: interpreter({ language: 'opaque', options: ['-e', '--expr'], script: true }, ['-e', '--expr']),
  R: interpreter({ language: 'opaque', options: ['-e'], fileOptions: ['-f', '--file'], script: false }, ['-e', '-f', '--file']),
  julia: interpreter({ language: 'opaque', options: ['-e', '--eval', '-E', '--print'], script: true }, ['-e', '--eval', '-E', '--print', '-L', '--load', '-p', '--procs', '-t', '--threads']),
  octave: interpreter({ language: 'opaque', options: ['--eval'], script: true }, ['--eval']),
  guile: interpreter({ language: 'opaque', options: ['-c'], fileOptions: ['-s', '-l'], script: true }, ['-c', '-s', '-l', '-e', '-L']),
  tclsh: interpreter({ language: 'opaque', script: true }, []),
  wish: interpreter({ language: 'opaque', script: true }, []),
  expect: interpreter({ language: 'opaque', options: ['-c'], fileOptions: ['-f'], script: true }, ['-c', '-f']),
  pwsh: {
    ...interpreter({ language: 'opaque', options: ['-c', '-Command', '-command'], fileOptions: ['-File', '-file', '-f'], script: true }, ['-c', '-Command', '-command', '-File', '-file', '-f', '-EncodedCommand', '-ec', '-e', '-ExecutionPolicy', '-ep']),
    options: { withValue: ['-c', '-Command', '-command', '-File', '-file', '-f', '-EncodedCommand', '-ec', '-e', '-ExecutionPolicy', '-ep'], singleDashLong: true, stopAtPositional: true },
    flags: [{ flags: ['-EncodedCommand', '-ec', '-e'], effect: 'always', level: 'destructive', why: 'runs a base64-encoded command nl-sh cannot read' }],
  },
  powershell: { level: 'read_only', why: 'runs PowerShell', analyzer: 'code', code: { language: 'opaque', options: ['-c', '-Command', '-command'], fileOptions: ['-File', '-file', '-f'], script: true }, options: { withValue: ['-c', '-Command', '-command', '-File', '-file', '-f', '-EncodedCommand', '-ec', '-e'], singleDashLong: true, stopAtPositional: true }, flags: [{ flags: ['-EncodedCommand', '-ec', '-e'], effect: 'always', level: 'destructive', why: 'runs a base64-encoded command nl-sh cannot read' }] },
  dc: interpreter({ language: 'opaque', options: ['-e', '--expression'], fileOptions: ['-f', '--file'], script: true }, ['-e', '--expression', '-f', '--file']),
  lua: interpreter({ language: 'lua', options: ['-e'], script: true }, ['-e', '-l']),
  luajit: interpreter({ language: 'lua', options: ['-e'], script: true }, ['-e', '-l', '-j', '-O']),
  gcc: { level: 'writes', why: 'compiles code' },
  'g++': { level: 'writes', why: 'compiles code' },
  cc: { level: 'writes', why: 'compiles code' },
  clang: { level: 'writes', why: 'compiles code' },
  rustc: { level: 'writes', why: 'compiles code' },
  javac: { level: 'writes', why: 'compiles code' },
  cmake: { level: 'writes', why: 'configures or builds a project', projectCode: true },
  ninja: { level: 'writes', why: 'builds a project', projectCode: true, flags: [{ flags: ['-n'], effect: 'set', dryRun: true, level: 'read_only', why: 'a dry run' }] },
  mvn: { level: 'writes', why: 'builds a project', projectCode: true },
  gradle: { level: 'writes', why: 'builds a project', projectCode: true },
  './gradlew': { level: 'writes', why: 'builds a project', projectCode: true },
  java: { level: 'writes', why: 'runs a Java program', options: { singleDashLong: true }, flags: [{ flags: ['-version', '--version', '-showversion', '-help', '--help', '-h'], effect: 'set', level: 'read_only', why: 'prints the version or help' }] },
  dotnet: { level: 'writes', why: 'builds or runs a .NET project', subcommands: { '--info': { level: 'read_only', why: 'prints information' }, '--version': { level: 'read_only', why: 'prints the version' }, 'list': { level: 'read_only', why: 'lists references' } }, otherSubcommands: { level: 'writes', why: 'builds or runs a .NET project' } },
  pytest: { level: 'writes', why: 'runs tests (which run project code)', projectCode: true },
  black: { level: 'writes', why: 'reformats files', flags: [{ flags: ['--check', '--diff'], effect: 'set', level: 'read_only', why: 'only checks formatting' }] },
  ruff: { level: 'read_only', why: 'lints files', subcommands: { check: { level: 'read_only', why: 'lints files', flags: [{ flags: ['--fix'], level: 'writes', why: 'rewrites files' }] }, format: { level: 'writes', why: 'reformats files', flags: [{ flags: ['--check', '--diff'], effect: 'set', level: 'read_only', why: 'only checks formatting' }] } }, otherSubcommands: { level: 'writes', why: 'a ruff command that may change files' } },
  isort: { level: 'writes', why: 'reorders imports', flags: [{ flags: ['--check', '--check-only', '-c', '--diff'], effect: 'set', level: 'read_only', why: 'only checks' }] },
  virtualenv: { level: 'writes', why: 'creates a virtual environment' },
};

const pythonModules: NonNullable<LanguageRules['modules']> = {
  pip: { use: 'pip' },
  venv: { level: 'writes', why: 'creates a virtual environment' },
  virtualenv: { level: 'writes', why: 'creates a virtual environment' },
  pytest: { use: 'pytest' },
  black: { use: 'black' },
  ruff: { use: 'ruff' },
  mypy: { use: 'mypy' },
  flake8: { use: 'flake8' },
  pylint: { use: 'pylint' },
  isort: { use: 'isort' },
  unittest: { level: 'writes', why: 'runs tests (which run project code)' },
  'http.server': { level: 'read_only', why: 'serves the current directory over HTTP' },
  'json.tool': { level: 'read_only', why: 'pretty-prints JSON', options: { withValue: ['--indent'] }, targets: { positionals: 'all-but-first', onExisting: { level: 'destructive', why: 'json.tool replaces it' } }, args: [{ match: '.', position: 1, level: 'writes', why: 'writes the result to the second file named' }] },
  // The statements (and -s setup) are python code it runs.
  timeit: { level: 'read_only', why: 'times a snippet', analyzer: 'code', code: { language: 'python', options: ['-s', '--setup'], positionalsFrom: 0 }, options: { withValue: ['-s', '--setup', '-n', '--number', '-r', '--repeat', '-u', '--unit'] } },
  this: { level: 'read_only', why: 'prints a poem' },
  site: { level: 'read_only', why: 'prints site information' },
  platform: { level: 'read_only', why: 'prints platform information' },
  py_compile: { level: 'writes', why: 'writes bytecode files' },
  compileall: { level: 'writes', why: 'writes bytecode files' },
  ensurepip: { level: 'writes', why: 'installs pip' },
  zipfile: { level: 'writes', why: 'reads or writes zip archives' },
  tarfile: { level: 'writes', why: 'reads or writes tar archives' },
  'pip._internal': { use: 'pip' },
};

// The allow-lists of provably pure forms (docs/risk-rules.md, `pure`). Code is read-only only when
// every name, member, call and import it uses is listed here; a method listed is pure on every
// value the listed names can produce (strings, numbers, lists, dicts, stdin).
const pythonPure: PureForms = {
  reader: 'python',
  names: ['print', 'len', 'sum', 'min', 'max', 'abs', 'round', 'sorted', 'reversed', 'enumerate', 'zip', 'map', 'filter', 'range', 'str', 'int', 'float', 'bool', 'list', 'dict', 'set', 'tuple', 'frozenset', 'bytes', 'repr', 'ascii', 'chr', 'ord', 'hex', 'oct', 'bin', 'divmod', 'pow', 'all', 'any', 'isinstance', 'format', 'hash', 'iter', 'next', 'input', 'open', 'exit', 'quit'],
  modules: ['json', 'math', 'sys', 're', 'base64', 'hashlib', 'datetime', 'collections', 'itertools', 'statistics', 'string', 'textwrap'],
  paths: ['json.*', 'math.*', 're.*', 'base64.*', 'hashlib.*', 'datetime.*', 'collections.*', 'itertools.*', 'statistics.*', 'string.*', 'textwrap.*', 'sys.stdin', 'sys.stdout', 'sys.stdout.write', 'sys.stderr', 'sys.stderr.write', 'sys.argv', 'sys.version', 'sys.version_info', 'sys.platform', 'sys.maxsize', 'sys.byteorder', 'sys.executable', 'sys.exit', 'sys.getsizeof', 'sys.getrecursionlimit', 'sys.float_info', 'sys.implementation'],
  methods: ['strip', 'lstrip', 'rstrip', 'split', 'rsplit', 'splitlines', 'join', 'upper', 'lower', 'title', 'capitalize', 'casefold', 'swapcase', 'replace', 'startswith', 'endswith', 'find', 'rfind', 'index', 'rindex', 'count', 'format', 'zfill', 'ljust', 'rjust', 'center', 'encode', 'decode', 'isdigit', 'isalpha', 'isalnum', 'isspace', 'isupper', 'islower', 'isnumeric', 'isdecimal', 'partition', 'rpartition', 'expandtabs', 'removeprefix', 'removesuffix', 'items', 'keys', 'values', 'get', 'copy', 'setdefault', 'update', 'append', 'extend', 'insert', 'pop', 'sort', 'reverse', 'add', 'discard', 'union', 'intersection', 'difference', 'issubset', 'issuperset', 'read', 'readline', 'readlines', 'hex', 'fromhex', 'bit_length', 'is_integer', 'most_common', 'group', 'groups', 'groupdict', 'start', 'end', 'span', 'findall', 'finditer', 'search', 'match', 'fullmatch', 'sub', 'subn', 'isoformat', 'strftime', 'timestamp', 'now', 'today', 'utcnow', 'fromtimestamp', 'fromisoformat', 'strptime', 'hexdigest', 'digest', 'total_seconds', 'weekday'],
};

const nodePure: PureForms = {
  reader: 'node',
  names: ['parseInt', 'parseFloat', 'isNaN', 'isFinite', 'Number', 'String', 'Boolean', 'encodeURIComponent', 'decodeURIComponent', 'encodeURI', 'decodeURI'],
  modules: ['fs', 'path', 'os', 'util', 'crypto'],
  paths: ['console.log', 'console.error', 'console.info', 'console.warn', 'console.dir', 'console.table', 'console.debug', 'JSON.parse', 'JSON.stringify', 'Math.*', 'process.argv', 'process.env', 'process.stdout', 'process.stdout.write', 'process.stderr', 'process.stderr.write', 'process.stdin', 'process.cwd', 'process.platform', 'process.version', 'process.versions', 'process.arch', 'process.exit', 'process.pid', 'process.uptime', 'process.memoryUsage', 'process.hrtime', 'Object.keys', 'Object.values', 'Object.entries', 'Object.fromEntries', 'Array.isArray', 'Array.from', 'Array.of', 'Number.isInteger', 'Number.isFinite', 'Number.isNaN', 'Number.parseInt', 'Number.parseFloat', 'Number.MAX_SAFE_INTEGER', 'String.fromCharCode', 'Date.now', 'Buffer.from', 'Buffer.byteLength', 'Buffer.concat', 'Buffer.isBuffer', 'fs.readFileSync', 'fs.existsSync', 'fs.readdirSync', 'fs.statSync', 'fs.lstatSync', 'fs.realpathSync', 'fs.readlinkSync', 'path.*', 'os.hostname', 'os.platform', 'os.type', 'os.release', 'os.arch', 'os.cpus', 'os.totalmem', 'os.freemem', 'os.homedir', 'os.tmpdir', 'os.uptime', 'os.userInfo', 'os.networkInterfaces', 'os.EOL', 'os.loadavg', 'os.endianness', 'os.version', 'os.machine', 'os.availableParallelism', 'util.inspect', 'util.format', 'crypto.createHash', 'crypto.randomUUID', 'crypto.randomBytes', 'crypto.randomInt', 'crypto.getHashes'],
  methods: ['toString', 'toFixed', 'toPrecision', 'toUpperCase', 'toLowerCase', 'trim', 'trimStart', 'trimEnd', 'split', 'join', 'slice', 'substring', 'substr', 'indexOf', 'lastIndexOf', 'includes', 'startsWith', 'endsWith', 'replace', 'replaceAll', 'match', 'matchAll', 'padStart', 'padEnd', 'repeat', 'charAt', 'charCodeAt', 'codePointAt', 'concat', 'at', 'map', 'filter', 'reduce', 'reduceRight', 'forEach', 'some', 'every', 'find', 'findIndex', 'findLast', 'flat', 'flatMap', 'sort', 'reverse', 'push', 'pop', 'shift', 'unshift', 'keys', 'values', 'entries', 'has', 'get', 'set', 'add', 'test', 'getTime', 'toISOString', 'toLocaleString', 'toLocaleDateString', 'toDateString', 'getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'getMinutes', 'getSeconds', 'normalize', 'localeCompare', 'isFile', 'isDirectory', 'isSymbolicLink', 'digest', 'update', 'on', 'setEncoding', 'resume', 'bigint', 'toJSON'],
};

const perlPure: PureForms = {
  reader: 'perl',
  names: ['print', 'printf', 'say', 'if', 'unless', 'else', 'elsif', 'for', 'foreach', 'while', 'until', 'and', 'or', 'not', 'xor', 'my', 'our', 'local', 'last', 'next', 'length', 'uc', 'lc', 'ucfirst', 'lcfirst', 'split', 'join', 'sort', 'reverse', 'keys', 'values', 'each', 'scalar', 'defined', 'undef', 'chomp', 'chop', 'chr', 'ord', 'hex', 'oct', 'abs', 'int', 'sqrt', 'sin', 'cos', 'atan2', 'exp', 'log', 'rand', 'srand', 'substr', 'index', 'rindex', 'sprintf', 'exists', 'map', 'grep', 'push', 'pop', 'shift', 'unshift', 'splice', 'eq', 'ne', 'lt', 'gt', 'le', 'ge', 'cmp', 'x', 'STDIN', 'STDOUT', 'STDERR', 'ARGV', 'time', 'localtime', 'gmtime', 'pack', 'unpack', 'quotemeta', 'pos', 'die', 'warn', 'exit', 'BEGIN', 'END', 'sum', 'sum0', 'max', 'min', 'first', 'uniq', 'maxstr', 'minstr'],
  modules: ['strict', 'warnings', 'utf8', 'List::Util'],
};

// A loop that never ends (`while True:`, `for(;;)`, `loop {}`) can exhaust memory or processes.
const endlessLoop = { match: '\\bwhile\\s*\\(?\\s*(True|true|1)\\s*\\)?\\s*[:{]|\\bwhile\\s+1\\b|\\bfor\\s*\\(\\s*;\\s*;\\s*\\)|\\bloop\\s*(do\\b|\\{)', level: 'destructive', why: 'loops forever: it can exhaust memory or processes' } as const;

/** How code in each script language is judged. */
export const languageRules: Record<ScriptLanguage, LanguageRules> = {
  awk: {
    patterns: [{ match: '\\|&?\\s*"\\s*(\\S*/)?(sh|bash|dash|zsh|ksh|mksh|fish|python[0-9.]*|perl|ruby|node|php|lua|awk|gawk|xargs|env|sudo|su|eval|source)\\b', level: 'destructive', why: 'the code pipes text it builds into a shell or interpreter, which runs it' }],
    shellCalls: ['\\bsystem\\s*\\(\\s*([^)]*)', '("(?:[^"\\\\]|\\\\.)*"|[A-Za-z_]\\w*)\\s*\\|&?\\s*getline', '\\|&?\\s*("(?:[^"\\\\]|\\\\.)*"|[A-Za-z_]\\w*)'],
    pure: { reader: 'effects' },
    // `print > file` writes; `print | cmd` feeds a command nl-sh judges without its input; `@include`,
    // `@load` and gawk's indirect calls (`@f()`) reach code nl-sh cannot see.
    effects: ['\\bprintf?\\b[^;{}]*>', '\\bprintf?\\b[^;{}]*\\|', '@'],
  },
  sed: {
    patterns: [
      { match: 's(.)(?:\\\\.|(?!\\1)[^\\\\\\n])*\\1(?:\\\\.|(?!\\1)[^\\\\\\n])*\\1[gpIiMm0-9w]*e', level: 'destructive', why: 'the e flag runs each result as a shell command' },
      { match: '(^|[;\\n{}\\s])[wW]\\s*(~|\\$HOME|\\$\\{HOME\\})/\\.', level: 'destructive', why: 'writes over a dotfile in the home directory (a shell startup file, a key, a configuration)' },
    ],
    shellCalls: ['(?:^|[;\\n{}])\\s*(?:[0-9]+|\\$|/[^/]*/)?(?:\\s*,\\s*(?:[0-9]+|\\$|/[^/]*/))?\\s*e\\s+([^;\\n}]+)'],
    shellCallsRaw: true,
    pure: { reader: 'effects' },
    effects: ['(?:^|[;\\n{}])\\s*(?:[0-9]+|\\$|/[^/]*/)?(?:\\s*,\\s*(?:[0-9]+|\\$|/[^/]*/))?\\s*[wW]\\s*\\S', 's(.)(?:\\\\.|(?!\\1)[^\\\\\\n])*\\1(?:\\\\.|(?!\\1)[^\\\\\\n])*\\1[gpIiMm0-9e]*w\\s*\\S'],
  },
  python: {
    patterns: [endlessLoop, 
      { match: '\\bshutil\\.rmtree\\s*\\(|\\bos\\.(remove|unlink|rmdir|removedirs)\\s*\\(|\\.(unlink|rmdir)\\s*\\(|\\bsend2trash\\b(?!.*\\btrash)', level: 'destructive', why: 'the code deletes files or directories' },
      { match: '\\b(os\\.(system|popen|exec\\w*|spawn\\w*|posix_spawn\\w*)|subprocess\\.(run|call|check_call|check_output|Popen|getoutput|getstatusoutput)|pty\\.spawn)\\b(?!\\s*\\()', level: 'destructive', why: 'the code takes hold of a function that runs commands, to call it out of sight' },
      { match: '\\bos\\.truncate\\s*\\(|\\.truncate\\s*\\(\\s*0?\\s*\\)', level: 'destructive', why: 'the code truncates a file' },
      { match: '(urlopen|requests\\.(get|post)|httpx\\.(get|post)|urllib\\.request)[\\s\\S]*\\b(exec|eval)\\s*\\(|\\b(exec|eval)\\s*\\([\\s\\S]*(urlopen|requests\\.(get|post)|httpx\\.(get|post))', level: 'network_exec', why: 'the code fetches code from the network and runs it' },
    ],
    shellCalls: [
      '(?:\\bos|\\))\\.(?:system|popen)\\s*\\(\\s*([^,)]*)',
      '\\bsubprocess\\.(?:run|call|check_call|check_output|Popen|getoutput|getstatusoutput)\\s*\\(\\s*(\\[[^\\]]*\\]|[^,)]*)',
      '\\bos\\.exec[lv]p?e?\\s*\\(\\s*([^,)]*)',
    ],
    pure: pythonPure,
    modules: pythonModules,
  },
  node: {
    patterns: [endlessLoop, 
      { match: '\\.(rmSync|rmdirSync|unlinkSync)\\s*\\(|\\b(fs|fsp|promises)\\.(rm|rmdir|unlink)\\s*\\(|\\)\\.(rm|rmdir|unlink)\\s*\\(|\\brimraf\\b|\\bfs-extra\\b[\\s\\S]*\\.(remove|emptyDir)(Sync)?\\s*\\(', level: 'destructive', why: 'the code deletes files or directories' },
      { match: '\\b(execSync|exec|execFile|execFileSync|spawn|spawnSync|fork)\\b(?!\\s*\\()', level: 'destructive', why: 'the code takes hold of a function that runs commands, to call it out of sight' },
      { match: '(fetch\\s*\\(|https?\\.get\\s*\\(|axios)[\\s\\S]*(\\beval\\s*\\(|new\\s+Function|vm\\.run)', level: 'network_exec', why: 'the code fetches code from the network and runs it' },
    ],
    shellCalls: ['\\b(?:execSync|exec|execFileSync|execFile|spawnSync|spawn)\\s*\\(\\s*(\\[[^\\]]*\\]|[^,)]*)'],
    pure: nodePure,
  },
  perl: {
    patterns: [endlessLoop, { match: '\\bunlink\\b|\\brmtree\\b|\\bremove_tree\\b|\\brmdir\\b', level: 'destructive', why: 'the code deletes files or directories' }],
    shellCalls: ['\\bsystem\\s*\\(?\\s*((?:\'[^\']*\'|"[^"]*"|[^;)]*))', '`([^`]*)`', '\\bqx\\s*[{(]([^})]*)[})]', '\\bexec\\s*\\(?\\s*((?:\'[^\']*\'|"[^"]*"|[^;)]*))'],
    pure: perlPure,
  },
  ruby: {
    patterns: [endlessLoop, { match: '\\bFileUtils\\.(rm|rm_r|rm_rf|rm_f|remove|remove_dir|remove_entry|remove_entry_secure|rmdir|rmtree)\\b|\\bFile\\.(delete|unlink)\\b|\\bDir\\.(delete|rmdir|unlink)\\b', level: 'destructive', why: 'the code deletes files or directories' }],
    shellCalls: ['\\bsystem\\s*\\(?\\s*((?:\'[^\']*\'|"[^"]*"|[^;)]*))', '`([^`]*)`', '%x[{(]([^})]*)[})]', '\\bexec\\s*\\(?\\s*((?:\'[^\']*\'|"[^"]*"|[^;)]*))', '\\bIO\\.popen\\s*\\(\\s*([^,)]*)', '\\bOpen3\\.\\w+\\s*\\(\\s*([^,)]*)'],
    // No pure forms: `Kernel.send(:system, …)`, `public_send`, `method(:…)` make any name a call.
  },
  php: {
    patterns: [endlessLoop, { match: '\\bunlink\\s*\\(|\\brmdir\\s*\\(', level: 'destructive', why: 'the code deletes files or directories' }],
    shellCalls: ['\\b(?:shell_exec|exec|system|passthru|popen|proc_open)\\s*\\(\\s*([^,)]*)', '`([^`]*)`'],
    // No pure forms: variable functions (`$f()`) and `call_user_func` make any string a call.
  },
  lua: {
    patterns: [endlessLoop, { match: '\\bos\\.(remove|rename)\\s*\\(', level: 'destructive', why: 'the code deletes or replaces files' }],
    shellCalls: ['\\bos\\.execute\\s*\\(?\\s*([^,)]*)', '\\bio\\.popen\\s*\\(\\s*([^,)]*)'],
    // No pure forms: `load`, `_G[name]` and `require` reach anything.
  },
};
