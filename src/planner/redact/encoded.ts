// Secrets inside base64 (plugin facts can carry encoded file contents): a base64 run that decodes
// to text in which a secret is found is replaced whole; base64 of ordinary text is left alone.

import { mark } from './mark.js';

const BASE64_RUN = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{24,}={0,2}(?![A-Za-z0-9+/=])/g;

/** True when `decoded` is mostly printable text (not a hash or compressed data). */
function isText(decoded: string): boolean {
  let printable = 0;
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13) printable++;
  }
  return printable >= 0.95 * decoded.length;
}

/** Replaces base64 runs whose decoded text `redact` would change. */
export function redactEncoded(text: string, redact: (decoded: string) => string): string {
  return text.replace(BASE64_RUN, (run) => {
    if (run.length % 4 !== 0) return run;
    const decoded = Buffer.from(run, 'base64').toString('latin1');
    return isText(decoded) && redact(decoded) !== decoded ? mark('encoded secret') : run;
  });
}
