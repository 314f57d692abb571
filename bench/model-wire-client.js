// The model bench's view of the model server's wire: its info line, a pass-through socket that
// notes the usage of each `done` reply (so requests made through the real embedded backend report
// the server's own timing and token counts), and the server's memory as /proc tells it.
import { connect, createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { LineSplitter, parseReply } from '../dist/model-wire.js';
import { askServerInfo } from '../dist/model-server-info.js';

// Ask the server on `socket` for its info line ({ pid, loads, served, rssBytes, model }): the doctor's client.
export async function serverInfo(socket) {
  const info = await askServerInfo(socket, 5000);
  if (!info) throw new Error(`no model server answers on ${socket}`);
  return info;
}

// A unix socket at `path` that forwards each connection to `upstream` and gives every `done` and
// `error` reply to `onEnd`. The server must be running: a failed upstream closes the client.
export async function usageTap(path, upstream, onEnd) {
  const server = createServer((client) => {
    const conn = connect(upstream);
    const lines = new LineSplitter();
    const text = new StringDecoder('utf8');
    client.pipe(conn);
    conn.pipe(client);
    conn.on('data', (chunk) => {
      for (const line of lines.push(text.write(chunk))) {
        const reply = parseReply(line);
        if (reply?.type === 'done' || reply?.type === 'error') onEnd(reply);
      }
    });
    const closeBoth = () => (client.destroy(), conn.destroy());
    client.on('error', closeBoth).on('close', closeBoth);
    conn.on('error', closeBoth).on('close', closeBoth);
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(path, resolve));
  return server;
}

// VmRSS, RssAnon, RssFile and RssShmem of a process, in MB.
export function procMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
  return { vmRssMb: mb('VmRSS'), rssAnonMb: mb('RssAnon'), rssFileMb: mb('RssFile'), rssShmemMb: mb('RssShmem') };
}
