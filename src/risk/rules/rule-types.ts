// The shape of the rules table: data that says what each command, subcommand and flag does.
// docs/risk-rules.md documents every field, including what absent, empty and non-empty mean
// for each list; validate-rules.ts checks a table against this shape when it is loaded.

import type { Level } from '../../level.js';

/** A level with the words that explain it in a reason. */
export interface LevelWhy {
  level: Level;
  why: string;
}

/** How to read a command's argument words into options and positionals. */
export interface ArgvOptions {
  /** Options that take a value: the rest of the word (`-n5`, `--ns=x`) or else the next word. */
  withValue?: string[];
  /** Options whose value can only be attached (`-pSECRET`, `-i.bak`); never the next word. */
  attachedOnly?: string[];
  /** `-name` is one option, not `-n -a -m -e` (find, sqlite3, openssl). */
  singleDashLong?: boolean;
  /** A first word without a dash is a bundle of short flags (`tar xzf`, `ps aux`). */
  firstArgFlags?: boolean;
  /** Single-dash options of more than one letter read whole, not as bundled letters (`zip -TT CMD`, `screen -ls`); absent or empty: none. */
  longShort?: string[];
  /** Options end at the first positional (wrappers, whose later words belong to the inner command). */
  stopAtPositional?: boolean;
}

/** A rule keyed on flags. */
export interface FlagRule extends LevelWhy {
  /** Any of these present triggers the rule; `-r` also matches inside `-rf`; `--` is the end-of-options marker. */
  flags: string[];
  /** At least one of these must also be present. */
  with?: string[];
  /** None of these may be present. */
  without?: string[];
  /** The flag's value must be one of these (case-insensitive); `""` means "given without a value". */
  values?: string[];
  /** The flag's value must match this regular expression (source); absent: any value. */
  valueMatch?: string;
  /** `raise` (default): the level becomes at least this. `set`: the command's own level is exactly this (dry runs, help). `always`: like raise, and also when a set rule matched (options that run programs run in a dry run too). */
  effect?: 'raise' | 'set' | 'always';
  /** The value is a command line a program runs, judged as shell code (`level` stays a floor): the whole value, or with `valueMatch` the text after its match (`core.pager=CMD`). */
  runs?: boolean;
  /** With `runs`: the command reads the program's output on stdin (a pager, `psql -o '|CMD'`), so `sh` there runs that output. Absent: its stdin is not judged. */
  fedOutput?: boolean;
  /** With `effect: 'set'`: a dry run, so nothing the command would do happens and no raise rule counts. Absent: a mode (list, verify), which a destructive or privileged raise rule of the same command still beats. */
  dryRun?: boolean;
  /** The rule matches when none of `flags` is given (`npx` without `--no-install` may fetch); `values` and `valueMatch` do not apply. */
  absent?: boolean;
}

/** A rule keyed on positional arguments. Give exactly one of `match` and `runtime`. */
export interface ArgRule extends LevelWhy {
  /** A regular expression (source) tested against each positional's literal value. */
  match?: string;
  /** Matches positionals whose value is only known at run time (`docker rm $(docker ps -aq)`). */
  runtime?: boolean;
  /** Only the positional at this index (0 = first after the subcommand); absent means any. */
  position?: number;
  /** Also test the values of these options (`pip install -e URL`); `*`: every option's value; absent or empty: positionals only. */
  options?: string[];
  /** As for flag rules. */
  effect?: 'raise' | 'set' | 'always';
  /** A matching positional holds a command line judged as shell code (`level` stays a floor): `rest` the text after the match (`less +!CMD`), `next` the following positional (`git config core.pager CMD`; a leading `!` is git's mark of a shell command), `ext-url` the rest as a git `ext::` command (`% ` escapes a space). `balanced` every match, up to the bracket that closes the last bracket in the match (`#(CMD)`, `$(shell CMD)`), in positionals and in the values of `options`. Needs `match`. */
  runs?: 'rest' | 'next' | 'ext-url' | 'balanced';
  /** With `runs`: the text is the arguments of this command, not a whole command line (tmux `if-shell CMD TMUX-COMMAND`); absent: a command line. */
  command?: string;
}

