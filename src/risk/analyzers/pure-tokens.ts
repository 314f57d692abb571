// What the pure-code readers share: tokens, the verdict, and the compiled allow-list. A reader
// proves code pure or says what it could not account for; it never guesses "harmless".

import type { PureForms } from '../rules/rule-types.js';

/** Push the token a tokenizer's regex matched; returns how far to move on (at least one character). */
export function pushMatch(out: Token[], kind: Token['kind'], m: RegExpExecArray | null): number {
  const text = m?.[0] ?? '';
  out.push({ kind, text });
  return Math.max(text.length, 1);
}

/** One token of interpreter code. `str` holds the literal's text without quotes. */
export interface Token {
  kind: 'name' | 'num' | 'str' | 'op' | 'end' | 'module';
  text: string;
}

/** A reader's verdict: pure (with the modules it imports, for the cwd check), or why not. */
export type PureVerdict = { pure: true; modules: string[] } | { pure: false; why: string };

/** The allow-list as sets, for lookups. */
export interface PureSets {
  names: Set<string>;
  modules: Set<string>;
  paths: Set<string>;
  methods: Set<string>;
}

/** A reader: code in, verdict out. */
export type PureReaderFn = (code: string, sets: PureSets) => PureVerdict;

/** Build the lookup sets for one language's allow-list. */
export function pureSets(forms: PureForms): PureSets {
  return { names: new Set(forms.names), modules: new Set(forms.modules), paths: new Set(forms.paths), methods: new Set(forms.methods) };
}

/** Not pure, because of `what`. */
export function impure(what: string): PureVerdict {
  return { pure: false, why: what };
}

/** How many leading parts of a dotted path the allow-list covers (`json.loads`, or `math.*` for `math.pi`); 0 when none. */
export function allowedPrefix(parts: readonly string[], paths: Set<string>): number {
  for (let n = parts.length; n >= 1; n--) {
    if (paths.has(parts.slice(0, n).join('.'))) return n;
    if (n >= 2 && paths.has(`${parts.slice(0, n - 1).join('.')}.*`)) return n;
  }
  return 0;
}

/** Index of the bracket closing the one at `open`, or -1. */
export function closing(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'op') continue;
    if ('([{'.includes(t.text)) depth++;
    else if (')]}'.includes(t.text) && --depth === 0) return i;
  }
  return -1;
}

/** Whether the token is the operator `text`. */
export function isOp(t: Token | undefined, text: string): boolean {
  return t !== undefined && t.kind === 'op' && t.text === text;
}

/** Names that reach into an object's machinery (`__class__`, `constructor`) are never pure. */
export function isDunder(name: string): boolean {
  return name.includes('__');
}
