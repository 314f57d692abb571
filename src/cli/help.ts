// The text of `nl-sh --help`.

/** Usage, options and where to get help. */
export function helpText(): string {
  return `Usage: nl-sh [bash options] [-c command [arg0 [args...]] | script [args...]]
       nl-sh --version | --help

nl-sh is an interactive shell that hosts your own bash in a terminal and reads each line
you submit: shell goes to bash untouched; natural language goes to a model; "? question"
is answered. Non-interactive use (-c, scripts, piped input, TERM=dumb) is plain bash.

Bash options (passed to bash):
  -c command        run command with bash and exit (nl-sh execs bash)
  -i                interactive even when stdin is not a terminal
  -l, --login       login shell (reads /etc/profile and ~/.bash_profile or ~/.profile)
  -s                read commands from standard input
  -o option, +o     set or unset a shell option (e.g. -o vi)
  -O shopt, +O      set or unset a shopt option
  --norc            do not read ~/.bashrc
  --noprofile       do not read the profile files
  --rcfile FILE     read FILE instead of ~/.bashrc
  --posix, --restricted, --noediting, --verbose, and single-letter set options (-e, -x, ...)

nl-sh options:
  --route [--explain]   read lines on stdin; print where each would go (shell, nl, question)
                        as JSON lines, or with reasons
  --risk [--explain]    read commands on stdin (one per line, or {"cmd": ...} JSON lines);
                        print each one's risk level, policy action and reasons; runs nothing
  --suggest REQUEST [--print-command]
                        ask the model tiers for a command; print the proposal as JSON (or the
                        command alone); runs nothing
  --ask QUESTION        ask the model tiers a question; stream the answer
  --doctor              check what nl-sh can use here (Node, bash, config, model tiers,
                        directories) and say how to fix what is missing
  --version             print nl-sh's version
  --help                print this help

Environment:
  NLSH_DISABLE=1    start plain bash (an escape hatch; no nl-sh at all)
  NLSH_BASH=PATH    the bash to host (default: bash on PATH)
  NLSH_RECORD=FILE  record every model exchange to FILE (JSONL) for a bug report
  OLLAMA_HOST, AWS_PROFILE, AWS_REGION, NO_COLOR are honoured

Files:
  ~/.config/nl-sh/config.toml   prefixes, model tiers, privacy, cloud budget (README)
  ~/.config/nl-sh/policy.toml   the risk policy (docs/risk-rules.md)
  ~/.cache/nl-sh/plans          cached plans
  ~/.local/state/nl-sh          cloud spending

If nl-sh cannot start, it runs plain bash with a one-line warning.
`;
}
