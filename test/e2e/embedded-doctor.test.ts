// `nl-sh --doctor` with the real embedded model, as the stock user: by default it reports the
// model file and a server that is not running, and loads nothing; `--model-speed` starts the server
// and measures; once the server runs, the plain doctor measures on it.

import { afterAll, describe, expect, it } from 'vitest';
import { testModel, serverInfo } from '../model-server/real-model.js';
import { embeddedTierToml, ownRuntimeDir } from '../support/embedded-user.js';
import { nlshBin } from '../support/fixtures.js';
import { makeStockHome, runAsStockUser, stockUser } from '../support/stock-user.js';

const model = testModel();
const user = stockUser();

describe.skipIf(!model)(`nl-sh --doctor with the embedded model, as ${user.name}`, () => {
  const run = ownRuntimeDir(user);
  const home = makeStockHome(user, { '.config/nl-sh/config.toml': embeddedTierToml(model) });
  afterAll(async () => {
    home.cleanup();
    await run.cleanup();
  });
  const doctor = (...more: string[]) => runAsStockUser(user, home.home, [nlshBin, '--doctor', ...more], { XDG_RUNTIME_DIR: run.dir });
  const mbOf = /\(\d+\.\d MB\)/;

  it('by default: the file and its size, the server not running, and no model loaded', async () => {
    const r = await doctor();
    expect(r.stdout).toMatch(new RegExp(`^ok\\s+model\\s+${model.replace(/[.]/g, '\\.')} ${mbOf.source}, the embedded tier's$`, 'm'));
    expect(r.stdout).toMatch(/^ok\s+model server\s+not running/m);
    expect(r.stdout).toMatch(/^ok\s+model speed\s+not measured: the server is not running \(`nl-sh --doctor --model-speed`/m);
    await expect(serverInfo(run.socket)).rejects.toThrow();
  }, 60_000);

  it('--model-speed starts the server and measures a cold start; then the plain doctor measures on the running server', async () => {
    const cold = await doctor('--model-speed');
    expect(cold.stdout).toMatch(/^ok\s+model speed\s+first token in \d+ ms \(cold: the server started and loaded the model\), \d+\.\d tokens\/s \(\d+ tokens\)$/m);
    const info = await serverInfo(run.socket);
    const warm = await doctor();
    expect(warm.stdout).toMatch(new RegExp(`^ok\\s+model server\\s+running: pid ${info.pid}, RSS \\d+\\.\\d MB, gemma-3-270m[^ ]*\\.gguf loaded, \\d+ requests? served$`, 'm'));
    expect(warm.stdout).toMatch(/^ok\s+model speed\s+first token in \d+ ms, \d+\.\d tokens\/s \(\d+ tokens\)$/m);
    console.log(`doctor speed lines:\n${[cold.stdout, warm.stdout].map((o) => o.split('\n').find((l) => l.includes('model speed'))).join('\n')}`);
  }, 120_000);
});
