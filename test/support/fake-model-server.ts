// Test support: a local HTTP server that serves one model file the way Hugging Face does: a
// redirect first, then the bytes, honouring Range; it can cut the first transfer short.

import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running server and what it saw. */
export interface FakeModelServer {
  /** The address to give NLSH_MODEL_URL: it redirects to the file. */
  url: string;
  body: Buffer;
  sha256: string;
  /** The Range header of each request for the file ('' when none). */
  ranges: string[];
  close(): Promise<void>;
}

/** Serve a GGUF-looking `size`-byte file; `cutFirstAfter` bytes into the first transfer the
 *  connection is closed; with `chunkDelayMs` the file goes in 20 pieces, that long apart. */
export async function startFakeModelServer(opts: { size?: number; cutFirstAfter?: number; chunkDelayMs?: number } = {}): Promise<FakeModelServer> {
  const body = Buffer.concat([Buffer.from('GGUF'), randomBytes((opts.size ?? 3_000_000) - 4)]);
  const ranges: string[] = [];
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/resolve/')) {
      res.writeHead(302, { location: `/cdn/${req.url.slice('/resolve/'.length)}` }).end();
      return;
    }
    ranges.push(req.headers.range ?? '');
    const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const from = m ? Number(m[1]) : 0;
    if (from >= body.length) {
      res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
      return;
    }
    const slice = body.subarray(from);
    res.writeHead(m ? 206 : 200, { 'content-length': slice.length, ...(m ? { 'content-range': `bytes ${from}-${body.length - 1}/${body.length}` } : {}) });
    if (opts.cutFirstAfter !== undefined && ranges.length === 1) {
      res.write(slice.subarray(0, opts.cutFirstAfter), () => setTimeout(() => res.socket?.destroy(), 50));
      return;
    }
    if (opts.chunkDelayMs) {
      const piece = Math.ceil(slice.length / 20);
      const send = (at: number): void => {
        if (at >= slice.length) return void res.end();
        res.write(slice.subarray(at, at + piece), () => setTimeout(() => send(at + piece), opts.chunkDelayMs));
      };
      return send(0);
    }
    res.end(slice);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/resolve/test-model.gguf`,
    body,
    sha256: createHash('sha256').update(body).digest('hex'),
    ranges,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
