// Test support: nl-sh as the stock Debian user (stock ~/.bashrc, NLSH_TEST_USER in CI) whose one
// model tier is a fresh local server speaking Ollama's protocol; torn down after each test.

import { afterEach } from 'vitest';
import { chownSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeOllama, type FakeBehaviour, type FakeOllamaServer } from './fake-ollama-server.js';
import { fakeTierConfig } from './flow-shell.js';
import { makeStockHome, startAsStockUser, stockUser, type StockShell, type StockUser } from './stock-user.js';

/** Register teardown and return a starter; `server` and `home` are the current test's. */
export function useStockFlowShell(user: StockUser = stockUser()) {
  let server: FakeOllamaServer | undefined;
  let home: ReturnType<typeof makeStockHome> | undefined;
  let sh: StockShell | undefined;
  afterEach(async () => {
    sh?.kill();
    await server?.close();
    home?.cleanup();
    sh = server = home = undefined;
  });
  return {
    user,
    /** Start nl-sh whose model answers `chat` in order; `files` are added to the stock home. With
     *  `ownRuntimeDir`, $XDG_RUNTIME_DIR is a private directory of this test's home, for a test that
     *  removes what is in it (the user's real one holds other tests' sessions). */
    async start(chat: FakeBehaviour[], files: Record<string, string> = {}, opts: { ownRuntimeDir?: boolean; cols?: number; rows?: number } = {}): Promise<StockShell> {
      server = await startFakeOllama({ script: { models: ['small:latest'], chat } });
      home = makeStockHome(user, { ...files, '.config/nl-sh/config.toml': fakeTierConfig(server.url) });
      const env: Record<string, string> = {};
      if (opts.ownRuntimeDir) {
        env.XDG_RUNTIME_DIR = join(home.home, '.run-own');
        mkdirSync(env.XDG_RUNTIME_DIR, { mode: 0o700 });
        if (user.switched) chownSync(env.XDG_RUNTIME_DIR, user.uid, user.gid);
      }
      sh = await startAsStockUser(user, home.home, { cols: opts.cols ?? 200, env });
      if (opts.rows) sh.driver.resize(opts.cols ?? 200, opts.rows);
      return sh;
    },
    /** The chat requests the model received, as JSON text. */
    chats: (): string[] => (server?.requests ?? []).filter((r) => r.path === '/api/chat').map((r) => JSON.stringify(r.body)),
    /** How many chat requests the model received. */
    chatCount: (): number => (server?.requests ?? []).filter((r) => r.path === '/api/chat').length,
    home: (): string => (home as ReturnType<typeof makeStockHome>).home,
  };
}
