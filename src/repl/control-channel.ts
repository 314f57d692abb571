// The private channel between bash's Enter hook and nl-sh: two FIFOs (req: bash → nl-sh,
// rep: nl-sh → bash) with mode 0600 in the session's 0700 directory. bash's rcfile makes them
// before its first prompt (Node has no mkfifo(), and forking a large Node process costs ~15 ms,
// a small bash ~1 ms); nl-sh opens them when the first prompt appears. Both sides open them
// read-write, so no open() ever blocks and a request written early waits in the FIFO; bash opens
// them per Enter, so no command it runs inherits them.
//
// Trust: the first request pins the session's secret (bash sends it with every request, and the
// first Enter comes before nl-sh has run anything); a request with another secret is dropped and
// reported once, and every reply carries the pinned secret for bash to check. The pin outlives
// one opening: when something removes the FIFOs, bash makes them again and nl-sh reopens them
// under the same pin (a new channel never pins anew).

import { closeSync, constants, fstatSync, lstatSync, openSync, writeSync } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { HookRequestReader, encodeReply, type ContainedReply, type HookRequest, type HookVerb } from './hook-protocol.js';

/** The open channel: requests arrive through onRequest; answers go back through reply. */
export interface ControlChannel {
  reply(id: string, verb: HookVerb, arg?: string, contained?: ContainedReply): void;
  /** False once the FIFOs at the channel's paths are no longer the ones it has open. */
  current(): boolean;
  close(): void;
}

/** The session's pinned secret and whether a forged request was reported; shared by reopenings. */
export interface ChannelTrust {
  key: string | undefined;
  forgedSaid: boolean;
}

/** A fresh trust: nothing pinned yet. */
export const newChannelTrust = (): ChannelTrust => ({ key: undefined, forgedSaid: false });

/** Open the FIFOs bash made in `dir` and start listening; throws when they are not there. */
export function openControlChannel(dir: string, trust: ChannelTrust, onRequest: (req: HookRequest) => void, onForged: () => void): ControlChannel {
  const req = join(dir, 'req');
  const rep = join(dir, 'rep');
  for (const fifo of [req, rep]) {
    const st = lstatSync(fifo);
    if (!st.isFIFO() || (st.mode & 0o077) !== 0 || st.uid !== (process.getuid?.() ?? st.uid)) throw new Error(`${fifo} is not a private FIFO`);
  }
  const flags = constants.O_RDWR | constants.O_NONBLOCK;
  const reqFd = openSync(req, flags);
  const repFd = openSync(rep, flags);
  const opened = [fstatSync(reqFd), fstatSync(repFd)];
  const reader = new HookRequestReader();
  const socket = new Socket({ fd: reqFd, readable: true, writable: false });
  socket.on('data', (chunk: Buffer) => {
    for (const r of reader.feed(chunk)) {
      trust.key ??= r.key;
      if (r.key === trust.key && trust.key !== '') onRequest(r);
      else if (!trust.forgedSaid) {
        trust.forgedSaid = true;
        onForged();
      }
    }
  });
  socket.on('error', () => undefined);
  socket.unref();
  let closed = false;
  return {
    reply(id, verb, arg, contained) {
      if (closed || trust.key === undefined) return;
      try {
        writeSync(repFd, encodeReply(id, trust.key, verb, arg, contained));
      } catch {
        // bash went away; it times out and leaves the line unrun.
      }
    },
    current: () => [req, rep].every((path, i) => sameFile(path, opened[i])),
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

// Whether `path` still names the file whose stat is `was` (a removed or replaced FIFO does not).
function sameFile(path: string, was: { dev: number; ino: number } | undefined): boolean {
  try {
    const st = lstatSync(path);
    return st.dev === was?.dev && st.ino === was.ino;
  } catch {
    return false;
  }
}
