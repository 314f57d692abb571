// git: reading history is read-only; committing, branching and pushing write; anything that
// throws away work (hard resets, cleans, checkouts over files, force pushes, branch -D, stash
// clear) is destructive. Dry runs (-n, --dry-run) are read-only.

import type { ArgRule, CommandRule, FlagRule } from './rule-types.js';

const ro = (why: string, extra: Partial<CommandRule> = {}): CommandRule => ({ level: 'read_only', why, ...extra });
const w = (why: string, extra: Partial<CommandRule> = {}): CommandRule => ({ level: 'writes', why, ...extra });
// The program a transport runs on the other end, started by a local shell (`--upload-pack=CMD`).
const remoteProgram = (flags: string[]): FlagRule => ({ flags, runs: true, effect: 'always', level: 'writes', why: 'runs a program of its choosing to talk to the remote' });
const dryRun = (flags: string[]): FlagRule => ({ flags, effect: 'set', dryRun: true, level: 'read_only', why: 'a dry run; nothing changes' });

const listing = (what: string, changes: FlagRule[]): CommandRule => ({
  level: 'read_only',
  why: `lists ${what}`,
  options: { withValue: ['--contains', '--no-contains', '--merged', '--no-merged', '--points-at', '--sort', '--format', '-m', '--message', '-F', '--file', '-u', '--set-upstream-to', '--column'] },
  flags: changes,
  args: [{ match: '.', level: 'writes', why: `creates or changes one of the ${what}` }],
});

const ghVerbs: CommandRule = {
  level: 'read_only',
  why: 'prints help for a GitHub CLI command group',
  subcommands: {
    list: ro('lists items'),
    ls: ro('lists items'),
    view: ro('shows an item'),
    status: ro('shows status'),
    diff: ro('shows a diff'),
    checks: ro('shows checks'),
    watch: ro('watches a run'),
    download: w('downloads files'),
    clone: w('clones a repository', { analyzer: 'fetch' }),
    checkout: w('checks out a pull request'),
    create: w('creates an item'),
    new: w('creates an item'),
    edit: w('edits an item'),
    comment: w('comments'),
    review: w('reviews'),
    merge: w('merges a pull request'),
    close: w('closes an item'),
    reopen: w('reopens an item'),
    ready: w('marks a pull request ready'),
    rerun: w('re-runs a workflow'),
    cancel: w('cancels a run'),
    run: w('runs a workflow'),
    enable: w('enables a workflow'),
    disable: w('disables a workflow'),
    fork: w('forks a repository'),
    sync: w('syncs a repository'),
    upload: w('uploads files'),
    set: w('sets a value'),
    install: w('installs an extension'),
    upgrade: w('upgrades an extension'),
    archive: w('archives a repository'),
    rename: w('renames a repository'),
    transfer: w('transfers an issue'),
    pin: w('pins an issue'),
    unpin: w('unpins an issue'),
    lock: w('locks a conversation'),
    unlock: w('unlocks a conversation'),
    delete: { level: 'destructive', why: 'deletes a repository, release, run or other item' },
    remove: { level: 'destructive', why: 'removes an item' },
  },
  otherSubcommands: { level: 'writes', why: 'a GitHub CLI command that may change things' },
};

