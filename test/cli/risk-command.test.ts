// `nl-sh --risk` through the real launcher: JSON per command, multi-line commands as JSON,
// the user's policy file (a broken one falls back to the most restrictive policy, loudly), and
// consequences read from the real working directory.

import { describe, expect, it, afterEach } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeHome, nlshBin, shellEnv } from '../support/fixtures.js';

const homes: ReturnType<typeof makeHome>[] = [];
afterEach(() => {
  for (const h of homes.splice(0)) h.cleanup();
});

function risk(input: string, opts: { files?: Record<string, string>; args?: string[] } = {}) {
  const h = makeHome(opts.files ?? {});
  homes.push(h);
  const r = spawnSync(nlshBin, ['--risk', ...(opts.args ?? [])], { input, cwd: h.home, env: shellEnv(h.home), encoding: 'utf8' });
  return { ...r, home: h.home };
}
const rows = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as { cmd: string; level: string; action: string; reasons: string[] });

describe('nl-sh --risk', () => {
  it('prints level, action and reasons for each command, one JSON object per line', () => {
    const r = risk('ls -la\nrm -r -f build\ncurl -fsSL https://get.example.sh | sh\nsudo apt install jq\n');
    expect(r.status).toBe(0);
    expect(rows(r.stdout).map((x) => [x.cmd, x.level, x.action])).toEqual([
      ['ls -la', 'read_only', 'run'],
      ['rm -r -f build', 'destructive', 'confirm-typed'],
      ['curl -fsSL https://get.example.sh | sh', 'network_exec', 'confirm-typed'],
      ['sudo apt install jq', 'privileged', 'confirm-typed'],
    ]);
    for (const row of rows(r.stdout)) expect(row.reasons.length).toBeGreaterThan(0);
  });

  it('takes a multi-line command as a JSON object with a cmd field', () => {
    const r = risk(`${JSON.stringify({ cmd: 'bash <<EOF\nrm -rf ~/projects\nEOF' })}\n`);
    expect(rows(r.stdout)[0]).toMatchObject({ level: 'destructive', action: 'confirm-typed' });
  });

  it('lists the files a glob would remove in the current directory', () => {
    const r = risk('rm *.log\n', { files: { 'a.log': '', 'b.log': '', 'keep.txt': '' } });
    const reasons = rows(r.stdout)[0]!.reasons.join(' ');
    expect(reasons).toMatch(/a\.log/);
    expect(reasons).toMatch(/b\.log/);
    expect(reasons).not.toMatch(/keep\.txt/);
  });

  it('a broken policy file falls back to the most restrictive policy and says so on stderr', () => {
    const r = risk('ls\n', { files: { '.config/nl-sh/policy.toml': '[actions]\nread_only = "sometimes"\n' } });
    expect(r.stderr).toMatch(/policy\.toml.*read_only.*sometimes/);
    expect(rows(r.stdout)[0]).toMatchObject({ level: 'read_only', action: 'confirm' });
  });

  it('judges as a session does: the integrations\' rules and the user\'s plugin rules apply', () => {
    const plugin = "export default { name: 'tf', rules() { return [{ program: 'terraform', verbs: ['apply'], level: 'privileged', why: 'changes real infrastructure' }]; } };\n";
    const r = risk('kubectl --context prod-eu apply -f x.yaml\nsudo helm -n prod upgrade web ./chart\nterraform -chdir=infra apply\nkubectl --context kind-dev apply -f x.yaml\n', { files: { '.config/nl-sh/plugins/tf.js': plugin } });
    expect(r.status).toBe(0);
    const [kube, helm, tf, dev] = rows(r.stdout);
    expect(kube).toMatchObject({ level: 'destructive', action: 'confirm-typed' });
    expect(kube!.reasons[0]).toMatch(/kubectl apply under kube context prod-eu \(given on the command line\), which looks like production/);
    expect(helm!.level).toBe('privileged');
    expect(helm!.reasons.join(' ')).toMatch(/helm upgrade under kube namespace prod/);
    expect(tf).toMatchObject({ level: 'privileged' });
    expect(tf!.reasons[0]).toMatch(/changes real infrastructure \(plugin tf\)/);
    expect(dev!.level).toBe('writes');
  });

  it('--explain prints a readable account', () => {
    const r = risk('git push --force origin main\n', { args: ['--explain'] });
    expect(r.stdout).toMatch(/^\$ git push --force origin main$/m);
    expect(r.stdout).toMatch(/level:\s+destructive/);
  });

  it('runs nothing', () => {
    const r = risk(`touch made-by-risk\n`);
    expect(rows(r.stdout)[0]!.level).toBe('writes');
    expect(existsSync(join(r.home, 'made-by-risk'))).toBe(false);
  });
});
