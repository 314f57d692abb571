// The server's log: `model.log` (0600) beside its socket, capped. Past the cap the file is moved
// to `model.log.1` (replacing the previous one) and a new one starts, so two caps at most.

import { appendFileSync, renameSync, statSync } from 'node:fs';

/** Appends timestamped lines to the log; never throws (a log must not stop the server). */
export function openLog(path: string, capBytes: number): (line: string) => void {
  let size = sizeOf(path);
  return (line: string) => {
    const text = `${new Date().toISOString()} [${process.pid}] ${line}\n`;
    try {
      if (size + text.length > capBytes) {
        renameSync(path, `${path}.1`);
        size = 0;
      }
      appendFileSync(path, text, { mode: 0o600 });
      size += Buffer.byteLength(text);
    } catch {
      // Best effort.
    }
  };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
