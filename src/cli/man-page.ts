// The nl-sh(1) man page, rendered from the same flags table as --help (scripts/gen-man.js
// writes it to man/nl-sh.1; a test checks the committed page is current).

import { OWN_FLAGS } from './flags.js';

/** Escape text for roff: backslashes, leading dots and quotes, and hyphens in options. */
function roff(text: string): string {
  return text.replace(/\\/g, '\\e').replace(/^([.'])/gm, '\\&$1');
}

/** The man page source. */
export function manPage(version: string): string {
  const flags = OWN_FLAGS.map((f) => `.TP\n.B ${f.flag.replace(/-/g, '\\-')}${f.arg ? ` \\fI${f.arg}\\fR` : ''}\n${roff(f.help)}`).join('\n');
  return `.TH NL-SH 1 "" "nl-sh ${version}" "User Commands"
.SH NAME
nl-sh \\- a natural-language shell that hosts your bash
.SH SYNOPSIS
.B nl-sh
[\\fIbash options\\fR] [\\fB\\-c\\fR \\fIcommand\\fR [\\fIarg0\\fR [\\fIargs\\fR...]] | \\fIscript\\fR [\\fIargs\\fR...]]
.br
.B nl-sh
\\fB\\-\\-route\\fR | \\fB\\-\\-risk\\fR | \\fB\\-\\-suggest\\fR \\fIrequest\\fR | \\fB\\-\\-ask\\fR \\fIquestion\\fR | \\fB\\-\\-doctor\\fR | \\fB\\-\\-version\\fR | \\fB\\-\\-help\\fR
.SH DESCRIPTION
nl-sh runs your own bash in a pseudo-terminal and reads each line you submit. Shell goes to
bash untouched; natural language goes to a model (local first, cloud when allowed); a line
starting with \\fB?\\fR is a question. Every proposed command is judged by nl-sh's own risk gate
before you see it, and nothing runs without you.
.PP
Non-interactive use (\\fB\\-c\\fR, scripts, piped input, \\fBTERM=dumb\\fR) is plain bash: nl-sh
execs bash directly. If nl-sh cannot start, it runs plain bash with a one-line warning.
.SH OPTIONS
Bash's options (\\fB\\-c\\fR, \\fB\\-i\\fR, \\fB\\-l\\fR, \\fB\\-s\\fR, \\fB\\-o\\fR, \\fB\\-O\\fR,
\\fB\\-\\-login\\fR, \\fB\\-\\-norc\\fR, \\fB\\-\\-noprofile\\fR, \\fB\\-\\-rcfile\\fR, ...) mean what they mean
to bash. nl-sh's own:
${flags}
.SH ENVIRONMENT
.TP
.B NLSH_DISABLE=1
start plain bash.
.TP
.B NLSH_BASH
the bash to host (default: bash on PATH).
.TP
.B NLSH_RECORD
record every model exchange to this JSONL file, secrets redacted as for a cloud tier.
.TP
.B NLSH_CONFIG
read this config file instead of ~/.config/nl-sh/config.toml.
.TP
.B NLSH_MODEL_URL
\\fB\\-\\-model pull\\fR downloads from this mirror instead of the default address; it must come
with \\fBNLSH_MODEL_SHA256\\fR, the sha256 of the mirror's file, or nothing is downloaded.
.TP
.B NLSH_SKIP_MODEL=1
\\fBnpm run setup\\fR does not download the default model.
.TP
.B NLSH_PRIVACY, NLSH_COLOR, ...
one variable per config key; see docs/configuration.md and
.BR "nl-sh --config" .
.TP
.B OLLAMA_HOST, AWS_PROFILE, AWS_REGION, NO_COLOR
honoured.
.SH FILES
.TP
.I ~/.config/nl-sh/config.toml
prefixes, model tiers, privacy, cloud budget.
.TP
.I ~/.config/nl-sh/policy.toml
the risk policy.
.TP
.I ~/.cache/nl-sh/plans
cached plans.
.TP
.I ~/.local/share/nl-sh/models
local models (\\fB\\-\\-model\\fR) and the file \\fIcurrent\\fR, the path of the one in use.
.SH EXIT STATUS
Interactive: bash's exit status. Non-interactive: bash's, exactly. \\fB\\-\\-suggest\\fR and
\\fB\\-\\-ask\\fR: 0, 1 when no model tier could answer, 130 when cancelled.
.SH SEE ALSO
.BR bash (1)
`;
}