/** Which arguments name paths the command writes, deletes or changes. */
export interface TargetRule {
  /** Positionals that are targets: all, the last (when there are two or more), all but the first, or none. */
  positionals?: 'all' | 'last' | 'all-but-first' | 'none';
  /** Options whose value is a target (`-o FILE`, `-t DIR`, `-C DIR`). When one is given, `last` yields nothing more. */
  options?: string[];
  /** `key=value` words whose value is a target (`dd of=/dev/sdb`). */
  keys?: string[];
  /** Options whose values are `key=value` settings: a setting named in `keys` (ignoring case, `-` and `_`) is a target (`wget -e output_document=FILE`). Absent or empty: none. */
  keyOptions?: string[];
  /** Only when one of these flags is given (`sed -i`); absent: always. */
  whenFlags?: string[];
  /** What happens to a target that already exists (overwrite, truncate). */
  onExisting?: LevelWhy & {
    /** Flags that prevent it (`-n`, `--no-clobber`, `-a`); absent or empty: none. */
    unlessFlags?: string[];
    /** Only with one of these flags (`ln -f`); absent: always. */
    requireFlags?: string[];
  };
}

/** How a wrapper finds the command it runs. */
export interface WrapRule {
  /** `rest`: the words after the wrapper's options are the command; `rest-as-shell`: they are joined and read as shell; `option-only`: only `commandOptions` hold a command. */
  inner: 'rest' | 'rest-as-shell' | 'option-only';
  /** Positionals the wrapper takes before the command (timeout's duration, chroot's directory). */
  skip?: number;
  /** `NAME=value` words before the command are environment settings (env). */
  assignments?: boolean;
  /** Options whose value is a shell command string (`su -c`, `flock -c`). */
  commandOptions?: string[];
  /** Level when there is no command to run (`env` alone prints the environment). */
  bare?: LevelWhy;
  /** With no command, the program runs what it reads on stdin as shell code (`ssh host <<EOF`). */
  stdinCode?: boolean;
  /** Flags with which the wrapper runs nothing (`command -v`); absent or empty: none. */
  noRunFlags?: string[];
  /** The command is whatever follows this word (or the first of these words) when it is present (`kubectl exec POD -- CMD`, `fd -x CMD`). */
  separator?: string | string[];
}

/** What a command writes to stdout, for a pipeline that feeds it to an interpreter. */
export type Emits = 'fetched' | 'decoded' | 'literal' | 'files' | 'shell-setup' | 'passthrough';

/** Every analyzer a rule may name; analyzers/index.ts is the registry. */
export const analyzerNames = ['find', 'xargs', 'shell', 'eval', 'source', 'trap', 'code', 'kill', 'fetch', 'parallel', 'cd', 'unpack', 'names', 'alias', 'unalias', 'hash', 'enable', 'set'] as const;

/** Named code for what data cannot say. */
export type AnalyzerName = (typeof analyzerNames)[number];

/** Languages whose code nl-sh reads. */
export type CodeLanguage = 'shell' | 'python' | 'node' | 'perl' | 'ruby' | 'php' | 'awk' | 'sed' | 'lua' | 'sql' | 'redis' | 'mongo' | 'opaque';

/** Where an interpreter or database client finds the code it runs (the `code` analyzer). */
export interface CodeRule {
  language: CodeLanguage;
  /** Options whose value is code (`python -c`, `psql -c`); absent or empty: none. */
  options?: string[];
  /** Options whose value names a file of code (`psql -f`); absent or empty: none. */
  fileOptions?: string[];
  /** Positionals from this index on, joined by spaces, are code (`sqlite3 DB SQL`, `redis-cli CMD ARGS`). */
  positionalsFrom?: number;
  /** A regular expression (source): positionals it matches are code after the match (`vim +CMD`, not `+10`); absent: none. */
  prefixed?: string;
  /** The first positional is a script file (`python x.py`); `-` means stdin. */
  script?: boolean;
  /** The first positional is the program text itself unless an option gave one (`awk '{...}'`, `sed 's/a/b/'`). */
  program?: boolean;
  /** An option naming a module run as a program (`python -m pip`). */
  module?: string;
  /** `true`: only `options` and `fileOptions` hold code; without them the program runs none (`pylint --init-hook`), its stdin included. Absent: the other sources, then stdin. */
  optionsOnly?: boolean;
  /** An option that edits the positional files in place (`perl -i`). */
  inPlace?: string;
  /** A regular expression (source): program text it matches runs the program's input as shell code (sed's bare `e`): the files after the program, else stdin. Absent: never. */
  inputRuns?: string;
}

