// One server per user, even when several sessions start one at the same moment. Each server binds
// a socket under a temporary name (0600) and then link()s it to `model.sock`: link is atomic and
// fails with EEXIST when another server got there first. An existing socket that answers means
// another server is serving, and this one exits quietly; one that refuses connections is left by
// a dead server, so it is removed and the link tried once more.

import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, lstatSync, unlinkSync } from 'node:fs';
import { connect, type Server } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { isPrivateDir } from '../private-dir.js';

/** 'serving': this server owns the socket path; 'another': a live server owns it. */
export type Claim = { outcome: 'serving'; inode: number } | { outcome: 'another' };

/** Listen on `socketPath` unless a live server already does. Throws when the directory is not private. */
export async function claimSocket(server: Server, socketPath: string): Promise<Claim> {
  const dir = dirname(socketPath);
  if (!isPrivateDir(dir)) throw new Error(`${dir} is not a private directory of this user (mode 0700, not a symlink)`);
  const temp = join(dir, `.${basename(socketPath)}.${process.pid}.${randomBytes(6).toString('hex')}`);
  await listen(server, temp);
  chmodSync(temp, 0o600);
  try {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        linkSync(temp, socketPath);
        return { outcome: 'serving', inode: lstatSync(socketPath).ino };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      if (await answers(socketPath)) break;
      removeQuietly(socketPath);
    }
    server.close();
    return { outcome: 'another' };
  } finally {
    removeQuietly(temp);
  }
}

/** Remove the socket path at exit, only while it is still this server's (a successor may own it). */
export function releaseSocket(socketPath: string, inode: number): void {
  try {
    if (lstatSync(socketPath).ino === inode) unlinkSync(socketPath);
  } catch {
    // Already gone.
  }
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

// Whether something accepts connections on `path` (within a second).
function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), 1000);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
