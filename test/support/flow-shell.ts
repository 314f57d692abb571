// Test support: nl-sh in a pty with a home whose config points at a fresh local server speaking
// Ollama's protocol, torn down after each test.

import { afterEach } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeHome, testBashrc } from './fixtures.js';
import { startFakeOllama, type FakeBehaviour, type FakeOllamaServer } from './fake-ollama-server.js';
import type { PtyDriver } from './pty-driver.js';
import { startShellAt } from './start-shell.js';

/** A config whose one tier is the fake server at `url`. */
export const fakeTierConfig = (url: string): string => `[[tiers]]\nname = "small"\nbackend = "ollama"\nmodel = "small"\nhost = "${url}"\n`;

/** Register teardown and return a starter; `server` and `home` are the current test's. */
export function useFlowShell() {
  let server: FakeOllamaServer | undefined;
  let home: ReturnType<typeof makeHome> | undefined;
  let sh: PtyDriver | undefined;
  afterEach(async () => {
    sh?.kill();
    await server?.close();
    home?.cleanup();
    sh = server = home = undefined;
  });
  return {
    /** Start nl-sh whose model answers `chat` in order, in a home holding `files`. */
    async start(chat: FakeBehaviour[], files: Record<string, string> = {}): Promise<PtyDriver> {
      server = await startFakeOllama({ script: { models: ['small:latest'], chat } });
      home = makeHome({ '.bashrc': testBashrc, '.config/nl-sh/config.toml': fakeTierConfig(server.url), ...files });
      // What pam_systemd makes: a private $XDG_RUNTIME_DIR (shellEnv points it at ~/.run).
      mkdirSync(join(home.home, '.run'), { mode: 0o700, recursive: true });
      sh = await startShellAt(home.home, { cols: 200 });
      return sh;
    },
    server: (): FakeOllamaServer => server as FakeOllamaServer,
    home: (): string => (home as ReturnType<typeof makeHome>).home,
  };
}
