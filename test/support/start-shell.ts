// Test support: start a shell (nl-sh by default) in a pty in `home` and wait for its prompt.

import { nlshBin, shellEnv, testPrompt } from './fixtures.js';
import { startInPty, type PtyDriver } from './pty-driver.js';

/** Start `file args` with HOME=`home` and resolve once `prompt` shows. */
export async function startShellAt(home: string, opts: { file?: string; args?: string[]; cols?: number; prompt?: RegExp } = {}): Promise<PtyDriver> {
  const driver = startInPty(opts.file ?? nlshBin, opts.args ?? [], { env: shellEnv(home), cwd: home, cols: opts.cols });
  try {
    await driver.waitFor(opts.prompt ?? testPrompt);
  } catch (err) {
    driver.kill();
    throw err;
  }
  return driver;
}
