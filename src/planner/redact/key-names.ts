// Which names of variables, keys and flags hold secrets, in any common spelling: DB_PASS,
// dbPassword, db-password, client_secret, GH_PAT, KUBE_BEARER, AccountKey, _authToken.
// A name is split into words (snake, kebab, dots, camelCase); it is secret when one word is a
// secret word, unless its last word says it holds something about the secret (a path, a TTL, an id).

/** Words that make a name secret wherever they appear in it. */
const SECRET_WORDS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'pw', 'passphrase', 'passcode', 'secret', 'token', 'auth',
  'authtoken', 'authorization', 'credential', 'credentials', 'creds', 'cookie', 'cookies', 'session',
  'sessionid', 'sid', 'bearer', 'pat', 'dsn', 'key', 'apikey', 'accountkey', 'privatekey', 'secretkey',
  'accesskey', 'signature', 'salt', 'otp', 'pin',
]);

/** Last words that say the value is about the secret, not the secret itself. */
const HARMLESS_LAST_WORDS = new Set([
  'id', 'ids', 'path', 'file', 'dir', 'directory', 'ttl', 'seconds', 'timeout', 'enabled', 'disabled',
  'type', 'name', 'user', 'username', 'length', 'url', 'uri', 'endpoint', 'region', 'host', 'port',
  'mode', 'format', 'version', 'prompt', 'policy', 'reset', 'hint', 'store', 'cmd', 'command',
  'helper', 'stdin', 'fd', 'expiry', 'expires', 'count', 'size', 'required', 'sock', 'socket',
  'method', 'provider', 'header', 'scheme', 'keys', 'ring', 'keyring', 'agent', 'address',
]);

/** Secret words glued to a prefix in one word: PGPASSWORD, MYSQLPWD-free spellings like adminpassword. */
const GLUED_SECRET_WORD = /(?:password|passwd|passphrase|secret|token|apikey)$/;

/** A quick test that rejects most names before they are split into words. */
const MAYBE_SECRET = /pass|pw|secret|token|auth|cred|cookie|sess|sid|bearer|pat|dsn|key|signature|salt|otp|pin/i;

/** A fresh global pattern for text that could hold a secret name: no match, no secret name (isSecretName needs one). */
export function secretNameHint(): RegExp {
  return new RegExp(MAYBE_SECRET.source, 'gi');
}

/** Splits a name into lower-case words: `dbPassword` and `DB_PASSWORD` both give db, password. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** True when a variable, key or flag with this name holds a secret. */
export function isSecretName(name: string): boolean {
  if (!MAYBE_SECRET.test(name)) return false;
  const words = nameWords(name);
  if (words.length === 0 || HARMLESS_LAST_WORDS.has(words[words.length - 1] ?? '')) return false;
  return words.some((w) => SECRET_WORDS.has(w) || GLUED_SECRET_WORD.test(w));
}
