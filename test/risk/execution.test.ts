import { beforeAll, describe, expect, it } from 'vitest';
import { chooseExecution, commandShape, loadBashParser, loadRiskClassifier, type BashParser, type Level, type RiskClassifier } from '../../src/risk/index.js';

let parser: BashParser;
let classifier: RiskClassifier;
beforeAll(async () => {
  parser = await loadBashParser();
  classifier = await loadRiskClassifier();
});

const run = (command: string, level: Level) => chooseExecution(level, commandShape(parser, command));

describe('where an approved command runs', () => {
  const table: [string, Level, string][] = [
    ['ls -la', 'read_only', 'sandbox:read-only'],
    ['ss -ltn', 'read_only', 'sandbox:read-only'],
    ['touch notes.txt', 'writes', 'sandbox:writes'],
    ['rm -rf build', 'destructive', 'sandbox:writes'],
    ['curl https://example.com | sh', 'network_exec', 'sandbox:writes'],
    ['cd repo', 'read_only', 'shell:enter'],
    ['cd /tmp && pushd src', 'read_only', 'shell:enter'],
    ['export FOO=bar', 'read_only', 'shell:key'],
    ['set -o vi', 'read_only', 'shell:key'],
    ['umask 022; shopt -s globstar', 'read_only', 'shell:key'],
    ['unset FOO BAR', 'read_only', 'shell:key'],
    // Code or settings the user's bash acts on later: the sandbox (effect lost; e or u on purpose).
    ['umask 022; ulimit -n 4096', 'read_only', 'sandbox:read-only'],
    ['alias ll="ls -l"', 'read_only', 'sandbox:read-only'],
    ['source ./env.sh', 'writes', 'sandbox:writes'],
    ['export PROMPT_COMMAND=date', 'read_only', 'sandbox:read-only'],
    ['set -o errexit', 'read_only', 'sandbox:read-only'],
    ['declare -x FOO=1', 'read_only', 'sandbox:read-only'],
    ['cd "$HOME/x"', 'read_only', 'sandbox:read-only'],
    ['cd $(mktemp -d)', 'writes', 'sandbox:writes'],
    ['export PATH=$PWD/bin:$PATH', 'read_only', 'sandbox:read-only'],
    ['FOO=1 cd x', 'read_only', 'sandbox:read-only'],
    ['cd /tmp && rm -rf x', 'destructive', 'sandbox:writes'],
    ['cd x | cat', 'read_only', 'sandbox:read-only'],
    ['(cd x)', 'read_only', 'sandbox:read-only'],
    ['cd x >/tmp/log', 'read_only', 'sandbox:read-only'],
    ['cd x; if true; then cd y; fi', 'read_only', 'sandbox:read-only'],
    ['kill 1234', 'writes', 'sandbox:process-control'],
    ['pkill -f server', 'destructive', 'sandbox:process-control'],
    ['kill $(lsof -t -i :8080)', 'destructive', 'sandbox:process-control'],
    ['/usr/bin/killall node', 'destructive', 'sandbox:process-control'],
    ['systemctl --user stop app', 'writes', 'sandbox:process-control'],
    ['systemctl --user status app', 'read_only', 'sandbox:read-only'],
    ['sudo kill 1', 'privileged', 'sandbox:writes'],
    ['cd (', 'unknown' as Level, 'sandbox:writes'],
    // Lines that would take nl-sh's own hook out of the user's shell: every later line then
    // reaches bash unjudged. They may run in the sandbox, where their effect is lost.
    [`bind '"\\C-m": accept-line'`, 'read_only', 'sandbox:read-only'],
    [`bind -r '\\C-m'`, 'read_only', 'sandbox:read-only'],
    ['bind -f ./my.inputrc', 'read_only', 'sandbox:read-only'],
    ['declare __nlsh_off=1', 'read_only', 'sandbox:read-only'],
    ['typeset -g __nlsh_dir=/nonexistent', 'read_only', 'sandbox:read-only'],
    ['readonly PROMPT_COMMAND=', 'read_only', 'sandbox:read-only'],
    ['declare -r __nlsh_guard=', 'read_only', 'sandbox:read-only'],
    ['ulimit -n 10', 'read_only', 'sandbox:read-only'],
    ['enable -n read', 'writes', 'sandbox:writes'],
    // Writes a file outside the sandbox, past its protected paths.
    ['history -w ~/.ssh/authorized_keys', 'writes', 'sandbox:writes'],
  ];
  it.each(table)('%s (%s) → %s', (command, level, want) => {
    const e = run(command, level);
    const got = e.kind === 'shell' ? `shell:${e.onEnter ? 'enter' : 'key'}` : `sandbox:${e.profile}`;
    expect(got).toBe(want);
  });
});

// A shell-state line runs unsandboxed in the user's bash, so its verdict is all that stands
// between the model and the user's shell. Text such a line stores for bash to run later (an
// alias body, a completion command, a key binding's command, a hashed path) is code: a verdict
// of read_only for it lets the model plant `rm -rf ~` behind the next `ls`, Tab or Enter.
describe('a shell-state line that plants code or a later write is not judged read-only', () => {
  const planted: string[] = [
    "alias ls='rm -rf ~'",
    "alias cd='rm -rf ~; cd'",
    "complete -C 'rm -rf ~' ls",
    `bind -x '"\\C-i": rm -rf ~'`,
    'hash -p ./evil ls',
    'export PATH=./bin:/usr/bin:/bin',
    // The name every contained run starts with: the sandbox is gone for all later runs.
    'alias nl-sh-sandbox=eval',
    'declare BASH_ALIASES[nl-sh-sandbox]=eval',
    // Read by the programs the user's bash starts outside the sandbox, the sandbox's own
    // wrapper first (bwrap, prlimit, systemd-run), or by bash itself when it saves history.
    'export LD_LIBRARY_PATH=./lib',
    'export GCONV_PATH=./gconv',
    'export HISTFILE=~/.ssh/authorized_keys',
    'declare HISTFILE=~/.bashrc',
  ];
  it.each(planted)('%s', (command) => {
    const level = classifier.classify(command).level;
    const e = chooseExecution(level, commandShape(parser, command));
    expect(e.kind === 'shell' && level === 'read_only').toBe(false);
  });
});
