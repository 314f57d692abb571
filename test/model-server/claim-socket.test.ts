// One server per user: the socket is claimed with link(), a live owner keeps it, a stale socket
// left by a dead server is replaced, and a directory others can enter is refused.

import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claimSocket, releaseSocket } from '../../src/model-server/claim-socket.js';

const servers: Server[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function place(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nlsh-claim-'));
  dirs.push(dir);
  return join(dir, 'model.sock');
}
const server = (): Server => {
  const s = createServer();
  servers.push(s);
  return s;
};

describe('claimSocket', () => {
  it('claims a free path with mode 0600 and leaves no temporary name behind', async () => {
    const path = place();
    const claim = await claimSocket(server(), path);
    expect(claim.outcome).toBe('serving');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(path, '..'))).toEqual(['model.sock']);
  });

  it('of three at once, exactly one serves', async () => {
    const path = place();
    const claims = await Promise.all([0, 1, 2].map(() => claimSocket(server(), path)));
    expect(claims.filter((c) => c.outcome === 'serving')).toHaveLength(1);
  });

  it('replaces a stale socket whose server is gone', async () => {
    const path = place();
    const first = server();
    const claim = await claimSocket(first, path);
    expect(claim.outcome).toBe('serving');
    await new Promise((r) => first.close(r));
    // Like a killed server, a closed one leaves its socket file behind, refusing connections.
    expect(existsSync(path)).toBe(true);
    expect((await claimSocket(server(), path)).outcome).toBe('serving');
  });

  it('refuses a directory others can enter', async () => {
    const path = place();
    chmodSync(join(path, '..'), 0o755);
    await expect(claimSocket(server(), path)).rejects.toThrow(/not a private directory/);
  });

  it('releases only its own socket', async () => {
    const path = place();
    const claim = await claimSocket(server(), path);
    if (claim.outcome !== 'serving') throw new Error('not serving');
    releaseSocket(path, claim.inode + 1);
    expect(existsSync(path)).toBe(true);
    releaseSocket(path, claim.inode);
    expect(existsSync(path)).toBe(false);
  });
});
