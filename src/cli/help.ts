// The text of `nl-sh --help`; nl-sh's own flags come from the one table in flags.ts.

import { OWN_FLAGS } from './flags.js';

/** Words of `text` in lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function ownFlags(): string {
  const indent = ''.padEnd(22);
  return OWN_FLAGS.map((f) => {
    const head = `  ${f.flag}${f.arg ? ` ${f.arg}` : ''}`;
    const body = wrap(f.help, 56);
    const first = head.length < 22 ? `${head.padEnd(22)}${body.shift() ?? ''}` : head;
    return [first, ...body.map((l) => indent + l)].join('\n');
  }).join('\n');
}

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
${ownFlags()}

Environment:
  NLSH_DISABLE=1    start plain bash (an escape hatch; no nl-sh at all)
  NLSH_BASH=PATH    the bash to host (default: bash on PATH)
  NLSH_RECORD=FILE  record every model exchange to FILE (JSONL, secrets redacted) for a bug report
  NLSH_CONFIG=FILE  read this config file instead of ~/.config/nl-sh/config.toml
  NLSH_MODEL_URL=URL  --model pull downloads from this mirror instead; it must come with
                    NLSH_MODEL_SHA256=HEX, the file's sha256 (nothing unverified is installed)
  NLSH_SKIP_MODEL=1 npm run setup does not download the default model
  NLSH_PRIVACY, NLSH_COLOR, ... one per config key (docs/configuration.md; nl-sh --config)
  OLLAMA_HOST, AWS_PROFILE, AWS_REGION, NO_COLOR are honoured

Files:
  ~/.config/nl-sh/config.toml   prefixes, model tiers, privacy, cloud budget (README)
  ~/.config/nl-sh/policy.toml   the risk policy (docs/risk-rules.md)
  ~/.cache/nl-sh/plans          cached plans
  ~/.local/share/nl-sh/models   local models (--model), and \`current\`: the one in use
  ~/.local/state/nl-sh          history, audit log, cloud spending

If nl-sh cannot start, it runs plain bash with a one-line warning.
`;
}
