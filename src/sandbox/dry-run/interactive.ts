// Interactive programs are not dry-run: with stdin from /dev/null and no terminal they would
// only wait out the time limit. Decided from each simple command's words, as data.

import path from 'node:path';

/** Programs that need a terminal whatever their arguments. */
const alwaysInteractive = new Set([
  'vim', 'vi', 'nvim', 'view', 'vimdiff', 'nano', 'pico', 'emacs', 'micro', 'joe', 'mcedit', 'ed', 'less', 'more', 'most', 'man', 'info',
  'top', 'htop', 'btop', 'atop', 'iotop', 'watch', 'tmux', 'screen', 'ssh', 'telnet', 'ftp', 'sftp', 'mc', 'ranger', 'nnn', 'vifm',
  'fzf', 'tig', 'lazygit', 'mutt', 'neomutt', 'irssi', 'weechat', 'dialog', 'whiptail', 'passwd', 'su', 'sudo', 'visudo',
]);

/** Interpreters and shells that read commands from the terminal when given no script. */
const replWithoutScript = new Set(['python', 'python3', 'python2', 'ipython', 'node', 'bash', 'sh', 'dash', 'zsh', 'fish', 'ksh', 'irb', 'ruby', 'perl', 'lua', 'php', 'R', 'ghci', 'sqlite3', 'psql', 'mysql', 'mongo', 'mongosh', 'redis-cli', 'bc', 'gdb', 'lldb', 'nslookup', 'ftp']);

/** Words before the real program that do not change what runs. */
const wrappers = new Set(['env', 'nice', 'nohup', 'time', 'command', 'exec', 'builtin', 'stdbuf', 'ionice']);

/** Options after which an interpreter runs a given script, not a prompt. */
const scriptOptions = new Set(['-c', '-e', '-m', '--eval', '-p', '--print', '-r', '-f', '--file', '--command']);

/** Why `argv` cannot be dry-run, or undefined when it can. */
function interactiveArgv(argv: readonly string[]): string | undefined {
  let i = 0;
  while (i < argv.length && (wrappers.has(path.basename(argv[i] ?? '')) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i] ?? '') || (i > 0 && (argv[i] ?? '').startsWith('-')))) i += 1;
  const program = path.basename(argv[i] ?? '');
  const args = argv.slice(i + 1);
  if (program === 'crontab' && args.includes('-e')) return 'crontab -e opens an editor';
  if (program === 'git' && args.some((a) => ['rebase', 'add', 'commit'].includes(a)) && args.some((a) => a === '-i' || a === '--interactive' || a === '-p' || a === '--patch')) return 'git asks interactively here';
  if (alwaysInteractive.has(program)) return `${program} is interactive`;
  if (replWithoutScript.has(program)) {
    const hasScript = args.some((a) => scriptOptions.has(a) || a.startsWith('--eval=') || !a.startsWith('-'));
    if (!hasScript) return `${program} without a script is interactive`;
  }
  return undefined;
}

/** The reason the command cannot be dry-run (the first interactive simple command), if any. */
export function interactiveReason(argvs: readonly (readonly string[])[]): string | undefined {
  for (const argv of argvs) {
    const why = interactiveArgv(argv);
    if (why) return why;
  }
  return undefined;
}

/** A rough split of a command line into simple commands' words, for callers without a parser. */
export function roughArgvs(command: string): string[][] {
  return command.split(/[;&|()\n`]+|\$\(/).map((s) => s.trim().split(/\s+/).filter((w) => w !== '').map((w) => w.replace(/^['"]|['"]$/g, ''))).filter((a) => a.length > 0);
}
