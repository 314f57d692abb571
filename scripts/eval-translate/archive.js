// What a file holds for the tree comparison: gzip files by their decompressed content, tar
// archives (plain or gzipped) by their members, anything else by its bytes. Gzip headers store
// names and times, and tar headers store times and owners, so bytes alone would never match.

import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';

const sha = (buf) => createHash('sha256').update(buf).digest('hex').slice(0, 16);
const isGzip = (buf) => buf.length > 2 && buf[0] === 0x1f && buf[1] === 0x8b;
const isTar = (buf) => buf.length >= 512 && buf.subarray(257, 262).toString('latin1') === 'ustar';

/** A short description of a file's content that is equal exactly when the content counts as equal. */
export function describeContent(buf) {
  if (isGzip(buf)) {
    let inner;
    try {
      inner = gunzipSync(buf);
    } catch {
      return `bytes ${sha(buf)}`;
    }
    return isTar(inner) ? `tar.gz [${tarMembers(inner).join(', ')}]` : `gzip of ${sha(inner)}`;
  }
  return isTar(buf) ? `tar [${tarMembers(buf).join(', ')}]` : `bytes ${sha(buf)}`;
}

/** The members of a tar archive as sorted "name type[:content]" strings; folders only when nothing lies below them. */
export function tarMembers(buf) {
  const members = new Map();
  let longName;
  for (let at = 0; at + 512 <= buf.length; ) {
    const header = buf.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const size = parseInt(field(header, 124, 12).trim() || '0', 8) || 0;
    const type = String.fromCharCode(header[156] || 48);
    const data = buf.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = field(data, 0, data.length);
      continue;
    }
    if (type === 'x' || type === 'g') {
      const path = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'));
      if (type === 'x' && path) longName = path[1];
      continue;
    }
    const prefix = field(header, 345, 155);
    const name = normalizeMember(longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100)));
    longName = undefined;
    if (name === '') continue;
    const kind = type === '5' ? 'dir' : type === '2' ? `symlink:${field(header, 157, 100)}` : type === '1' ? `link:${normalizeMember(field(header, 157, 100))}` : `file:${sha(data)}`;
    members.set(name, kind);
  }
  const names = [...members.keys()];
  return names
    .filter((n) => members.get(n) !== 'dir' || !names.some((m) => m.startsWith(`${n}/`)))
    .sort()
    .map((n) => `${n} ${members.get(n)}`);
}

// A NUL-terminated header field.
function field(buf, start, length) {
  const raw = buf.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? raw.length : end).toString('utf8');
}

// "./docs/a/" and "docs/a" name the same member.
function normalizeMember(name) {
  return name.replace(/^(\.\/)+/, '').replace(/\/+$/, '').replace(/^\.$/, '');
}