// A case-insensitive regular expression for a git key (section and key names ignore case).
const ci = (key: string): string => key.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`).replace(/\./g, '\\.');

/** Settings whose value is a command line git runs (pagers, editors, helpers, drivers), as a regular expression for the key. */
const commandSetting = `(${['core.pager', 'core.editor', 'core.sshCommand', 'core.fsmonitor', 'core.askPass', 'core.gitProxy', 'sequence.editor', 'diff.external', 'uploadpack.packObjectsHook', 'gpg.program'].map(ci).join('|')}|${ci('gpg')}\\.[\\w-]+\\.${ci('program')}|${ci('pager')}\\.[\\w-]+|[\\w.-]+\\.(${['command', 'textconv', 'cmd', 'process', 'clean', 'smudge', 'driver'].map(ci).join('|')}))`;
/** Settings whose value is a shell command when it starts with `!` (aliases, credential helpers). */
const shellSetting = `(${ci('alias')}\\.[^=]+|${ci('credential')}(\\.[^=]+)?\\.${ci('helper')})`;
/** `git config KEY VALUE` with a command key: the value is a command line git runs later. */
const configCommand: ArgRule = { match: `^(${commandSetting}|${shellSetting})$`, runs: 'next', level: 'writes', why: 'sets a command git runs' };
/** `ext::CMD` URLs run CMD (when protocol.ext.allow lets them). */
const extUrl: ArgRule = { match: '^ext::', runs: 'ext-url', level: 'writes', why: 'an ext:: URL runs a command' };

const outputFlag: FlagRule = { flags: ['--output'], level: 'writes', why: 'writes the output to a file' };
// Commands that take the diff options, `--output=FILE` among them: the output goes to that file.
const diffOutput = (rule: CommandRule): CommandRule => ({
  ...rule,
  options: { ...rule.options, withValue: [...(rule.options?.withValue ?? []), '--output'] },
  flags: [...(rule.flags ?? []), outputFlag],
  targets: { options: ['--output'], onExisting: { level: 'destructive', why: 'the output file is replaced' } },
});
const extDiff: FlagRule = { flags: ['--ext-diff'], effect: 'always', level: 'writes', why: 'runs the external diff program the configuration names' };

/** git and friends. */
export const gitRules: Record<string, CommandRule> = {
  git: {
    level: 'read_only',
    why: 'prints git usage',
    options: { withValue: ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env'] },
    flags: [
      { flags: ['-c'], valueMatch: `^${commandSetting}=\\s*`, runs: true, effect: 'always', level: 'read_only', why: 'makes git run this command' },
      // A pager reads git's output: `core.pager=sh` runs what a commit message says.
      { flags: ['-c'], valueMatch: `^(${ci('core.pager')}|${ci('pager')}\\.[\\w-]+)=\\s*`, runs: true, fedOutput: true, effect: 'always', level: 'read_only', why: 'pipes git output into this command' },
      { flags: ['-c'], valueMatch: `^${shellSetting}=\\s*!`, runs: true, effect: 'always', level: 'read_only', why: 'makes git run this shell command' },
      { flags: ['-c'], valueMatch: `^${ci('core.hooksPath')}=.`, effect: 'always', level: 'writes', why: 'makes git run the hooks in that directory' },
      {
        flags: ['-c'],
        valueMatch: `^(?!(${commandSetting}|color\\.[\\w.]+|user\\.(name|email)|core\\.(quotepath|autocrlf|safecrlf|filemode|ignorecase)|advice\\.\\w+|log\\.\\w+|init\\.defaultbranch|safe\\.directory|column\\.ui|i18n\\.\\w+)(=|$))`,
        effect: 'always',
        level: 'writes',
        why: 'a configuration setting nl-sh does not know; settings can make git run programs',
      },
      { flags: ['--config-env'], effect: 'always', level: 'writes', why: 'takes a setting from the environment; settings can make git run programs' },
      { flags: ['--exec-path'], valueMatch: '.', effect: 'always', level: 'writes', why: 'runs git commands from another directory' },
    ],
    subcommands: {
      status: ro('shows the working tree state'),
      log: ro('shows history', { options: { withValue: ['-S', '-G', '-n', '--author', '--grep', '--since', '--until', '--format', '--pretty', '-L', '--output'] }, flags: [outputFlag, extDiff], targets: { options: ['--output'], onExisting: { level: 'destructive', why: 'the output file is replaced' } } }),
      show: ro('shows objects', { options: { withValue: ['--output'] }, flags: [outputFlag, extDiff], targets: { options: ['--output'], onExisting: { level: 'destructive', why: 'the output file is replaced' } } }),
      diff: ro('shows changes', { options: { withValue: ['--output', '-S', '-G'] }, flags: [outputFlag, extDiff], targets: { options: ['--output'], onExisting: { level: 'destructive', why: 'the output file is replaced' } } }),
      blame: ro('annotates lines'),
      annotate: ro('annotates lines'),
      grep: ro('searches tracked files', {
        options: { withValue: ['-e', '-f', '-m', '-A', '-B', '-C'], attachedOnly: ['-O', '--open-files-in-pager'] },
        flags: [{ flags: ['-O', '--open-files-in-pager'], runs: true, effect: 'always', level: 'writes', why: 'opens the matching files in this program' }],
      }),
      shortlog: diffOutput(ro('summarises history')),
      describe: ro('describes a commit'),
      'rev-parse': ro('resolves names'),
      'rev-list': ro('lists commits'),
      'ls-files': ro('lists tracked files'),
      'ls-tree': ro('lists a tree'),
      'ls-remote': ro('lists remote refs', { args: [extUrl], options: { withValue: ['--upload-pack', '--exec'] }, flags: [remoteProgram(['--upload-pack', '--exec'])] }),
      'cat-file': ro('prints objects'),
      'for-each-ref': ro('lists refs'),
      'show-ref': ro('lists refs'),
      'show-branch': ro('shows branches'),
      'merge-base': ro('finds a common ancestor'),
      'name-rev': ro('names a commit'),
      'check-ignore': ro('checks ignore rules'),
      'check-attr': ro('checks attributes'),
      'count-objects': ro('counts objects'),
      fsck: ro('checks the repository', { flags: [{ flags: ['--lost-found'], level: 'writes', why: 'writes dangling objects into .git/lost-found' }] }),
      whatchanged: diffOutput(ro('shows history')),
      help: ro('shows help'),
      version: ro('prints the version'),
      'var': ro('prints variables'),
      reflog: diffOutput(ro('shows the reflog', { subcommands: { show: diffOutput(ro('shows the reflog')), exists: ro('checks a reflog'), expire: { level: 'destructive', why: 'drops reflog entries, the safety net for lost commits' }, delete: { level: 'destructive', why: 'drops reflog entries, the safety net for lost commits' } } })),
      branch: listing('branches', [
        { flags: ['-l', '--list', '-a', '--all', '-r', '--remotes', '--show-current', '--contains', '--no-contains', '--merged', '--no-merged', '--points-at'], without: ['-d', '-D', '--delete', '-m', '-M', '-c', '-C', '--move', '--copy', '-u', '--set-upstream-to', '--unset-upstream', '-f', '--force', '--edit-description'], effect: 'set', level: 'read_only', why: 'lists branches' },
        { flags: ['-D'], level: 'destructive', why: 'force-deletes a branch, even unmerged' },
        { flags: ['-d', '--delete'], with: ['-f', '--force'], level: 'destructive', why: 'force-deletes a branch, even unmerged' },
        { flags: ['-d', '--delete'], level: 'writes', why: 'deletes a merged branch' },
        { flags: ['-M', '-C'], level: 'destructive', why: 'renames or copies over an existing branch' },
        { flags: ['-m', '-c', '--move', '--copy', '-u', '--set-upstream-to', '--unset-upstream', '--edit-description', '-t', '--track', '-f', '--force'], level: 'writes', why: 'changes branches' },
      ]),
      tag: listing('tags', [
        { flags: ['-l', '--list', '-n', '--contains', '--no-contains', '--merged', '--no-merged', '--points-at', '-v', '--verify'], without: ['-d', '--delete', '-f', '--force', '-a', '-s', '-m'], effect: 'set', level: 'read_only', why: 'lists or verifies tags' },
        { flags: ['-d', '--delete'], level: 'writes', why: 'deletes a tag' },
        { flags: ['-f', '--force'], level: 'destructive', why: 'moves an existing tag' },
      ]),
      remote: {
        level: 'read_only',
        why: 'lists remotes',
        subcommands: { show: ro('shows a remote'), 'get-url': ro('prints a remote URL'), add: w('adds a remote'), 'set-url': w('changes a remote URL'), rename: w('renames a remote'), remove: w('removes a remote'), rm: w('removes a remote'), prune: w('prunes stale remote branches'), update: w('fetches remotes'), 'set-head': w('sets the remote HEAD'), 'set-branches': w('sets tracked branches') },
      },
      stash: {
        level: 'writes',
        why: 'stashes changes, which can be restored',
        subcommands: {
          list: diffOutput(ro('lists stashes')),
          show: diffOutput(ro('shows a stash')),
          push: w('stashes changes, which can be restored'),
          save: w('stashes changes, which can be restored'),
          pop: w('reapplies a stash'),
          apply: w('reapplies a stash'),
          branch: w('makes a branch from a stash'),
          create: w('creates a stash object'),
          store: w('stores a stash'),
          drop: { level: 'destructive', why: 'drops a stash for good' },
          clear: { level: 'destructive', why: 'drops every stash for good' },
        },
        otherSubcommands: { level: 'writes', why: 'stashes changes, which can be restored' },
      },
      config: {
        level: 'writes',
        why: 'changes git configuration',
        options: { withValue: ['-f', '--file', '--blob', '--type', '--default', '--comment'] },
        args: [configCommand],
        flags: [{ flags: ['--get', '--get-all', '--get-regexp', '-l', '--list', '--get-urlmatch', '--show-origin', '--show-scope'], effect: 'set', level: 'read_only', why: 'only reads configuration' }],
      },
      add: w('stages changes', { flags: [dryRun(['-n', '--dry-run'])] }),
      commit: w('records a commit', { options: { withValue: ['-m', '--message', '-F', '--file', '-C', '-c', '--author', '--date', '--fixup', '--squash'] }, flags: [dryRun(['--dry-run'])] }),
      switch: w('switches branches', { options: { withValue: ['-c', '-C', '--create', '--force-create'] }, flags: [{ flags: ['--discard-changes', '-f', '--force'], level: 'destructive', why: 'discards uncommitted changes' }] }),
      checkout: w('switches branches', {
        options: { withValue: ['-b', '-B', '--orphan', '--conflict'] },
        flags: [
          { flags: ['--'], level: 'destructive', why: 'overwrites files with their committed versions, discarding changes' },
          { flags: ['-f', '--force'], level: 'destructive', why: 'discards uncommitted changes' },
          { flags: ['-B'], level: 'destructive', why: 'resets an existing branch' },
        ],
        args: [{ match: '^\\.$|^\\.?\\.?/|^\\*|\\.[a-z][a-z0-9]{0,5}$', level: 'destructive', why: 'looks like a path: overwrites it with the committed version, discarding changes' }],
      }),
      restore: {
        level: 'destructive',
        why: 'overwrites files with their committed versions, discarding changes',
        options: { withValue: ['-s', '--source'] },
        flags: [{ flags: ['--staged', '-S'], without: ['--worktree', '-W'], effect: 'set', level: 'writes', why: 'only unstages; the working copy is untouched' }],
      },
      reset: w('moves HEAD; changes stay in the working tree', {
        flags: [
          { flags: ['--hard'], level: 'destructive', why: 'discards commits and uncommitted changes' },
          { flags: ['--merge', '--keep'], level: 'writes', why: 'resets but keeps local changes' },
        ],
      }),
      clean: {
        level: 'destructive',
        why: 'deletes untracked files',
        options: { withValue: ['-e', '--exclude'] },
        flags: [
          dryRun(['-n', '--dry-run']),
          { flags: ['-x', '-X'], level: 'destructive', why: 'also deletes ignored files' },
        ],
      },
      rm: {
        level: 'destructive',
        why: 'deletes files from the working tree and the index',
        flags: [dryRun(['-n', '--dry-run']), { flags: ['--cached'], effect: 'set', level: 'writes', why: 'untracks files but keeps them on disk' }],
      },
      mv: w('moves tracked files', { flags: [dryRun(['-n', '--dry-run']), { flags: ['-f', '--force'], level: 'destructive', why: 'overwrites an existing file' }] }),
      push: w('sends commits to a remote', {
        options: { withValue: ['-o', '--push-option', '--repo', '--receive-pack', '--exec'] },
        flags: [
          remoteProgram(['--receive-pack', '--exec']),
          dryRun(['-n', '--dry-run']),
          { flags: ['-f', '--force', '--force-with-lease', '--force-if-includes', '--mirror'], level: 'destructive', why: 'rewrites remote history' },
          { flags: ['-d', '--delete', '--prune'], level: 'destructive', why: 'deletes remote branches' },
        ],
        args: [{ match: '^\\+|^:', level: 'destructive', why: 'a force or delete refspec rewrites remote history' }],
      }),
      pull: w('fetches and merges', { args: [extUrl], options: { withValue: ['--upload-pack'] }, flags: [remoteProgram(['--upload-pack'])] }),
      fetch: w('fetches from a remote', { options: { withValue: ['--upload-pack'] }, flags: [remoteProgram(['--upload-pack']), dryRun(['--dry-run'])], args: [extUrl] }),
      merge: w('merges branches'),
      rebase: w('replays commits (the reflog keeps the old ones)', { options: { withValue: ['-x', '--exec', '--onto', '-s', '--strategy', '-X', '--strategy-option'] }, wraps: { inner: 'option-only', commandOptions: ['-x', '--exec'] } }),
      'cherry-pick': w('applies commits'),
      revert: w('records reverting commits'),
      am: w('applies mailed patches'),
      apply: w('applies a patch', { flags: [{ flags: ['--check', '--stat', '--numstat', '--summary'], without: ['--apply'], effect: 'set', level: 'read_only', why: 'only checks the patch' }] }),
      clone: w('copies a repository', { analyzer: 'fetch', args: [extUrl], flags: [remoteProgram(['--upload-pack', '-u'])], options: { withValue: ['--upload-pack', '-u', '-b', '--branch', '--depth', '-o', '--origin', '--reference', '-c', '--config', '--filter', '-j', '--jobs'] } }),
      init: w('creates a repository'),
      worktree: w('manages worktrees', { subcommands: { list: ro('lists worktrees'), add: w('adds a worktree'), remove: { level: 'destructive', why: 'deletes a worktree' }, prune: w('prunes worktree records'), move: w('moves a worktree'), lock: w('locks a worktree'), unlock: w('unlocks a worktree'), repair: w('repairs worktrees') } }),
      submodule: w('manages submodules', { subcommands: { status: ro('shows submodules'), summary: ro('summarises submodules'), foreach: { level: 'read_only', why: 'runs a command in every submodule', options: { stopAtPositional: true }, wraps: { inner: 'rest-as-shell' } }, deinit: { level: 'destructive', why: 'removes submodule working trees' } }, otherSubcommands: { level: 'writes', why: 'changes submodules' } }),
      bisect: w('bisects history', { subcommands: { run: { level: 'writes', why: 'runs a command at each step of a bisection', wraps: { inner: 'rest' } }, log: ro('shows the bisection log'), view: ro('shows the remaining commits'), visualize: ro('shows the remaining commits') }, otherSubcommands: { level: 'writes', why: 'bisects history' } }),
      difftool: w('shows changes in a diff tool the configuration names', { options: { withValue: ['-x', '--extcmd', '-t', '--tool'] }, flags: [{ flags: ['-x', '--extcmd'], runs: true, effect: 'always', level: 'writes', why: 'runs this command on each changed file' }] }),
      notes: w('manages notes'),
      gc: w('packs the repository', { flags: [{ flags: ['--prune'], values: ['now', 'all'], level: 'destructive', why: 'drops unreachable commits for good' }] }),
      prune: { level: 'destructive', why: 'drops unreachable objects for good', flags: [dryRun(['-n', '--dry-run'])] },
      'filter-branch': { level: 'destructive', why: 'rewrites all history' },
      'filter-repo': { level: 'destructive', why: 'rewrites all history' },
      'update-ref': w('changes a ref', { flags: [{ flags: ['-d'], level: 'destructive', why: 'deletes a ref' }] }),
      'update-index': w('changes the index'),
      'format-patch': w('writes patch files'),
      archive: w('writes an archive'),
      bundle: w('writes a bundle'),
      lfs: w('manages large files', { subcommands: { ls: ro('lists files'), 'ls-files': ro('lists files'), status: ro('shows status'), env: ro('shows settings'), prune: { level: 'destructive', why: 'deletes local copies of large files' } }, otherSubcommands: { level: 'writes', why: 'changes large-file storage' } }),
      'send-email': w('sends email'),
      sparse: w('changes sparse checkout'),
      'sparse-checkout': w('changes sparse checkout', { subcommands: { list: ro('lists patterns') }, otherSubcommands: { level: 'writes', why: 'changes sparse checkout' } }),
      maintenance: w('runs maintenance'),
      'commit-graph': w('writes the commit graph'),
      'multi-pack-index': w('writes the pack index'),
      repack: w('repacks objects'),
    },
  },
  gh: {
    level: 'read_only',
    why: 'prints GitHub CLI usage',
    options: { withValue: ['-R', '--repo', '--hostname'] },
    subcommands: {
      api: {
        level: 'read_only',
        why: 'calls the GitHub API (GET)',
        options: { withValue: ['-X', '--method', '-f', '-F', '--field', '--raw-field', '-H', '--header', '--jq', '-q', '--template', '-t', '--input', '--hostname', '-p', '--preview'] },
        flags: [
          { flags: ['-X', '--method'], values: ['DELETE'], level: 'destructive', why: 'deletes through the API' },
          { flags: ['-X', '--method'], values: ['POST', 'PUT', 'PATCH'], level: 'writes', why: 'changes things through the API' },
          { flags: ['-f', '-F', '--field', '--raw-field', '--input'], level: 'writes', why: 'sends fields (a POST by default)' },
        ],
      },
      browse: ro('opens a browser'),
      status: ro('shows status'),
      search: ro('searches GitHub'),
      help: ro('prints help'),
      version: ro('prints the version'),
      completion: ro('prints shell completion code', { emits: 'shell-setup' }),
      auth: w('manages authentication', { subcommands: { status: ro('shows login status'), token: ro('prints the token') }, otherSubcommands: { level: 'writes', why: 'changes authentication' } }),
      '*': ghVerbs,
    },
  },
};
