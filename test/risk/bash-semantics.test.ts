// bash's own evaluation, modelled by the gate: word splitting with IFS, indirection, namerefs,
// arithmetic and subscripts that run `$(...)`, prompt expansion, aliases across lines, hash -p,
// enable, and loops that fork without bound. Each attack row was first seen to get through
// (read_only or writes) before the gate modelled it; each harmless row must still run.

import { beforeAll, describe, expect, it } from 'vitest';
import { decideAction, defaultPolicy, loadRiskClassifier, type Level, type RiskClassifier } from '../../src/risk/index.js';

let classifier: RiskClassifier;
beforeAll(async () => {
  classifier = await loadRiskClassifier();
});

const sections: Record<string, [string, Level][]> = {
  'word splitting and indirection': [
    ["c='rm -rf'; $c ~", 'destructive'],
    ['IFS=_; c=rm_-rf_x; $c', 'destructive'],
    ['IFS=,; c=rm,-rf,build; $c', 'destructive'],
    ["x=; $x rm -rf build", 'destructive'],
    ['c="$(echo rm -rf)"; $c ~', 'destructive'],
    ['IFS=$(cat sep); c=ls; $c', 'destructive'],
    ['v=rm; n=v; ${!n} -rf ~', 'destructive'],
    ['declare -n r=cmd; cmd=rm; $r -rf ~', 'destructive'],
    ['x=RM; ${x,,} -rf ~', 'destructive'],
    ['x=abc; ${x/#abc/rm} -rf ~', 'destructive'],
    ["c='sudo tee'; echo x | $c /etc/hosts", 'privileged'],
    ["c='ls -la'; $c", 'read_only'],
    ["x='a b'; echo $x", 'read_only'],
    ['x=RM; echo ${x,,}', 'read_only'],
    ['n=HOME; echo ${!n}', 'read_only'],
    ['declare -n r=HOME; echo "$r"', 'read_only'],
    ["IFS=:; for p in $PATH; do echo \"$p\"; done", 'read_only'],
  ],
  'arithmetic and subscripts run command substitutions': [
    ["test -v 'a[$(rm -rf ~)]'", 'destructive'],
    ["[ -v 'a[$(rm -rf ~)]' ]", 'destructive'],
    ["[[ -v 'a[$(rm -rf ~)]' ]]", 'destructive'],
    ["read 'a[$(rm -rf ~)]' <<< x", 'destructive'],
    ["read -a 'a[$(rm -rf ~)]' <<< x", 'destructive'],
    ["let 'a[$(rm -rf ~)]=1'", 'destructive'],
    ["printf -v 'a[$(rm -rf ~)]' x", 'destructive'],
    ["declare -a 'x=($(rm -rf ~))'", 'destructive'],
    ["declare 'a[$(rm -rf ~)]=1'", 'destructive'],
    ["[[ x -eq 'x[$(rm -rf ~)]' ]]", 'destructive'],
    ["v='x[$(rm -rf ~)]'; echo $((v))", 'destructive'],
    ["v='x[$(rm -rf ~)]'; w=v; echo $((w + 1))", 'destructive'],
    ["v='x[$(rm -rf ~)]'; (( v ))", 'destructive'],
    ["v='x[$(rm -rf ~)]'; echo ${a[v]}", 'destructive'],
    ["v='x[$(rm -rf ~)]'; for ((i=0; i<v; i++)); do :; done", 'destructive'],
    ["n='x[$(rm -rf ~)]'; echo ${!n}", 'destructive'],
    ["declare -n r='a[$(rm -rf ~)]'; echo $r", 'destructive'],
    ["p='$(rm -rf ~)'; echo ${p@P}", 'destructive'],
    ["unset 'a[$(rm -rf ~)]'", 'destructive'],
    ["mapfile -C 'rm -rf ~' -c 1 lines < list.txt", 'destructive'],
    ["wait -p 'a[$(rm -rf ~)]'", 'destructive'],
    ["getopts ab 'a[$(rm -rf ~)]'", 'destructive'],
    ['x=$(cat n); echo ${p@P}', 'writes'],
    ['echo $((1+2))', 'read_only'],
    ['x=3; echo $((x+1))', 'read_only'],
    ['a=(1 2 3); echo "${a[@]}" ${#a[@]}', 'read_only'],
    ["i=0; (( i++ )); echo $i", 'read_only'],
    ['let i=1+2', 'read_only'],
    ['read -r line < notes.txt', 'read_only'],
    ['printf -v now "%s" hi; echo "$now"', 'read_only'],
    ['test -v HOME && echo set', 'read_only'],
    ['x=y; y=x; echo $((x))', 'read_only'],
  ],
  'aliases, hash and enable change what a name runs': [
    ["alias ll='rm -rf ~'\nll", 'destructive'],
    ["alias ll='rm -rf'\nll ~", 'destructive'],
    ["alias s='sudo '\ns rm x", 'privileged'],
    ['hash -p /bin/rm ls; ls', 'destructive'],
    ['hash -p "$(mktemp)" ls; ls', 'destructive'],
    ['enable -f ./x.so x', 'writes'],
    ['enable -n echo; echo hi', 'writes'],
    ["alias ll='ls -l'\nll", 'read_only'],
    ["alias ll='ls -l'; unalias ll", 'read_only'],
    ['hash -r', 'read_only'],
    ['enable -a', 'read_only'],
    ['command_not_found_handle() { rm -rf ~; }; nosuchcmd', 'destructive'],
    ["env 'BASH_FUNC_ls%%=() { rm -rf ~; }' bash -c ls", 'destructive'],
    ['export -f greet', 'read_only'],
    ['coproc x { rm -rf ~; }', 'destructive'],
    ["x=' rm'; $x -rf ~", 'destructive'],
    ["IFS=$'\\t'; x=$'rm\\t-rf\\t~'; $x", 'destructive'],
  ],
  'loops that fork without bound': [
    ['while :; do :& done', 'destructive'],
    ['while true; do sleep 100 & done', 'destructive'],
    ['until false; do yes > /dev/null & done', 'destructive'],
    ['for i in $(seq 100000); do sleep 999 & done', 'destructive'],
    ['for i in {1..5000}; do sleep 999 & done', 'destructive'],
    ['for ((;;)); do sleep 9 & done', 'destructive'],
    ['for i in 1 2 3; do sleep 1 & done; wait', 'read_only'],
    ['for f in *.log; do gzip -k "$f" & done; wait', 'writes'],
    ['while read -r h; do echo "$h"; done < hosts.txt', 'read_only'],
  ],
};

for (const [section, rows] of Object.entries(sections)) {
  describe(section, () => {
    it.each(rows.map(([cmd, level]) => [cmd.replace(/\n/g, '⏎'), level, cmd] as const))('%s is %s', (_title, level, cmd) => {
      const assessment = classifier.classify(cmd);
      expect(assessment.level, JSON.stringify(assessment.reasons, null, 1)).toBe(level);
      if (level !== 'read_only') expect(decideAction(assessment, defaultPolicy).action).not.toBe('run');
    });
  });
}
