// Interpreters and what their code does. One-liners are read for deleting calls, shell commands
// they start (judged as shell), and fetch-then-execute; code whose imports are all known to be
// harmless and that shows no effect is read-only; anything else is unknown.

import type { CommandRule, LanguageRules, ScriptLanguage } from './rule-types.js';

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
  node: interpreter({ language: 'node', options: ['-e', '--eval', '-p', '--print'], script: true }, ['-e', '--eval', '-p', '--print', '-r', '--require', '--import', '--loader', '--experimental-loader', '-C', '--conditions', '--env-file', '--input-type']),
  perl: interpreter({ language: 'perl', options: ['-e', '-E'], script: true, inPlace: '-i' }, ['-e', '-E', '-I', '-M', '-m'], ['-i', '-F']),
  ruby: interpreter({ language: 'ruby', options: ['-e'], script: true, inPlace: '-i' }, ['-e', '-r', '-I', '-C', '-E'], ['-i', '-F']),
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
  Rscript: { level: 'writes', why: 'runs R code nl-sh does not read' },
  lua: { level: 'writes', why: 'runs Lua code nl-sh does not read' },
  gcc: { level: 'writes', why: 'compiles code' },
  'g++': { level: 'writes', why: 'compiles code' },
  cc: { level: 'writes', why: 'compiles code' },
  clang: { level: 'writes', why: 'compiles code' },
  rustc: { level: 'writes', why: 'compiles code' },
  javac: { level: 'writes', why: 'compiles code' },
  cmake: { level: 'writes', why: 'configures or builds a project' },
  ninja: { level: 'writes', why: 'builds a project', flags: [{ flags: ['-n'], effect: 'set', level: 'read_only', why: 'a dry run' }] },
  mvn: { level: 'writes', why: 'builds a project' },
  gradle: { level: 'writes', why: 'builds a project' },
  './gradlew': { level: 'writes', why: 'builds a project' },
  java: { level: 'writes', why: 'runs a Java program', options: { singleDashLong: true }, flags: [{ flags: ['-version', '--version', '-showversion', '-help', '--help', '-h'], effect: 'set', level: 'read_only', why: 'prints the version or help' }] },
  dotnet: { level: 'writes', why: 'builds or runs a .NET project', subcommands: { '--info': { level: 'read_only', why: 'prints information' }, '--version': { level: 'read_only', why: 'prints the version' }, 'list': { level: 'read_only', why: 'lists references' } }, otherSubcommands: { level: 'writes', why: 'builds or runs a .NET project' } },
  pytest: { level: 'writes', why: 'runs tests (which run project code)' },
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
  'json.tool': { level: 'read_only', why: 'pretty-prints JSON' },
  timeit: { level: 'read_only', why: 'times a snippet' },
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

