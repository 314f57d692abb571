// `nl-sh --doctor` through the launcher: it reports each check, and for each problem the fix.

import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { makeHome, nlshBin, shellEnv } from '../support/fixtures.js';
import { startFakeOllama, type FakeOllamaServer } from '../support/fake-ollama-server.js';

let server: FakeOllamaServer | undefined;
let home: ReturnType<typeof makeHome> | undefined;
afterEach(async () => {
  await server?.close();
  home?.cleanup();
});

function doctor(): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(nlshBin, ['--doctor'], { cwd: home!.home, env: shellEnv(home!.home), stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('close', (status) => resolve({ status, stdout }));
  });
}

describe('nl-sh --doctor', () => {
  it('reports a ready setup and exits 0', async () => {
    server = await startFakeOllama({ script: { models: ['qwen2.5-coder:7b'] } });
    home = makeHome({ '.config/nl-sh/config.toml': `[[tiers]]\nname = "local"\nbackend = "ollama"\nmodel = "qwen2.5-coder:7b"\nhost = "${server.url}"\n`, '.config/nl-sh/plugins/p.js': "export default { name: 'p' };\n" });
    const r = await doctor();
    expect(r.stdout).toMatch(/^ok\s+node\s+v2[2-9]/m);
    expect(r.stdout).toMatch(/^ok\s+bash\s+5\./m);
    expect(r.stdout).toMatch(/^ok\s+pty\s+bash runs in a pseudo-terminal$/m);
    expect(r.stdout).toMatch(/^ok\s+plugins\s+1 in .*plugins \(isolated-vm loads\)$/m);
    expect(r.stdout).toMatch(/^ok\s+tier local\s+ollama:qwen2\.5-coder:7b ready$/m);
    expect(r.status).toBe(0);
  });

  it('names the fix for a model that is not pulled, a server that is down, and a bad config', async () => {
    server = await startFakeOllama({ script: { models: [] } });
    home = makeHome({ '.config/nl-sh/config.toml': `nl_prefix = 42\n[[tiers]]\nname = "a"\nbackend = "ollama"\nmodel = "qwen2.5-coder:7b"\nhost = "${server.url}"\n[[tiers]]\nname = "b"\nbackend = "ollama"\nmodel = "x"\nhost = "http://127.0.0.1:47"\n` });
    const r = await doctor();
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^FIX\s+config\s+.*nl_prefix.*found 42/m);
    expect(r.stdout).toMatch(/^FIX\s+tier a\s+.*not pulled.*\n\s+→ run `ollama pull qwen2\.5-coder:7b`/m);
    expect(r.stdout).toMatch(/^FIX\s+tier b\s+.*Ollama is not running at http:\/\/127\.0\.0\.1:47/m);
  });
});