/** Everything the table says about one command (or one subcommand). */
export interface CommandRule extends LevelWhy {
  options?: ArgvOptions;
  /** Level when the command has no arguments at all (`mount` lists, `mount DEV DIR` mounts). */
  noArgs?: LevelWhy;
  flags?: FlagRule[];
  args?: ArgRule[];
  targets?: TargetRule;
  /** Keyed by the first positional (or any, see `subcommandSearch`); `*` in a key matches any text. */
  subcommands?: Record<string, CommandRule>;
  /** The value of this option names the subcommand, judged with the positionals as its arguments (`screen -X stuff TEXT`); absent: positionals name subcommands. Without the option the command is judged by its own rule. */
  subcommandOption?: string;
  /** `first` (default): the first positional names the subcommand; `any`: the first positional that matches a key. */
  subcommandSearch?: 'first' | 'any';
  /** Level for a subcommand not in `subcommands`; absent means "unknown", which the policy asks about. */
  otherSubcommands?: CommandRule;
  wraps?: WrapRule;
  analyzer?: AnalyzerName;
  /** For the `code` analyzer: where the code comes from. */
  code?: CodeRule;
  emits?: Emits;
  /** The command runs the project's own code (build recipes, scripts, tests): after a repository or archive was fetched earlier in the line, that is fetched code. */
  projectCode?: boolean;
}

/** Paths that change what writing to them means. */
export interface PathRules {
  /** Writing, changing or deleting under these is privileged. */
  systemPrefixes: string[];
  /** Regular expressions for block devices; writing to one is destructive. */
  devicePatterns: string[];
  /** Writing here goes nowhere (/dev/null). */
  discardTargets: string[];
  /** `/bin/rm` is `rm`: absolute paths in these directories name the command by their basename. */
  binDirs: string[];
  /** Basenames, `~/` paths, or directories (ending in `/`: anything under them) whose files evidently exist, so truncating or overwriting them loses data. */
  wellKnownFiles: string[];
  /** Shell startup files (`~/` paths, absolute paths, or directories ending in `/`): text written there runs in every new shell. */
  startupFiles: string[];
  /** Name segments that mark a template (`.env.example`); a copy made from one is assumed new. */
  templateMarkers: string[];
}

/** A pattern in interpreter code. */
export interface CodePattern extends LevelWhy {
  /** A regular expression (source). */
  match: string;
}

/** Languages judged by code patterns. */
export type ScriptLanguage = 'python' | 'node' | 'perl' | 'ruby' | 'php' | 'awk' | 'sed' | 'lua';

/** The reader that proves code in a language pure: a small tokenizer and grammar per language; `effects` for awk and sed, whose only effects the `effects` expressions find. */
export type PureReader = 'python' | 'node' | 'perl' | 'effects';

/** The allow-list of provably pure forms in one language. Anything outside it is unknown (writes). */
export interface PureForms {
  reader: PureReader;
  /** Names the code may use and call (`print`, `len`, `console`); absent or empty: none. */
  names?: string[];
  /** Modules the code may import (`json`, `fs`); absent or empty: none. */
  modules?: string[];
  /** Dotted paths under modules and names the code may use (`json.loads`, `fs.readFileSync`); `x.*` allows every member of x. Absent or empty: none. */
  paths?: string[];
  /** Methods the code may call on any value it holds (`split`, `join`); absent or empty: none. */
  methods?: string[];
}

/** What nl-sh knows about one interpreter language. */
export interface LanguageRules {
  /** Patterns that set a level (deleting files, fetching and executing). */
  patterns: CodePattern[];
  /** Regular expressions whose first capture group is a shell command string the code runs. */
  shellCalls: string[];
  /** The captures of `shellCalls` are the command text itself, not a quoted string literal (sed's `e cmd`). */
  shellCallsRaw?: boolean;
  /** The provably pure forms: code inside them that matches no pattern or shell call is read-only. Absent: no code in this language is read-only (it is unknown, writes). */
  pure?: PureForms;
  /** For the `effects` reader: regular expressions that, when found, make code not read-only; absent or empty: none. */
  effects?: string[];
  /** Modules run as programs (`python -m pip`): judged by another command's rule (`use`) or a rule of their own (`json.tool IN OUT` writes OUT). Absent or empty: every module is unknown. */
  modules?: Record<string, { use: string } | CommandRule>;
}

