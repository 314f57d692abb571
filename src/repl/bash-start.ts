// How the hosted bash is started, so that it reads the startup files it would read with the same
// flags and knows itself as bash would (`$0`, `shopt login_shell`, `logout`). Pure: flags in,
// argv and environment out.
//
// Two ways in, because bash offers no hook that runs after its own startup files:
// - Non-login with an rc file (the default, or --rcfile F): `bash --rcfile INTEGRATION -i`. bash
//   itself reads its system-wide rc first (Debian's /etc/bash.bashrc, before any --rcfile); the
//   integration then reads ~/.bashrc or F, as bash would have.
// - Login, or --norc: bash starts in POSIX mode, where an interactive shell reads only the file
//   $ENV names (bash(1), INVOCATION), and that file is the integration. It leaves POSIX mode at
//   once and reads /etc/profile and the first of ~/.bash_profile, ~/.bash_login, ~/.profile (for
//   a login shell, unless --noprofile) exactly as bash would. bash really is a login shell then:
//   `shopt login_shell` is on, `logout` and ~/.bash_logout are bash's own.
// A PROMPT_COMMAND bootstrap was the alternative; a startup file that assigns PROMPT_COMMAND
// would silently drop it, and with it the whole integration.
//
// argv[0] is what bash shows as `$0`: "bash", or "-bash" for a login shell, set by a `bash
// --posix -c 'exec -a ...'` trampoline (node-pty cannot set argv[0]; a POSIX-mode bash -c reads
// no startup file, not even $BASH_ENV). It costs one small bash start, about a millisecond.

/** What the user asked of bash's startup (nl-sh's command line, read as bash reads it). */
export interface BashStartFlags {
  login: boolean;
  /** nl-sh's argv[0] began with '-' (login(1), sshd): bash's too, so `$0` is "-bash". */
  dashArgv0?: boolean;
  norc: boolean;
  noprofile: boolean;
  rcfile: string | undefined;
}

/** The program, argv and extra environment for the pty. */
export interface BashStart {
  file: string;
  args: string[];
  env: Record<string, string>;
}

const trampoline = 'exec -a "$0" "$@"';

/** Build bash's argv and environment for these flags; `env` is the user's environment. */
export function planBashStart(bash: string, integration: string, bashArgs: string[], flags: BashStartFlags, env: Record<string, string | undefined>): BashStart {
  // `bash -l` shows `$0` as "bash"; only an argv[0] of "-bash" shows "-bash".
  const argv0 = flags.dashArgv0 ? '-bash' : 'bash';
  const loginFlag = flags.login && !flags.dashArgv0 ? ['-l'] : [];
  // bash reads long options only before the short ones.
  const long = bashArgs.filter((a) => a.startsWith('--'));
  const short = bashArgs.filter((a) => !a.startsWith('--'));
  const wrap = (inner: string[]): string[] => ['--posix', '-c', trampoline, argv0, bash, ...inner];
  if (!flags.login && !flags.norc) {
    const extra: Record<string, string> = flags.rcfile === undefined ? {} : { __NLSH_RCFILE: flags.rcfile };
    return { file: bash, args: wrap([...long, '--rcfile', integration, '-i', ...short]), env: extra };
  }
  return { file: bash, args: wrap([...long, '--posix', ...loginFlag, '-i', ...short]), env: viaEnvVariables(integration, bashArgs, flags, env) };
}

// The variables the integration reads when bash reached it through $ENV (it removes them all).
function viaEnvVariables(integration: string, bashArgs: string[], flags: BashStartFlags, env: Record<string, string | undefined>): Record<string, string> {
  // $ENV undergoes expansion: name the file through a variable so no character of its path is special.
  const out: Record<string, string> = { ENV: '$__NLSH_RC', __NLSH_RC: integration, __NLSH_VIA_ENV: '1' };
  if (env.ENV !== undefined) out.__NLSH_ENV = env.ENV;
  if (flags.login) out.__NLSH_LOGIN = '1';
  if (flags.noprofile) out.__NLSH_NOPROFILE = '1';
  // The user asked for POSIX mode: bash then reads only the user's $ENV, and stays in POSIX mode.
  if (bashArgs.includes('--posix')) out.__NLSH_POSIX = '1';
  // Starting in POSIX mode picked other defaults for these; the integration restores bash's own
  // unless the user's environment set them.
  if (env.HISTFILE === undefined) out.__NLSH_HISTFILE = '1';
  if (env.MAILCHECK === undefined) out.__NLSH_MAILCHECK = '1';
  return out;
}
