// Reading a command's words into options and positionals the way getopt would: combined short
// flags (`-rf`), attached values (`-n5`, `--ns=x`), `--` ending options, GNU permutation
// (options after positionals) unless the command stops at its first positional.

import type { ArgvOptions } from './rules/rule-types.js';
import { literalWord, type Word } from './words.js';

/** Options and positionals of one command. */
export interface ParsedArgs {
  /** Each option seen, with its values (`''` when given without one). */
  flags: Map<string, string[]>;
  /** The words that carried option values (attached values become literal words). */
  valueWords: Map<string, Word[]>;
  /** Positional words, in order. */
  positionals: Word[];
  /** With `stopAtPositional`: the words from the first positional on (the inner command). */
  rest: Word[];
}

/** Split words into options and positionals. */
export function parseArgv(words: readonly Word[], options: ArgvOptions = {}): ParsedArgs {
  const withValue = new Set(options.withValue ?? []);
  const attachedOnly = new Set(options.attachedOnly ?? []);
  const flags = new Map<string, string[]>();
  const valueWords = new Map<string, Word[]>();
  const positionals: Word[] = [];
  const add = (flag: string, value: string, word?: Word) => {
    const list = flags.get(flag);
    if (list) list.push(value);
    else flags.set(flag, [value]);
    if (word) {
      const words = valueWords.get(flag);
      if (words) words.push(word);
      else valueWords.set(flag, [word]);
    }
  };
  let i = 0;
  const next = (): Word | undefined => (i + 1 < words.length ? words[++i] : undefined);
  let endOfOptions = false;
  for (; i < words.length; i++) {
    const word = words[i] as Word;
    let v = word.value;
    if (i === 0 && options.firstArgFlags && v !== undefined && /^[a-zA-Z]+$/.test(v)) v = `-${v}`;
    if (endOfOptions || v === undefined || v === '-' || !v.startsWith('-')) {
      if (options.stopAtPositional) return { flags, valueWords, positionals: [word], rest: words.slice(i) };
      positionals.push(word);
      continue;
    }
    if (v === '--') {
      add('--', '');
      endOfOptions = true;
      if (options.stopAtPositional) return { flags, valueWords, positionals: [], rest: words.slice(i + 1) };
      continue;
    }
    if (v.startsWith('--') || options.singleDashLong || options.longShort?.includes(v.replace(/=.*/s, ''))) {
      const eq = v.indexOf('=');
      const name = eq > 0 ? v.slice(0, eq) : v;
      if (eq > 0) add(name, v.slice(eq + 1), literalWord(v.slice(eq + 1)));
      else if (withValue.has(name) && i + 1 < words.length) {
        const w = next();
        add(name, w?.value ?? '', w);
      } else add(name, '');
      continue;
    }
    // Short options, possibly combined: -rf, -n5, -oL, -i.bak
    for (let j = 1; j < v.length; j++) {
      const flag = `-${v[j]}`;
      const attached = v.slice(j + 1);
      if (attachedOnly.has(flag)) {
        add(flag, attached);
        break;
      }
      if (withValue.has(flag)) {
        if (attached !== '') add(flag, attached, literalWord(attached));
        else if (i + 1 < words.length) {
          const w = next();
          add(flag, w?.value ?? '', w);
        } else add(flag, '');
        break;
      }
      add(flag, '');
    }
  }
  return { flags, valueWords, positionals, rest: [] };
}

/** Whether any of `names` was given; long names also match unambiguous abbreviations (`--recur`). */
export function hasFlag(parsed: ParsedArgs, names: readonly string[], abbreviations = true): boolean {
  return findFlag(parsed, names, abbreviations) !== undefined;
}

/** The first of `names` that was given, with its values. */
export function findFlag(parsed: ParsedArgs, names: readonly string[], abbreviations = true): { name: string; values: string[] } | undefined {
  for (const name of names) {
    const values = parsed.flags.get(name);
    if (values) return { name, values };
  }
  if (!abbreviations) return undefined;
  for (const [given, values] of parsed.flags) {
    if (!given.startsWith('--') || given.length < 5) continue;
    for (const name of names) if (name.startsWith('--') && name.startsWith(given)) return { name: given, values };
  }
  return undefined;
}

/** All values given for any of `names`. */
export function flagValues(parsed: ParsedArgs, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of names) out.push(...(parsed.flags.get(name) ?? []));
  return out;
}
