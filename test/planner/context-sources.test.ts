// The planner's real context sources on hostile directories: a repository from an archive can hold
// a FIFO where git keeps a file, and reading it must not wait for a writer.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localContextSources } from '../../src/planner/index.js';

const root = mkdtempSync(join(tmpdir(), 'nlsh-context-sources-'));
const sources = localContextSources({ env: { PATH: process.env.PATH }, shell: 'bash', lastCommand: async () => undefined });

describe('branch', () => {
  const fifoHead = join(root, 'fifo', '.git', 'HEAD');
  beforeAll(() => {
    mkdirSync(join(root, 'fifo', '.git'), { recursive: true });
    execFileSync('mkfifo', [fifoHead]);
    mkdirSync(join(root, 'repo', '.git'), { recursive: true });
    writeFileSync(join(root, 'repo', '.git', 'HEAD'), 'ref: refs/heads/main\n');
  });
  // A reader still blocked on the FIFO is released by opening it for writing.
  afterAll(() => {
    try {
      closeSync(openSync(fifoHead, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // nobody was waiting on it
    }
    rmSync(root, { recursive: true, force: true });
  });

  it('reads the branch from .git/HEAD', async () => {
    expect(await sources.branch(join(root, 'repo'))).toBe('main');
  });

  it('does not read a FIFO .git/HEAD (a read would stop the shell until a writer came)', async () => {
    expect(await sources.branch(join(root, 'fifo'))).toBeUndefined();
  }, 2000);
});
