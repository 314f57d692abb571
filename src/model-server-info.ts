// Asks the per-user model server (`nl-sh-model`) about itself over its socket ({"op":"info"}),
// within a time limit: for `nl-sh --doctor`. No answer means no server (it starts on demand).

import { connect } from 'node:net';
import { encodeLine, LineSplitter, parseReply, type ServerInfo } from './model-wire.js';

/** The server's info, or undefined when nothing answers on `socketPath` within `timeoutMs`. */
export function askServerInfo(socketPath: string, timeoutMs = 1000): Promise<ServerInfo | undefined> {
  return new Promise((resolve) => {
    const conn = connect(socketPath);
    const lines = new LineSplitter();
    const finish = (info: ServerInfo | undefined): void => {
      clearTimeout(timer);
      conn.destroy();
      resolve(info);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    conn.setEncoding('utf8');
    conn.once('error', () => finish(undefined));
    conn.once('close', () => finish(undefined));
    conn.on('connect', () => conn.write(encodeLine({ op: 'info' })));
    conn.on('data', (chunk: string) => {
      let got: string[];
      try {
        got = lines.push(chunk);
      } catch {
        return finish(undefined);
      }
      for (const line of got) {
        const reply = parseReply(line);
        return finish(reply?.type === 'info' ? reply.info : undefined);
      }
    });
  });
}
