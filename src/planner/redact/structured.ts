// Secrets in structured text: credentials in URLs, HTTP headers and cookies, `KEY=value`,
// `key: value`, JSON, YAML, TOML, INI, XML and PHP pairs whose key names a secret, .pgpass and
// .netrc lines, and (loosely) a secret word followed by a value that looks like a password.

import { isSecretName } from './key-names.js';
import { mapLinesContaining } from './lines.js';
import { isMarked, mark } from './mark.js';
import { isPlainlyNotSecret, looksLikeToken, looksSecret } from './values.js';

/** Passwords and token-like users in URLs: `scheme://user:pw@`, `redis://:pw@`, `https://TOKEN@`. */
export function redactUrlCredentials(text: string): string {
  // No part of either pattern matches a line break, and both need `://`: other lines are skipped.
  return mapLinesContaining(text, '://', redactUrlCredentialsInLine);
}

/** The URL rules on one line. */
function redactUrlCredentialsInLine(text: string): string {
  return text
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]*):([^\s@/'"]+)@/gi, (m, head: string, pw: string) => (isMarked(pw) ? m : `${head}:${mark('password')}@`))
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)([^\s:/@'"]+)@/gi, (m, head: string, user: string) => (looksLikeToken(user) ? `${head}${mark('token')}@` : m));
}

const COOKIE_ATTRIBUTES = /^(?:path|domain|expires|max-age|samesite|secure|httponly|partitioned|priority)$/i;

/** Authorization headers, bearer tokens and cookie headers. */
export function redactHeaders(text: string): string {
  return text
    .replace(/\b(authorization["']?\s*[:=]\s*["']?(?:bearer|basic|token|digest|negotiate)?\s*)([^\s'"]+)/gi, (m, head: string, v: string) => (isMarked(v) ? m : `${head}${mark('credential')}`))
    .replace(/\b(bearer\s+)([A-Za-z0-9._~+/-]{12,}=*)/gi, (_m, head: string) => `${head}${mark('credential')}`)
    .replace(/\b((?:set-)?cookie["']?\s*:\s*)([^\r\n]*)/gi, (_m, head: string, pairs: string) =>
      head + pairs.replace(/([^\s;=]+)=([^;\s'"]*)/g, (p, name: string, v: string) => (COOKIE_ATTRIBUTES.test(name) || isMarked(v) ? p : `${name}=${mark('cookie')}`)),
    );
}

const KEY = /(?<![\w.])(["']?)([A-Za-z_][\w.-]*)\1[ \t]*(==?|:|,(?=[ \t]*["']))[ \t]*/g;
const BARE_VALUE = /(?:[^\s"',;&]|[,;&](?![ \t]*[A-Za-z_][\w.-]*=))+/y;

/** The value starting at `at`: quoted (to the closing quote) or bare (to a space or the next pair). */
function valueAt(text: string, at: number): { start: number; end: number; value: string } | undefined {
  const q = text[at];
  if (q === '"' || q === "'") {
    let end = at + 1;
    while (end < text.length && text[end] !== q && text[end] !== '\n') end += text[end] === '\\' ? 2 : 1;
    return { start: at + 1, end: Math.min(end, text.length), value: text.slice(at + 1, end) };
  }
  if (q === '{' || q === '[') return undefined;
  BARE_VALUE.lastIndex = at;
  const m = BARE_VALUE.exec(text);
  if (!m) return undefined;
  const value = withoutClosers(m[0], text.slice(text.lastIndexOf('\n', at) + 1, at));
  return { start: at, end: at + value.length, value };
}

const OPENER: Record<string, string> = { ')': '(', ']': '[', '}': '{', '>': '<' };

/** A bare value without the separators and the closing brackets that end its surroundings
 * (`f(password=x)`, `{pw: x}`); a closer the line before the value never opened is the value's own. */
function withoutClosers(value: string, before: string): string {
  let end = value.length;
  while (end > 0) {
    const c = value[end - 1]!;
    const opener = OPENER[c];
    if (c !== ',' && c !== ';' && !(opener && before.includes(opener) && !value.slice(0, end - 1).includes(opener))) break;
    end--;
  }
  return value.slice(0, end);
}

/** Last words of keys that name a password outright: on a YAML line their value runs to the line's end. */
const PASSWORD_KEY = /(?:password|passwd|passphrase|pass|pwd|pw|secret)$/i;

/** `  password: correct horse battery staple  # comment`: the rest of a YAML line after a password key. */
function yamlLineValue(text: string, keyStart: number, at: number): { start: number; end: number; value: string } | undefined {
  if (!/^[ \t]*(?:- )?$/.test(text.slice(text.lastIndexOf('\n', keyStart - 1) + 1, keyStart))) return undefined;
  const newline = text.indexOf('\n', at);
  const rest = text.slice(at, newline < 0 ? text.length : newline);
  const value = rest.replace(/[ \t]+#.*$/, '').trimEnd();
  return /^["'{[|>&*!]/.test(value) || !/\s/.test(value) ? undefined : { start: at, end: at + value.length, value };
}

/** `KEY=value`, `key: value`, `"key": "value"`, `key = "value"`, `'KEY', 'value'` with a secret key name. */
export function redactKeyValues(text: string): string {
  let out = '';
  let copied = 0;
  KEY.lastIndex = 0;
  for (let m = KEY.exec(text); m; m = KEY.exec(text)) {
    const [, quote, key, sep] = m as unknown as [string, string, string, string];
    if (!isSecretName(key) || (sep.startsWith(',') && !quote)) continue;
    const v = (sep === ':' && !quote && PASSWORD_KEY.test(key) ? yamlLineValue(text, m.index, KEY.lastIndex) : undefined) ?? valueAt(text, KEY.lastIndex);
    if (!v || isMarked(v.value) || isPlainlyNotSecret(v.value)) continue;
    // Prose, not a pair: "aws credentials: from environment variables".
    if (sep === ':' && /^[a-z]+$/.test(v.value) && /^[ \t]+[a-z]/.test(text.slice(v.end))) continue;
    out += text.slice(copied, v.start) + mark('value');
    copied = v.end;
    KEY.lastIndex = v.end;
  }
  return out + text.slice(copied);
}

/** XML elements with secret names, .pgpass lines, .netrc `password X`. */
export function redactFileFormats(text: string): string {
  return text
    .replace(/<([\w.:-]+)>([^<]+)<\/\1>/g, (m, tag: string, v: string) => (isSecretName(tag) && !isMarked(v) ? `<${tag}>${mark('value')}</${tag}>` : m))
    .replace(/^([^\s:]+:(?:\d+|\*):[^\s:]+:[^\s:]+:)(.+)$/gm, (m, head: string, v: string) => (isMarked(v) ? m : `${head}${mark('password')}`))
    .replace(/(\bmachine\s+\S+.*?\bpassword\s+)([^\s"']+)/g, (m, head: string, v: string) => (isMarked(v) ? m : `${head}${mark('password')}`));
}

const LOOSE = /\b(password|passwd|passphrase|pass|pwd|pw|secret|token|auth|pat|key|credentials?|creds)([ \t]+|[-_])([^\s]+)/gi;

/** A secret word, then a space or dash, then a value that looks like a password: `wifi password X`, `vpn-pass-X`. */
export function redactLooseValues(text: string): string {
  return text.replace(LOOSE, (m, word: string, sep: string, rest: string) => {
    const value = (/^[ \t]+$/.test(sep) ? rest : (/^[^-_.=/:]+/.exec(rest)?.[0] ?? '')).replace(/^["']|[)\]}>,;:'".]+$/g, '');
    return looksSecret(value) && !isMarked(value) ? m.replace(value, mark('value')) : m;
  });
}
