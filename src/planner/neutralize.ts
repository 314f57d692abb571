// Model text is data. Before it is shown, every terminal control character is made visible and
// inert: escape sequences (cursor moves, title changes, OSC 52 clipboard writes, hyperlinks),
// C1 controls, bells, backspaces and carriage returns cannot act on the user's terminal.

/** Make every control character except newline and tab visible (ESC → "␛", others → "^X"). */
export function neutralizeForDisplay(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n' || ch === '\t') out += ch;
    else if (code === 0x1b) out += '␛';
    else if (code < 0x20) out += `^${String.fromCharCode(code + 0x40)}`;
    else if (code === 0x7f) out += '^?';
    else if (code >= 0x80 && code < 0xa0) out += `\\x${code.toString(16)}`;
    else if (code === 0x2028 || code === 0x2029 || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) {
      // Line separators and bidirectional overrides can disguise what a command says.
      out += `\\u${code.toString(16)}`;
    } else out += ch;
  }
  return out;
}
