// The private channel between bash's Enter hook and nl-sh: two FIFOs (req: bash → nl-sh,
// rep: nl-sh → bash) with mode 0600 in the session's 0700 directory. bash's rcfile makes them
// before its first prompt (Node has no mkfifo(), and forking a large Node process costs ~15 ms,
// a small bash ~1 ms); nl-sh opens them when the first prompt appears. Both sides open them
// read-write, so no open() ever blocks and a request written early waits in the FIFO; bash opens
// them per Enter, so no command it runs inherits them.
//
// Trust: the first request pins the session's secret (bash sends it with every request, and the
// first Enter comes before nl-sh has run anything); a request with another secret is dropped and
// reported once, and every reply carries the pinned secret for bash to check.

import { closeSync, constants, lstatSync, openSync, writeSync } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { HookRequestReader, encodeReply, type ContainedReply, type HookRequest, type HookVerb } from './hook-protocol.js';

/** The open channel: requests arrive through onRequest; answers go back through reply. */
export interface ControlChannel {
  reply(id: string, verb: HookVerb, arg?: string, contained?: ContainedReply): void;
  close(): void;
}

/** Open the FIFOs bash made in `dir` and start listening; throws when they are not there. */
export function openControlChannel(dir: string, onRequest: (req: HookRequest) => void, onForged: () => void): ControlChannel {
  const req = join(dir, 'req');
  const rep = join(dir, 'rep');
  for (const fifo of [req, rep]) {
    const st = lstatSync(fifo);
    if (!st.isFIFO() || (st.mode & 0o077) !== 0 || st.uid !== (process.getuid?.() ?? st.uid)) throw new Error(`${fifo} is not a private FIFO`);
  }
  const flags = constants.O_RDWR | constants.O_NONBLOCK;
  const reqFd = openSync(req, flags);
  const repFd = openSync(rep, flags);
  const reader = new HookRequestReader();
  const socket = new Socket({ fd: reqFd, readable: true, writable: false });
  let key: string | undefined;
  let forgedSaid = false;
  socket.on('data', (chunk: Buffer) => {
    for (const r of reader.feed(chunk)) {
      key ??= r.key;
      if (r.key === key && key !== '') onRequest(r);
      else if (!forgedSaid) {
        forgedSaid = true;
        onForged();
      }
    }
  });
  socket.on('error', () => undefined);
  socket.unref();
  let closed = false;
  return {
    reply(id, verb, arg, contained) {
      if (closed || key === undefined) return;
      try {
        writeSync(repFd, encodeReply(id, key, verb, arg, contained));
      } catch {
        // bash went away; it times out and leaves the line unrun.
      }
    },
    close() {
      if (closed) return;
      closed = true;
      socket.destroy();
      try {
        closeSync(repFd);
      } catch {
        // already closed
      }
    },
  };
}
