// The argv and environment of every git command nl-sh runs, hardened against the repository it
// runs in. A repository's config (its `.git/config`, `config.worktree`, a `commondir`'s config,
// anything an `[include]` pulls in) is written by whoever made the repository: an archive, a
// clone, a sandboxed command. Nothing it names may run. Measured on git 2.39:
// - `-c` on the command line is read last, so each key below overrides every config file; it
//   reaches git's child processes through GIT_CONFIG_PARAMETERS.
// - `protocol.allow=never` loses to a repository's `protocol.<name>.allow=always`;
//   GIT_ALLOW_PROTOCOL (set, even empty) overrides both. With GIT_NO_LAZY_FETCH (honoured by
//   2.39.4 and later) it stops a partial clone's lazy fetch from running `core.sshCommand`,
//   remote helpers and `ext::` commands; `core.sshCommand=false` is a third wall.
// - Filter and diff drivers have names the repository chooses (`filter.<name>.clean`), so they
//   are listed first (gitDriverOverrides) and each is set empty: an empty command is no filter.
// - `git status` recurses into submodules with their own config: `--ignore-submodules=all`.

/** A git command ready to spawn: argv (argv[0] is `git`) and the complete environment. */
export interface GitCommand {
  argv: string[];
  env: Record<string, string>;
}

// Keys naming programs or behaviour git would take from the repository; each set to a value that
// runs nothing. `false` is the program on the sanitized PATH, never a path in the repository.
const fixedOverrides: readonly (readonly [string, string])[] = [
  ['core.fsmonitor', 'false'],
  ['core.hooksPath', '/dev/null'],
  ['core.untrackedCache', 'false'],
  ['core.pager', 'cat'],
  ['core.editor', ':'],
  ['sequence.editor', ':'],
  ['core.askPass', ''],
  ['core.sshCommand', 'false'],
  ['credential.helper', ''],
  ['diff.external', ''],
  ['gpg.program', 'false'],
  ['gpg.openpgp.program', 'false'],
  ['gpg.ssh.program', 'false'],
  ['gpg.x509.program', 'false'],
  ['log.showSignature', 'false'],
  ['protocol.allow', 'never'],
  ['submodule.recurse', 'false'],
  ['status.submoduleSummary', 'false'],
  ['gc.auto', '0'],
  ['maintenance.auto', 'false'],
  // Not a program: terminal escapes in output nl-sh or a plugin reads back.
  ['color.ui', 'never'],
];

// Options a subcommand takes that keep it from running a repository's programs.
const subcommandOptions: Readonly<Record<string, readonly string[]>> = {
  status: ['--ignore-submodules=all'],
  log: ['--no-ext-diff', '--no-textconv'],
  show: ['--no-ext-diff', '--no-textconv'],
  diff: ['--no-ext-diff', '--no-textconv'],
};

// The environment git gets: the caller's, without any GIT_* variable (GIT_DIR, GIT_CONFIG_*,
// GIT_EXEC_PATH, GIT_SSH_COMMAND, GIT_EXTERNAL_DIFF... could each point git elsewhere), with
// PATH reduced to absolute directories (an empty or relative entry would find `git` or `false`
// in the repository), and nothing that prompts, pages or connects.
function hardenedEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && !key.startsWith('GIT_')) out[key] = value;
  out.PATH = (env.PATH ?? '').split(':').filter((d) => d.startsWith('/')).join(':');
  Object.assign(out, {
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_ALLOW_PROTOCOL: '',
    GIT_NO_LAZY_FETCH: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    GIT_EDITOR: ':',
    GIT_SEQUENCE_EDITOR: ':',
  });
  return out;
}

/** `git <args>` hardened: global options and `-c` overrides first (`drivers` from gitDriverOverrides), the subcommand's own safety options after it. */
export function hardenGitCommand(args: readonly string[], env: Readonly<Record<string, string | undefined>>, drivers: readonly (readonly [string, string])[] = []): GitCommand {
  const config = [...fixedOverrides, ...drivers].flatMap(([key, value]) => ['-c', `${key}=${value}`]);
  const [sub, ...rest] = args;
  const tail = sub === undefined ? [] : [sub, ...(subcommandOptions[sub] ?? []), ...rest];
  return { argv: ['git', '--no-pager', '--no-optional-locks', ...config, ...tail], env: hardenedEnv(env) };
}

/** The argv (after `git`) that lists every config key name, NUL-separated, for gitDriverOverrides. */
export const listConfigNamesArgs: readonly string[] = ['config', '--null', '--name-only', '--list'];

// `filter.<name>.clean` and its kin: the keys whose value is a program, in drivers the
// repository names. `required` is set false so that an emptied filter is not an error.
const driverKey = /^(filter|diff|merge)\.(.+)\.(clean|smudge|process|required|command|textconv|driver)$/s;

/**
 * From `git config --null --name-only --list` output, the overrides that empty every driver
 * program; undefined when a driver's name cannot be overridden with `-c` (it contains `=`, which
 * `-c` would split at), so the caller must not run git there.
 */
export function gitDriverOverrides(names: string): [string, string][] | undefined {
  const out: [string, string][] = [];
  for (const name of new Set(names.split('\0'))) {
    const m = driverKey.exec(name);
    if (!m) continue;
    if (name.includes('=') || name.includes('\n')) return undefined;
    out.push([name, m[3] === 'required' ? 'false' : '']);
  }
  return out;
}
