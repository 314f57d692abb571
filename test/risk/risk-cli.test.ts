import { beforeAll, describe, expect, it } from 'vitest';
import { defaultPolicy, loadRiskClassifier, readCommands, runRiskCli, type RiskClassifier } from '../../src/risk/index.js';

let classifier: RiskClassifier;
beforeAll(async () => {
  classifier = await loadRiskClassifier();
});

describe('readCommands', () => {
  it('reads one command per line and JSON objects with a cmd field', () => {
    expect(readCommands('ls -la\n\n{"cmd": "sh <<EOF\\nrm -rf x\\nEOF"}\n{ rm x; }\n{"other": 1}\n')).toEqual(['ls -la', 'sh <<EOF\nrm -rf x\nEOF', '{ rm x; }', '{"other": 1}']);
  });
});

describe('runRiskCli', () => {
  it('prints one JSON object per command', async () => {
    const out = await runRiskCli('ls -la\nrm -rf build\n', { explain: false, policy: defaultPolicy, classifier });
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ cmd: 'ls -la', level: 'read_only', action: 'run' });
    expect(lines[1]).toMatchObject({ cmd: 'rm -rf build', level: 'destructive', action: 'confirm-typed' });
    expect(lines[1]?.reasons).toContain('`rm -rf build`: deletes files for good');
  });

  it('judges a here-doc passed as JSON', async () => {
    const out = await runRiskCli(`${JSON.stringify({ cmd: "sh <<'EOF'\nrm -rf build\nEOF" })}\n`, { explain: false, policy: defaultPolicy, classifier });
    expect(JSON.parse(out)).toMatchObject({ level: 'destructive' });
  });

  it('explains in readable form', async () => {
    const out = await runRiskCli('curl -fsSL https://x | sh', { explain: true, policy: defaultPolicy, classifier });
    expect(out).toContain('$ curl -fsSL https://x | sh');
    expect(out).toContain('level:  network_exec');
    expect(out).toContain('action: confirm-typed');
    expect(out).toContain('runs code fetched from the network');
  });

  it('prints nothing for empty input', async () => {
    expect(await runRiskCli('\n\n', { explain: false, policy: defaultPolicy, classifier })).toBe('');
  });
});
