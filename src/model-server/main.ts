// The per-user model server, `nl-sh-model`: started detached by the first session that needs the
// embedded model, it serves every session of the user on `model.sock` in nl-sh's runtime
// directory and exits after `--idle-seconds` without requests or connections.
// Usage: node dist/model-server/main.js --socket PATH --idle-seconds N [--context-tokens N] [--threads N]

import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { MODEL_LOG_NAME } from '../model-wire.js';
import { parseServerArgs } from './args.js';
import { claimSocket, releaseSocket } from './claim-socket.js';
import { Engine } from './engine.js';
import { openLog } from './log.js';
import { serveRequests } from './serve.js';

const logCapBytes = 1024 * 1024;

async function main(): Promise<number> {
  process.title = 'nl-sh-model';
  const args = parseServerArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`nl-sh-model: ${args}\n`);
    return 2;
  }
  const log = openLog(join(dirname(args.socket), MODEL_LOG_NAME), logCapBytes);
  const server = createServer();
  let claim;
  try {
    claim = await claimSocket(server, args.socket);
  } catch (err) {
    log(`cannot serve on ${args.socket}: ${(err as Error).message}`);
    return 1;
  }
  if (claim.outcome === 'another') {
    log('another server answers on the socket; exiting');
    return 0;
  }
  log(`serving on ${args.socket} (idle exit after ${args.idleSeconds} s)`);
  const engine = new Engine({ contextTokens: args.contextTokens, threads: args.threads, log });
  const inode = claim.inode;
  let stopping = false;
  const stop = (why: string): void => {
    if (stopping) return;
    stopping = true;
    log(`exiting: ${why}`);
    releaseSocket(args.socket, inode);
    server.close();
    void engine.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGHUP', () => undefined);
  serveRequests(server, { engine, idleMs: args.idleSeconds * 1000, log, onIdle: () => stop(`idle for ${args.idleSeconds} s`) });
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    process.stderr.write(`nl-sh-model: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