/** How one SQL statement kind is judged, by its first keyword. */
export interface SqlStatementRule extends LevelWhy {
  /** Level when the statement has no WHERE clause (or a trivially true one): `DELETE FROM t`. */
  unscoped?: LevelWhy;
  /** Patterns in the statement that raise the level (`ALTER TABLE ... DROP`); absent or empty: none. */
  contains?: CodePattern[];
}

/** SQL statements and client meta-commands (`\d`, `.tables`). */
export interface SqlRules {
  /** By first keyword, upper case. A keyword not here is unknown. */
  statements: Record<string, SqlStatementRule>;
  /** psql backslash and sqlite dot commands, by name (`\\dt`, `.tables`); not here: unknown. */
  meta: Record<string, LevelWhy>;
  /** Meta-commands whose argument is a shell command (`\\!`, `.shell`). */
  shellMeta: string[];
  /** Client commands spelled as a word whose rest of the line is a shell command (mysql `system CMD`), lower case. Absent or empty: none. */
  shellCommands?: string[];
  /** Meta-commands whose argument, when it starts with `|`, is a shell command fed the query output (`\\g |CMD`, `\\o |CMD`, `.once |CMD`). Absent or empty: none. */
  pipeMeta?: string[];
  /** Regular expressions (case-insensitive) over statements, literals kept, whose first group is a string literal run as a shell command (`COPY … PROGRAM 'CMD'`, sqlite `edit(x, 'EDITOR')`). Absent or empty: none. */
  shellStrings?: string[];
}

/** Redis commands, by name in upper case. */
export interface RedisRules {
  commands: Record<string, LevelWhy>;
  /** Level for a command not in `commands`. */
  other: LevelWhy;
}

/** The whole table. */
export interface RuleTable {
  commands: Record<string, CommandRule>;
  /** Names rewritten before lookup: a full-match regex and the name to use (`mkfs.ext4` → `mkfs`). */
  nameAliases: { match: string; name: string }[];
  paths: PathRules;
  languages: Record<ScriptLanguage, LanguageRules>;
  sql: SqlRules;
  redis: RedisRules;
  /** What code nl-sh cannot read could do, by the names it uses (any language); matching none, it is still unknown. */
  opaque: CodePattern[];
  /** Patterns in MongoDB shell code (`.drop()`, `find(`); code matching none is unknown. */
  mongo: CodePattern[];
  variables: VariableRules;
}

/** Shell variables whose value changes what runs. Each list may be empty (no such variables). */
export interface VariableRules {
  /** The value is shell code run later (PROMPT_COMMAND, PS1 with `$(...)`): judged as code. */
  code: string[];
  /** The value changes which program a name runs (PATH): later commands are unknown unless it only appends. */
  lookup: string[];
  /** The value makes programs load code nl-sh cannot see (LD_PRELOAD, BASH_ENV). */
  inject: string[];
  /** The value is a command line a program runs (pagers, editors, GIT_SSH_COMMAND): judged as shell code. Absent or empty: none. */
  commands?: string[];
  /** The value is where a program looks for modules, options or config that can run code (PYTHONPATH, NODE_OPTIONS, GIT_DIR): what it runs is unknown (writes). Absent or empty: none. */
  loadPath?: string[];
  /** Regular expressions for names whose value is a command line (`GIT_CONFIG_VALUE_0`): judged as shell code. Absent or empty: none. */
  commandPatterns?: string[];
  /** The value is git-quoted `'key'='value'` settings (GIT_CONFIG_PARAMETERS): each value is judged as shell code, as it may be a pager or helper. Absent or empty: none. */
  settings?: string[];
  /** The value names a file the program writes (HISTFILE, GIT_TRACE=/path): judged as a write to it; a number or a boolean is no file. Absent or empty: none. */
  files?: string[];
  /** Set to 0, the shell drops its whole history (HISTSIZE). Absent or empty: none. */
  clearsHistory?: string[];
}
