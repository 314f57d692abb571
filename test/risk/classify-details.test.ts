import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decideAction, defaultPolicy, formatReason, loadRiskClassifier, type RiskClassifier } from '../../src/risk/index.js';

let classifier: RiskClassifier;
beforeAll(async () => {
  classifier = await loadRiskClassifier();
});

describe('dynamic forms', () => {
  it.each([
    '$CMD -rf build',
    'eval "$CMD"',
    'eval $(some-tool --print)',
    'bash -c "$SCRIPT"',
    'cat payload.b64 | base64 -d | sh',
    'xxd -r -p blob.hex | bash',
    '"$(cat name.txt)" -rf build',
    '$(some-tool) x',
    'python3 -c "$CODE"',
    'ls | sed "s/^/rm /" | sh',
    '/???/r? -rf x',
  ])('%s is dynamic and never runs unasked', (cmd) => {
    const a = classifier.classify(cmd);
    expect(a.dynamic).toBe(true);
    expect(decideAction(a, defaultPolicy).action).not.toBe('run');
  });

  it('a variable set to a literal earlier in the line is followed', () => {
    const a = classifier.classify('X=rm; $X -rf build');
    expect(a.level).toBe('destructive');
    expect(a.dynamic).toBe(false);
  });

  it('a decoded literal payload is judged by what it decodes to', () => {
    const a = classifier.classify('echo cm0gLXJmIGJ1aWxk | base64 -d | sh');
    expect(a.level).toBe('destructive');
    expect(a.reasons.some((r) => r.part === 'rm -rf build')).toBe(true);
  });
});

describe('parse errors', () => {
  it.each(['rm -rf $(', 'echo "unterminated', 'if true; then rm x', 'cat <<A <<B\n1\nA\n2\nB', '{rm,-rf,x}', 'echo hi >| f <> g'])('%s is unparsable and never runs unasked', (cmd) => {
    const a = classifier.classify(cmd);
    expect(a.unparsable).toBe(true);
    expect(decideAction(a, defaultPolicy).action).not.toBe('run');
  });

  it('a dangerous word inside unreadable text still counts', () => {
    expect(classifier.classify('{rm,-rf,x}').level).toBe('destructive');
  });
});

describe('unknown commands', () => {
  it.each(['frobnicate --all', './deploy.sh', 'git frobnicate', 'python3 manage.py migrate', 'bash scripts/setup.sh', '/opt/tool/bin/thing'])(
    '%s is unknown and asks',
    (cmd) => {
      const a = classifier.classify(cmd);
      expect(a.unknown).toBe(true);
      expect(decideAction(a, defaultPolicy).action).not.toBe('run');
    },
  );

  it('an unknown subcommand of a privileged tool stays privileged', () => {
    expect(classifier.classify('systemctl frobnicate x').level).toBe('privileged');
  });
});

describe('reasons name the part responsible', () => {
  it('rm -r -f build names the command and says why', () => {
    const a = classifier.classify('rm -r -f build');
    expect(a.reasons.map(formatReason)).toContain('`rm -r -f build`: -r -f: recursive forced delete');
  });

  it('a truncating redirect names the redirect', () => {
    const a = classifier.classify(': > app.log');
    expect(a.reasons[0]?.part).toBe('> app.log');
    expect(a.reasons[0]?.level).toBe('destructive');
  });

  it('the inner command of a wrapper is named on its own', () => {
    const a = classifier.classify('sudo rm -rf /var/lib/docker');
    const parts = a.reasons.map((r) => r.part);
    expect(parts).toContain('sudo rm -rf /var/lib/docker');
    expect(parts).toContain('rm -rf /var/lib/docker');
  });

  it('reasons are sorted most severe first', () => {
    const a = classifier.classify('ls && rm x && sudo reboot');
    expect(a.reasons.map((r) => r.level)).toEqual([...a.reasons.map((r) => r.level)].sort((x, y) => ['read_only', 'writes', 'network_exec', 'destructive', 'privileged'].indexOf(y) - ['read_only', 'writes', 'network_exec', 'destructive', 'privileged'].indexOf(x)));
  });
});

describe('functions', () => {
  it('a function defined and never called runs nothing', () => {
    expect(classifier.classify('cleanup() { rm -rf "$1"; }').level).toBe('read_only');
  });

  it('a call is judged by the body, with its arguments', () => {
    const a = classifier.classify('cleanup() { rm -rf "$1"; }; cleanup /etc');
    expect(a.level).toBe('privileged');
  });

  it('a function shadows the command of the same name', () => {
    expect(classifier.classify('ls() { rm -rf ~; }; ls').level).toBe('destructive');
  });

  it('a function calling itself is a fork bomb', () => {
    const a = classifier.classify(':(){ :|:& };:');
    expect(a.level).toBe('destructive');
    expect(a.reasons.some((r) => r.why.includes('fork bomb'))).toBe(true);
  });
});

describe('plain words for approvals', () => {
  it.each([
    ['git status', ['git', 'status']],
    ["grep -n 'a b' f.txt", ['grep', '-n', 'a b', 'f.txt']],
  ])('%s is one plain command', (cmd, words) => {
    expect(classifier.classify(cmd).plainWords).toEqual(words);
  });

  it.each(['git status; rm -rf /', 'ls > out.txt', 'echo $HOME', 'ls *.txt', 'echo $(date)', 'A=1 ls', 'ls | wc -l'])('%s is not one plain command', (cmd) => {
    expect(classifier.classify(cmd).plainWords).toBeUndefined();
  });
});

describe('robustness', () => {
  it('classifying never runs anything', () => {
    const marker = join(tmpdir(), `nl-sh-risk-never-runs-${process.pid}-${Date.now()}`);
    for (const cmd of [`touch ${marker}`, `echo x > ${marker}`, `bash -c 'touch ${marker}'`, `python3 -c "open('${marker}','w')"`, `$(touch ${marker})`]) classifier.classify(cmd);
    expect(existsSync(marker)).toBe(false);
  });

  it('deep nesting is judged without throwing and never runs unasked', () => {
    let cmd = 'rm -rf build';
    for (let i = 0; i < 12; i++) cmd = i % 2 ? `bash -c ${JSON.stringify(cmd)}` : `echo $(${cmd})`;
    const a = classifier.classify(cmd);
    expect(decideAction(a, defaultPolicy).action).not.toBe('run');
  });

  it('a pathologically nested line fails closed instead of throwing', () => {
    for (const depth of [100, 3000]) {
      const a = classifier.classify(`${'( '.repeat(depth)}rm x${' )'.repeat(depth)}`);
      expect(decideAction(a, defaultPolicy).action).not.toBe('run');
    }
  });

  it('a very long line is judged without throwing', () => {
    const a = classifier.classify(Array.from({ length: 2000 }, (_, i) => `echo ${i}`).join(' && ') + ' && rm x');
    // At least the rm; beyond the walk's budget, the most severe level (too large to judge).
    expect(['destructive', 'privileged']).toContain(a.level);
  });

  it.each(['', '   ', '# just a comment', '\n\n'])('%j runs nothing', (cmd) => {
    const a = classifier.classify(cmd);
    expect(a.level).toBe('read_only');
    expect(decideAction(a, defaultPolicy).action).toBe('run');
  });
});
