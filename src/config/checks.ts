// The small validators the config schema is written with, and the readers that turn an
// environment variable's or a flag's text into the value a TOML file would hold. A validator
// returns the value, or what was expected; it never throws.

/** A validator's verdict: the value, or what was expected instead. */
export type Checked<T> = { ok: true; value: T } | { ok: false; expected: string };

/** A validator for one key. */
export type Check<T> = (value: unknown) => Checked<T>;

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = <T>(expected: string): Checked<T> => ({ ok: false, expected });

/** A whole number from `min` to `max`. */
export function wholeNumber(min: number, max: number, what: string): Check<number> {
  return (v) => (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? ok(v) : bad(`${what} from ${min} to ${max}`));
}

/** A number from `min` to `max` (fractions allowed). */
export function numberIn(min: number, max: number, what: string): Check<number> {
  return (v) => (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? ok(v) : bad(what));
}

/** One of the given strings. */
export function oneOf<const T extends string>(choices: readonly T[]): Check<T> {
  const expected = choices.map((c) => JSON.stringify(c)).join(', ').replace(/, ([^,]*)$/, ' or $1');
  return (v) => (typeof v === 'string' && (choices as readonly string[]).includes(v) ? ok(v as T) : bad(expected));
}

/** true or false. */
export const boolean: Check<boolean> = (v) => (typeof v === 'boolean' ? ok(v) : bad('true or false'));

/** A string matching `test` (any string when absent). */
export function text(expected: string, test: (s: string) => boolean = () => true): Check<string> {
  return (v) => (typeof v === 'string' && test(v) ? ok(v) : bad(expected));
}

/** Read an environment variable's or a flag's text as a number, or leave it as text to be reported. */
export function readNumber(s: string): unknown {
  return /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(s) ? Number(s) : s;
}

/** Read true/false (also 1/0, yes/no, on/off), or leave it as text to be reported. */
export function readBoolean(s: string): unknown {
  const t = s.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(t)) return true;
  if (['false', '0', 'no', 'off'].includes(t)) return false;
  return s;
}

/** Text is already a string. */
export function readText(s: string): unknown {
  return s;
}

/** A value as a problem line shows it, shortened when long. */
export function shown(value: unknown): string {
  let s: string;
  if (value === undefined) s = 'nothing';
  else if (typeof value === 'string') s = JSON.stringify(value);
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') s = String(value);
  else {
    try {
      s = JSON.stringify(value) ?? String(value);
    } catch {
      s = String(value);
    }
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
