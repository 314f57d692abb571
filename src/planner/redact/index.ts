// Removes secrets from text before anything leaves the machine for a cloud tier. Knows where
// secrets sit (program options, URL credentials, secret-named keys in any format, headers,
// cookies, key files, base64-encoded files) and what they look like (token formats, key blocks);
// the values of the user's secret environment variables are removed wherever they appear.
// Pure; errs on the side of redacting.

import { redactCommandLine } from './command-line.js';
import { redactEncoded } from './encoded.js';
import { isSecretName, secretNameHint } from './key-names.js';
import { redactLabelledValues } from './labels.js';
import { mapLinesContaining } from './lines.js';
import { mark } from './mark.js';
import { PROGRAM_SECRETS } from './program-flags.js';
import { redactFileFormats, redactHeaders, redactKeyValues, redactLooseValues, redactUrlCredentials } from './structured.js';
import { TOKEN_FORMATS } from './token-formats.js';
import { isPlainlyNotSecret, looksLikeToken, looksSecret } from './values.js';

/** A program of the table, as a word (after a space, a slash or an operator), or an option whose name may say secret (the full test is isSecretName). */
const COMMAND_HINT = new RegExp(
  `(?:^|[\\s/|;&(])(?:${Object.keys(PROGRAM_SECRETS).map((p) => p.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})(?=\\s)` +
    `|(?:^|\\s)--?[\\w-]*(?:${secretNameHint().source})`,
  'gi',
);

/** Command-line rules, only on lines that could be command lines with secrets (fast path). */
function redactCommandLines(text: string): string {
  return mapLinesContaining(text, COMMAND_HINT, redactCommandLine);
}

/** The rules keyed on a secret word, each line-local: only lines holding such a word can change. */
const onSecretWordLines = (text: string, rule: (line: string) => string): string => mapLinesContaining(text, secretNameHint(), rule);

/** Every rule but the base64 one, in order: shapes first, then positions. */
function redactPlain(input: string): string {
  let out = input;
  for (const [re, kind, literals] of TOKEN_FORMATS) {
    if (!literals || literals.some((literal) => out.includes(literal))) out = out.replace(re, mark(kind));
  }
  out = redactUrlCredentials(out);
  out = redactHeaders(out);
  out = redactCommandLines(out);
  out = onSecretWordLines(out, redactKeyValues);
  out = redactFileFormats(out);
  return onSecretWordLines(out, (line) => redactLooseValues(redactLabelledValues(line)));
}

/** Redact secrets in `input`; `envSecrets` are values of the user's secret environment variables. */
export function redactSecrets(input: string, envSecrets: readonly string[] = []): string {
  let out = input;
  // Longest first, so a value that contains another is replaced whole.
  for (const value of [...envSecrets].sort((a, b) => b.length - a.length)) {
    if (value.length >= 6) out = out.split(value).join(mark('environment value'));
  }
  return redactEncoded(redactPlain(out), redactPlain);
}

/** True when an environment value is a secret by its shape alone (a known token format or a random-looking token). */
function isTokenValue(value: string): boolean {
  return looksLikeToken(value) || TOKEN_FORMATS.some(([re]) => new RegExp(re.source).test(value));
}

/** Values of environment variables that are secret by name or by value (to redact wherever they appear). */
export function secretEnvValues(env: Record<string, string | undefined>): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (!value || value.length < 6 || isPlainlyNotSecret(value)) continue;
    if ((isSecretName(name) && (looksSecret(value) || value.length >= 12)) || isTokenValue(value)) values.push(value);
  }
  return values;
}
