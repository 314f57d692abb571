// One JSON object appended as one line with one write() on an O_APPEND file: concurrent writers
// (several nl-sh sessions) never lose or interleave lines on local filesystems. Never throws.

import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Append `value` as a JSON line to `path` (created 0600 in a 0700 directory); false on failure, with the cause to `onError`. */
export function appendJsonLine(path: string, value: unknown, onError?: (err: unknown) => void): boolean {
  const line = Buffer.from(`${JSON.stringify(value)}\n`);
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o600);
    try {
      if (writeSync(fd, line) === line.length) return true;
      onError?.(new Error('a short write'));
      return false;
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    onError?.(realCause(dirname(path), err));
    return false;
  }
}

// A recursive mkdir says ENOENT when a parent cannot be made (read-only or not ours): the nearest
// existing ancestor, asked for write access, says why.
function realCause(dir: string, err: unknown): unknown {
  if ((err as { code?: unknown }).code !== 'ENOENT') return err;
  let at = dir;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  try {
    accessSync(at, constants.W_OK);
    return err;
  } catch (cause) {
    return cause;
  }
}
