import { beforeAll, describe, expect, it } from 'vitest';
import { compareLevels, decideAction, defaultPolicy, loadRiskClassifier, type RiskClassifier } from '../../src/risk/index.js';
import { riskCases } from './risk-cases.js';

// Property: wrapping or nesting a command never makes it look safer. Every non-read-only row of
// the table, put inside each of these forms, keeps at least its level and never runs unasked.
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const forms: [string, (cmd: string) => string][] = [
  ['bash -c', (x) => `bash -c ${quote(x)}`],
  ['eval', (x) => `eval ${quote(x)}`],
  ['a subshell', (x) => `(${x})`],
  ['a brace group', (x) => `{ ${x}\n}`],
  ['after &&', (x) => `true && ${x}`],
  ['after ||', (x) => `false || ${x}`],
  ['an if body', (x) => `if true; then ${x}\nfi`],
  ['a for body', (x) => `for i in 1; do ${x}\ndone`],
  // Called with the arguments the line's own positional parameters would have (unknown): inside
  // a function, `$@` and `$1` are the function's arguments, so a bare call would change the command.
  ['a called function', (x) => `f() { ${x}\n}; f "$@"`],
  ['ssh', (x) => `ssh host ${quote(x)}`],
  ['$(...)', (x) => `echo $(${x})`],
  ['nohup sh -c &', (x) => `nohup sh -c ${quote(x)} &`],
  ['timeout bash -c', (x) => `timeout 5 bash -c ${quote(x)}`],
  ['env sh -c', (x) => `env A=1 sh -c ${quote(x)}`],
  ['watch', (x) => `watch ${quote(x)}`],
  ['xargs sh -c', (x) => `xargs -a list sh -c ${quote(x)}`],
];

let classifier: RiskClassifier;
beforeAll(async () => {
  classifier = await loadRiskClassifier();
});

const rows = riskCases.flatMap((s) => s.rows).filter(([, level]) => level !== 'read_only');

describe.each(forms)('inside %s', (_name, wrap) => {
  it(`${rows.length} risky commands keep their level and never run unasked`, () => {
    const weakened: string[] = [];
    for (const [cmd, level] of rows) {
      const a = classifier.classify(wrap(cmd));
      if (compareLevels(a.level, level) < 0 || decideAction(a, defaultPolicy).action === 'run') weakened.push(`${level} → ${a.level}: ${wrap(cmd)}`);
    }
    expect(weakened).toEqual([]);
  });
});
