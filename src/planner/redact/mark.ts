// The text that stands where a secret was, and the test that a value is already one.

/** What replaces a secret: its kind, so the model still knows something was there. */
export const mark = (kind: string): string => `[REDACTED ${kind}]`;

/** True when `value` is (or starts with) a mark, so no rule redacts a mark twice. */
export const isMarked = (value: string): boolean => value.startsWith('[REDACTED');
