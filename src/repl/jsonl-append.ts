// One JSON object appended as one line with one write() on an O_APPEND file: concurrent writers
// (several nl-sh sessions) never lose or interleave lines on local filesystems. Never throws.

import { closeSync, constants, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Append `value` as a JSON line to `path` (created 0600 in a 0700 directory); false on failure. */
export function appendJsonLine(path: string, value: unknown): boolean {
  const line = Buffer.from(`${JSON.stringify(value)}\n`);
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o600);
    try {
      return writeSync(fd, line) === line.length;
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}
