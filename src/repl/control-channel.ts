// The private channel between bash's Enter hook and nl-sh: two FIFOs (req: bash → nl-sh,
// rep: nl-sh → bash) with mode 0600 in the session's 0700 directory. nl-sh opens both
// read-write so neither side's open() ever blocks, and bash opens them per Enter, so no
// command bash runs inherits them. Node has no mkfifo(), so it runs mkfifo(1) once, off the
// path to the first prompt: until the FIFOs exist, the hook lets every line through to bash.

import { execFile } from 'node:child_process';
import { openSync, writeSync, closeSync, constants } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { HookRequestReader, encodeReply, type HookRequest, type HookVerb } from './hook-protocol.js';

/** The open channel: requests arrive through onRequest; answers go back through reply. */
export interface ControlChannel {
  reply(id: string, verb: HookVerb, arg?: string): void;
  close(): void;
}

/** Create the FIFOs in `dir` and start listening; resolves once bash can use them. */
export function openControlChannel(dir: string, onRequest: (req: HookRequest) => void): Promise<ControlChannel> {
  const req = join(dir, 'req');
  const rep = join(dir, 'rep');
  return new Promise((resolve, reject) => {
    execFile('mkfifo', ['-m', '600', req, rep], (err) => {
      if (err) {
        reject(err);
        return;
      }
      try {
        const flags = constants.O_RDWR | constants.O_NONBLOCK;
        const reqFd = openSync(req, flags);
        const repFd = openSync(rep, flags);
        const reader = new HookRequestReader();
        const socket = new Socket({ fd: reqFd, readable: true, writable: false });
        socket.on('data', (chunk: Buffer) => {
          for (const r of reader.feed(chunk)) onRequest(r);
        });
        socket.on('error', () => undefined);
        socket.unref();
        let closed = false;
        resolve({
          reply(id, verb, arg) {
            if (closed) return;
            try {
              writeSync(repFd, encodeReply(id, verb, arg));
            } catch {
              // bash went away; it times out and lets the line through.
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
        });
      } catch (e) {
        reject(e);
      }
    });
  });
}
