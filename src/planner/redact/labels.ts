// A label that names a secret, then a colon and the value: `kube user token #6: …`,
// `ansible vault pass (prod): …`, `vault password for db1: …`. The secret word may be followed by a
// few words or marks before the colon (a plugin or a tool names its facts as it likes); the value
// is redacted when it looks like a password or a token.

import { isMarked, mark } from './mark.js';
import { looksLikeToken, looksSecret } from './values.js';

const LABELLED = /\b(?:password|passwd|passphrase|pass|pwd|pw|secret|token|auth|pat|key|credentials?|creds)\b[^:\n]{0,24}?:[ \t]+([^\s]+)/gi;

/** Redact the value after a label naming a secret, when it looks like one. */
export function redactLabelledValues(text: string): string {
  return text.replace(LABELLED, (m, raw: string) => {
    const value = raw.replace(/[)\]}>,;'".]+$/, '');
    return !isMarked(value) && (looksSecret(value) || looksLikeToken(value)) ? m.replace(value, mark('value')) : m;
  });
}
