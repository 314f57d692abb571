// The server's connections: each carries one request (its first line). Generate requests wait in
// one queue and run one at a time in arrival order; closing the connection or sending
// {"op":"cancel"} cancels its request, queued or running. When no connection is open and nothing
// runs for the idle time, `onIdle` is called.

import type { Server, Socket } from 'node:net';
import { encodeLine, LineSplitter, parseRequest, type GenerateRequest, type ServerInfo, type WireReply } from '../model-wire.js';
import type { Engine } from './engine.js';
import { EngineError } from './engine-error.js';

/** What serving needs besides the listening server. */
export interface ServeOptions {
  engine: Engine;
  idleMs: number;
  log: (line: string) => void;
  onIdle: () => void;
}

interface Job {
  request: GenerateRequest;
  socket: Socket;
  controller: AbortController;
}

/** Serve requests on `server` until idle. */
export function serveRequests(server: Server, opts: ServeOptions): void {
  const queue: Job[] = [];
  let open = 0;
  let running = false;
  let served = 0;
  let idleTimer: NodeJS.Timeout | undefined;

  const checkIdle = (): void => {
    clearTimeout(idleTimer);
    idleTimer = undefined;
    if (open === 0 && !running && queue.length === 0) idleTimer = setTimeout(opts.onIdle, opts.idleMs);
  };

  const runNext = async (): Promise<void> => {
    if (running) return;
    running = true;
    for (let job = queue.shift(); job; job = queue.shift()) {
      if (job.controller.signal.aborted) continue;
      await runJob(job, opts);
      served += 1;
    }
    running = false;
    checkIdle();
  };

  const info = (): ServerInfo => ({ pid: process.pid, loads: opts.engine.loads, model: opts.engine.modelPath, served, rssBytes: process.memoryUsage().rss });

  server.on('connection', (socket) => {
    open += 1;
    checkIdle();
    socket.setEncoding('utf8');
    const lines = new LineSplitter();
    let job: Job | undefined;
    const cancel = (): void => {
      if (!job || job.controller.signal.aborted) return;
      job.controller.abort();
      const i = queue.indexOf(job);
      if (i >= 0) queue.splice(i, 1);
    };
    socket.on('data', (chunk: string) => {
      let got: string[];
      try {
        got = lines.push(chunk);
      } catch (err) {
        send(socket, { type: 'error', error: { kind: 'protocol', message: (err as Error).message } }, true);
        return;
      }
      for (const line of got) {
        const request = parseRequest(line);
        if (typeof request === 'string') send(socket, { type: 'error', error: { kind: 'protocol', message: request } }, true);
        else if (request.op === 'cancel') cancel();
        else if (job) send(socket, { type: 'error', error: { kind: 'protocol', message: 'one request per connection' } }, true);
        else if (request.op === 'info') send(socket, { type: 'info', info: info() }, true);
        else {
          job = { request, socket, controller: new AbortController() };
          queue.push(job);
          void runNext();
        }
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      cancel();
      open -= 1;
      checkIdle();
    });
  });
  checkIdle();
}

async function runJob(job: Job, opts: ServeOptions): Promise<void> {
  const { request, socket, controller } = job;
  try {
    const result = await opts.engine.generate(request, controller.signal, (text) => {
      if (request.stream) send(socket, { type: 'piece', text }, false);
    });
    send(socket, { type: 'done', text: result.text, model: request.model, usage: result.usage, stopReason: result.stopReason }, true);
    opts.log(`served: ${result.usage.outputTokens} tokens in ${result.usage.totalMs} ms (first piece ${result.usage.firstPieceMs} ms, ${result.usage.evaluatedTokens} prompt tokens evaluated), ${result.stopReason}`);
  } catch (err) {
    const e = err instanceof EngineError ? err : new EngineError('protocol', `the model server failed: ${(err as Error).message}`);
    if (e.kind !== 'aborted') opts.log(`failed: ${e.kind}: ${e.message}`);
    else opts.log('cancelled');
    send(socket, { type: 'error', error: { kind: e.kind, message: e.message, ...(e.hint ? { hint: e.hint } : {}) } }, true);
  }
}

function send(socket: Socket, reply: WireReply, end: boolean): void {
  if (socket.destroyed || !socket.writable) return;
  if (end) socket.end(encodeLine(reply));
  else socket.write(encodeLine(reply));
}