/** How code in each script language is judged. */
export const languageRules: Record<ScriptLanguage, LanguageRules> = {
  awk: {
    patterns: [],
    shellCalls: ['\\bsystem\\s*\\(\\s*([^)]*)', '("(?:[^"\\\\]|\\\\.)*"|[A-Za-z_]\\w*)\\s*\\|&?\\s*getline', '\\|&?\\s*("(?:[^"\\\\]|\\\\.)*"|[A-Za-z_]\\w*)'],
    safeModules: [],
    imports: ['@(?:include|load)\\s+"([^"]+)"'],
    effects: ['\\bprintf?\\b[^;{}]*>'],
  },
  sed: {
    patterns: [{ match: 's(.)(?:\\\\.|(?!\\1)[^\\\\\\n])*\\1(?:\\\\.|(?!\\1)[^\\\\\\n])*\\1[gpIiMm0-9w]*e', level: 'destructive', why: 'the e flag runs each result as a shell command' }],
    shellCalls: ['(?:^|[;\\n{}])\\s*(?:[0-9]+|\\$|/[^/]*/)?(?:\\s*,\\s*(?:[0-9]+|\\$|/[^/]*/))?\\s*e\\s+([^;\\n}]+)'],
    shellCallsRaw: true,
    safeModules: [],
    imports: [],
    effects: ['(?:^|[;\\n{}])\\s*(?:[0-9]+|\\$|/[^/]*/)?(?:\\s*,\\s*(?:[0-9]+|\\$|/[^/]*/))?\\s*[wW]\\s*\\S', 's(.)(?:\\\\.|(?!\\1)[^\\\\\\n])*\\1(?:\\\\.|(?!\\1)[^\\\\\\n])*\\1[gpIiMm0-9e]*w\\s*\\S'],
  },
  python: {
    patterns: [
      { match: '\\bshutil\\.rmtree\\s*\\(|\\bos\\.(remove|unlink|rmdir|removedirs)\\s*\\(|\\.(unlink|rmdir)\\s*\\(|\\bsend2trash\\b(?!.*\\btrash)', level: 'destructive', why: 'the code deletes files or directories' },
      { match: '\\bos\\.truncate\\s*\\(|\\.truncate\\s*\\(\\s*0?\\s*\\)', level: 'destructive', why: 'the code truncates a file' },
      { match: '(urlopen|requests\\.(get|post)|httpx\\.(get|post)|urllib\\.request)[\\s\\S]*\\b(exec|eval)\\s*\\(|\\b(exec|eval)\\s*\\([\\s\\S]*(urlopen|requests\\.(get|post)|httpx\\.(get|post))', level: 'network_exec', why: 'the code fetches code from the network and runs it' },
    ],
    shellCalls: [
      '(?:\\bos|\\))\\.(?:system|popen)\\s*\\(\\s*([^,)]*)',
      '\\bsubprocess\\.(?:run|call|check_call|check_output|Popen|getoutput|getstatusoutput)\\s*\\(\\s*(\\[[^\\]]*\\]|[^,)]*)',
      '\\bos\\.exec[lv]p?e?\\s*\\(\\s*([^,)]*)',
    ],
    safeModules: ['json', 'sys', 'math', 're', 'datetime', 'time', 'base64', 'hashlib', 'uuid', 'platform', 'os', 'os.path', 'secrets', 'random', 'collections', 'itertools', 'functools', 'string', 'textwrap', 'urllib.parse', 'pprint', 'statistics', 'decimal', 'fractions', 'calendar', 'locale', 'struct', 'binascii', 'zlib', 'csv', 'socket', 'getpass', 'pathlib', 'glob', 'fnmatch', 'typing', 'dataclasses', 'enum', 'operator', 'copy', 'heapq', 'bisect', 'array', 'ipaddress', 'unicodedata', 'html', 'xml', 'yaml', 'tomllib', 'sysconfig', 'site', 'importlib.metadata', 'ssl', 'certifi', 'numpy', 'pandas', 'this'],
    imports: ['^\\s*import\\s+([\\w.]+(?:\\s*,\\s*[\\w.]+)*)', '^\\s*from\\s+([\\w.]+)\\s+import', '(?:;|^)\\s*import\\s+([\\w.]+(?:\\s*,\\s*[\\w.]+)*)', '(?:;|^)\\s*from\\s+([\\w.]+)\\s+import', '__import__\\(\\s*[\'"]([\\w.]+)'],
    effects: [
      '\\bopen\\s*\\([^)]*,\\s*(mode\\s*=\\s*)?[rbt]*[\'"][^\'"]*[wax+]',
      '\\.write(_text|_bytes)?\\s*\\(',
      '\\b(exec|eval|compile)\\s*\\(',
      '__import__\\s*\\(',
      '\\bos\\.(makedirs|mkdir|rename|replace|chmod|chown|symlink|link|utime|putenv|kill|killpg|setuid|setgid|chdir|chroot|mkfifo|mknod)\\s*\\(',
      '\\bshutil\\.(copy|copy2|copyfile|copytree|move|chown|make_archive|unpack_archive)\\s*\\(',
      '\\.(mkdir|touch|rename|replace|symlink_to|hardlink_to|chmod)\\s*\\(',
      '\\bsocket\\.socket\\s*\\([\\s\\S]*\\.(send|sendall|connect)\\s*\\(',
      '\\bsqlite3\\.connect\\b',
      '\\brequests\\.(post|put|patch|delete)\\s*\\(',
    ],
    modules: pythonModules,
  },
  node: {
    patterns: [
      { match: '\\.(rmSync|rmdirSync|unlinkSync)\\s*\\(|\\b(fs|fsp|promises)\\.(rm|rmdir|unlink)\\s*\\(|\\)\\.(rm|rmdir|unlink)\\s*\\(|\\brimraf\\b|\\bfs-extra\\b[\\s\\S]*\\.(remove|emptyDir)(Sync)?\\s*\\(', level: 'destructive', why: 'the code deletes files or directories' },
      { match: '(fetch\\s*\\(|https?\\.get\\s*\\(|axios)[\\s\\S]*(\\beval\\s*\\(|new\\s+Function|vm\\.run)', level: 'network_exec', why: 'the code fetches code from the network and runs it' },
    ],
    shellCalls: ['\\b(?:execSync|exec|execFileSync|execFile|spawnSync|spawn)\\s*\\(\\s*(\\[[^\\]]*\\]|[^,)]*)'],
    safeModules: ['fs', 'path', 'os', 'util', 'url', 'crypto', 'process', 'node:fs', 'node:path', 'node:os', 'node:util', 'node:url', 'node:crypto', 'node:process', 'assert', 'node:assert', 'querystring', 'buffer', 'node:buffer', 'readline', 'node:readline'],
    imports: ['require\\(\\s*[\'"]([^\'"]+)[\'"]\\s*\\)', '\\bfrom\\s+[\'"]([^\'"]+)[\'"]', '\\bimport\\s*\\(\\s*[\'"]([^\'"]+)[\'"]'],
    effects: [
      '(\\bfs|\\))\\.(writeFile|writeFileSync|appendFile|appendFileSync|mkdir|mkdirSync|rename|renameSync|copyFile|copyFileSync|cp|cpSync|chmod|chmodSync|chown|chownSync|symlink|symlinkSync|createWriteStream|truncate|truncateSync|utimes|utimesSync)\\b',
      '\\bprocess\\.(kill|chdir|setuid|setgid)\\s*\\(',
      '\\beval\\s*\\(',
      '\\bnew\\s+Function\\b',
      '\\brequire\\s*\\(\\s*[^\'"\\s]',
      '\\bfetch\\s*\\([^)]*method\\s*:\\s*[\'"](POST|PUT|PATCH|DELETE)',
    ],
  },
  perl: {
    patterns: [{ match: '\\bunlink\\b|\\brmtree\\b|\\bremove_tree\\b|\\brmdir\\b', level: 'destructive', why: 'the code deletes files or directories' }],
    shellCalls: ['\\bsystem\\s*\\(?\\s*((?:\'[^\']*\'|"[^"]*"|[^;)]*))', '`([^`]*)`', '\\bqx\\s*[{(]([^})]*)[})]', '\\bexec\\s*\\(?\\s*((?:\'[^\']*\'|"[^"]*"|[^;)]*))'],
    safeModules: ['strict', 'warnings', 'utf8', 'List::Util', 'Scalar::Util', 'Data::Dumper', 'POSIX', 'Time::Local', 'Time::HiRes', 'JSON::PP', 'Getopt::Long', 'MIME::Base64', 'Digest::MD5', 'Digest::SHA', 'Encode'],
    imports: ['\\b(?:use|require)\\s+([A-Za-z][\\w:]*)', '-M([A-Za-z][\\w:]*)'],
    effects: ['\\bopen\\s*\\(?\\s*[^,]*,\\s*[\'"]?\\s*(>|\\+<|>>|\\|)', '\\bopen\\s*\\(?\\s*[^,]*,\\s*[\'"][^\'"]*[>|]', '\\brename\\b', '\\bmkdir\\b', '\\bchmod\\b', '\\bchown\\b', '\\bkill\\b', '\\beval\\b', '\\bsymlink\\b', '\\blink\\b', '\\butime\\b', '\\btruncate\\b'],
  },
  ruby: {
    patterns: [{ match: '\\bFileUtils\\.(rm|rm_r|rm_rf|rm_f|remove|remove_dir|remove_entry|remove_entry_secure|rmdir|rmtree)\\b|\\bFile\\.(delete|unlink)\\b|\\bDir\\.(delete|rmdir|unlink)\\b', level: 'destructive', why: 'the code deletes files or directories' }],
    shellCalls: ['\\bsystem\\s*\\(?\\s*((?:\'[^\']*\'|"[^"]*"|[^;)]*))', '`([^`]*)`', '%x[{(]([^})]*)[})]', '\\bexec\\s*\\(?\\s*((?:\'[^\']*\'|"[^"]*"|[^;)]*))', '\\bIO\\.popen\\s*\\(\\s*([^,)]*)', '\\bOpen3\\.\\w+\\s*\\(\\s*([^,)]*)'],
    safeModules: ['json', 'yaml', 'set', 'date', 'time', 'pp', 'securerandom', 'digest', 'base64', 'uri', 'ostruct', 'bigdecimal'],
    imports: ['\\brequire\\s*\\(?\\s*[\'"]([^\'"]+)[\'"]', '-r\\s*([\\w/]+)'],
    effects: ['\\bFile\\.(write|open\\s*\\([^)]*[\'"][wa])', '\\bFileUtils\\.(mv|cp|cp_r|mkdir|mkdir_p|touch|chmod|chown|ln|ln_s)\\b', '\\bDir\\.mkdir\\b', '\\beval\\b', '\\bProcess\\.kill\\b', '\\.write\\s*\\('],
  },
  php: {
    patterns: [{ match: '\\bunlink\\s*\\(|\\brmdir\\s*\\(', level: 'destructive', why: 'the code deletes files or directories' }],
    shellCalls: ['\\b(?:shell_exec|exec|system|passthru|popen|proc_open)\\s*\\(\\s*([^,)]*)', '`([^`]*)`'],
    safeModules: [],
    imports: ['\\b(?:require|include)(?:_once)?\\s*\\(?\\s*[\'"]([^\'"]+)[\'"]'],
    effects: ['\\bfile_put_contents\\s*\\(', '\\bfopen\\s*\\([^)]*[\'"][wax+c]', '\\bmkdir\\s*\\(', '\\brename\\s*\\(', '\\bcopy\\s*\\(', '\\bchmod\\s*\\(', '\\bchown\\s*\\(', '\\beval\\s*\\(', '\\bsymlink\\s*\\(', '\\btouch\\s*\\(', '\\bfwrite\\s*\\('],
  },
};
