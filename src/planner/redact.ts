// Removes secrets from text before anything leaves the machine for a cloud tier: API keys and
// tokens of the common formats, private keys, passwords in URLs and in KEY=value pairs, and the
// values of environment variables whose names say secret. Pure; errs on the side of redacting.

/** What replaces a secret: its kind, so the model still knows something was there. */
const mark = (kind: string): string => `[REDACTED ${kind}]`;

/** Names of variables and keys whose values are secrets. */
const SECRET_NAME = /(?:secret|passw(?:or)?d|passwd|pwd|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credential|auth|session[_-]?key|client[_-]?secret|signing[_-]?key|cookie)/i;

const patterns: [RegExp, string][] = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, 'private key'],
  [/\b(?:AKIA|ASIA|AIDA|AROA|ANPA|ANVA|AGPA)[A-Z0-9]{16}\b/g, 'AWS access key id'],
  [/\bgh[pousr]_[A-Za-z0-9]{30,}\b/g, 'GitHub token'],
  [/\bgithub_pat_[A-Za-z0-9_]{40,}\b/g, 'GitHub token'],
  [/\bglpat-[A-Za-z0-9_-]{20,}\b/g, 'GitLab token'],
  [/\bsk-(?:proj-|ant-(?:api\d{2}-)?)?[A-Za-z0-9_-]{20,}\b/g, 'API key'],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g, 'Slack token'],
  [/\bAIza[0-9A-Za-z_-]{35}\b/g, 'Google API key'],
  [/\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{20,}\b/g, 'Stripe key'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g, 'JWT'],
  [/\b(npm_[A-Za-z0-9]{36})\b/g, 'npm token'],
];

/** Redact secrets in `input`; `envSecrets` are values of the user's secret-named variables. */
export function redactSecrets(input: string, envSecrets: readonly string[] = []): string {
  let out = input;
  // Longest first, so a value that contains another is replaced whole.
  for (const value of [...envSecrets].sort((a, b) => b.length - a.length)) {
    if (value.length >= 6) out = out.split(value).join(mark('environment value'));
  }
  for (const [re, kind] of patterns) out = out.replace(re, mark(kind));
  // Passwords in URLs: scheme://user:password@host
  out = out.replace(/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+):([^\s@/]+)@/gi, (_m, head: string) => `${head}:${mark('password')}@`);
  // Authorization headers and bearer tokens.
  out = out.replace(/\b(authorization:\s*(?:bearer|basic|token)?\s*)[^\s'"]+/gi, (_m, head: string) => `${head}${mark('credential')}`);
  out = out.replace(/\b(bearer\s+)[A-Za-z0-9._~+/-]{12,}=*/gi, (_m, head: string) => `${head}${mark('credential')}`);
  // KEY=value, KEY: value, --password value, --token=value, with secret-sounding names.
  out = out.replace(/\b([A-Za-z_][A-Za-z0-9_.-]*)(\s*[=:]\s*)(["']?)([^\s"']+)\3/g, (m, key: string, sep: string, q: string, value: string) =>
    SECRET_NAME.test(key) && !value.startsWith('[REDACTED') ? `${key}${sep}${q}${mark('value')}${q}` : m,
  );
  out = out.replace(/(--?[A-Za-z][A-Za-z0-9-]*)([ =])(["']?)([^\s"']+)\3/g, (m, flag: string, sep: string, q: string, value: string) =>
    SECRET_NAME.test(flag) && !value.startsWith('[REDACTED') ? `${flag}${sep}${q}${mark('value')}${q}` : m,
  );
  return out;
}

/** Values of environment variables whose names say secret (to redact wherever they appear). */
export function secretEnvValues(env: Record<string, string | undefined>): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (value && SECRET_NAME.test(name) && value.length >= 6) values.push(value);
  }
  return values;
}
