// Secrets in command lines: the per-program table (program-flags.ts), options whose names say
// secret for any program, and printers piped into a program that reads a password on stdin.

import { isSecretName } from './key-names.js';
import { mark } from './mark.js';
import { PRINTERS, PROGRAM_SECRETS, STDIN_SECRET_OPTIONS, STDIN_SECRET_PROGRAMS, WRAPPERS, type ProgramSecrets } from './program-flags.js';
import { splitCommands, type ShellWord } from './shell-words.js';
import { isPlainlyNotSecret } from './values.js';

/** A span of the line to replace: from `start` (plus `keep` characters of the word) to `end`. */
interface Edit {
  word: ShellWord;
  keep: string;
}

/** The program word's index: after assignments, wrappers and their options. */
function commandIndex(words: readonly ShellWord[]): number {
  let i = 0;
  while (i < words.length) {
    const w = words[i]!.text;
    if (/^[A-Za-z_]\w*=/.test(w) || (i > 0 && w.startsWith('-')) || WRAPPERS.includes(w) || /^\d+[smhd]?$/.test(w)) i++;
    else break;
  }
  return i;
}

const baseName = (word: string): string => word.slice(word.lastIndexOf('/') + 1);

/** Marks `word` from `keep` on, unless the value is plainly not a secret. */
function secretAt(edits: Edit[], word: ShellWord | undefined, keep = ''): void {
  if (word && !isPlainlyNotSecret(word.text.slice(keep.length))) edits.push({ word, keep });
}

/** Edits for one option word (and its value, the next word) under a program's table row. */
function optionEdits(row: ProgramSecrets, words: readonly ShellWord[], i: number, edits: Edit[]): number {
  const w = words[i]!.text;
  if (!w.startsWith('-')) return 0;
  const next = words[i + 1];
  const option = /^(--?[A-Za-z][\w-]*)(=.*)?$/.exec(w);
  const name = option?.[1] ?? '';
  const inline = option?.[2];
  const valueWord = (opt: string): [ShellWord | undefined, string, number] | undefined => {
    if (w === opt) return [next, '', 1];
    if (name === opt && inline !== undefined) return [words[i], `${opt}=`, 0];
    if (opt.length === 2 && !opt.startsWith('--') && w.startsWith(opt) && w.length > 2) return [words[i], opt, 0];
    return undefined;
  };
  for (const opt of row.glued ?? []) if (w.startsWith(opt) && w.length > opt.length && !w.startsWith('--')) return secretAt(edits, words[i], opt), 0;
  for (const opt of row.value ?? []) {
    const v = valueWord(opt);
    if (v) return secretAt(edits, v[0], v[1]), v[2];
  }
  for (const [opt, sep] of row.userPass ?? []) {
    const v = valueWord(opt);
    if (!v) continue;
    const at = v[0]?.text.indexOf(sep, v[1].length) ?? -1;
    if (at >= 0) secretAt(edits, v[0], v[0]!.text.slice(0, at + 1));
    return v[2];
  }
  for (const opt of row.cookies ?? []) {
    const v = valueWord(opt);
    if (!v) continue;
    if (v[0]?.text.includes('=')) secretAt(edits, v[0], v[1]);
    return v[2];
  }
  if (option && isSecretName(name)) {
    if (inline !== undefined) secretAt(edits, words[i], `${name}=`);
    else if (next && !next.text.startsWith('-')) return secretAt(edits, next), 1;
  }
  return 0;
}

/** Edits for positional secrets (`vault login TOKEN`, `htpasswd -b f user PW`, `sqlplus u/pw@db`). */
function positionalEdits(row: ProgramSecrets, words: readonly ShellWord[], edits: Edit[]): void {
  if (!row.userSlashPass && !row.positional) return;
  const positionals = words.filter((w) => !w.text.startsWith('-') && !/^[A-Za-z_][\w.-]*=(?!=*$)/.test(w.text));
  if (row.userSlashPass && positionals[0]) {
    const m = /^([^/\s]+\/)[^@]*/.exec(positionals[0].text);
    if (m) secretAt(edits, positionals[0], m[1]);
  }
  for (const rule of row.positional ?? []) {
    if (rule.flag && !words.some((w) => new RegExp(`^-[A-Za-z]*${rule.flag}`).test(w.text))) continue;
    if (rule.requires && !words.some((w) => w.text.startsWith(rule.requires!))) continue;
    if (!rule.after.every((word, k) => positionals[k]?.text === word)) continue;
    const rest = positionals.slice(rule.after.length);
    const target = rule.index === 'last' ? rest[rest.length - 1] : rest[rule.index];
    if (rule.named && !(rest[0] && isSecretName(rest[0].text))) continue;
    secretAt(edits, target);
  }
}

/** Edits for one simple command. */
function commandEdits(words: readonly ShellWord[], edits: Edit[]): void {
  const at = commandIndex(words);
  const program = words[at] ? baseName(words[at].text) : '';
  // Own rows only: a program named `constructor` or `toString` must not find a prototype function.
  const row = Object.hasOwn(PROGRAM_SECRETS, program) ? PROGRAM_SECRETS[program]! : {};
  const args = words.slice(at + 1);
  for (let i = 0; i < args.length; i++) i += optionEdits(row, args, i, edits);
  positionalEdits(row, args, edits);
}

/** True when a command reads a secret from its standard input. */
function readsSecretFromStdin(words: readonly ShellWord[]): boolean {
  const program = words[commandIndex(words)];
  return words.some((w) => STDIN_SECRET_OPTIONS.includes(w.text)) || (program !== undefined && STDIN_SECRET_PROGRAMS.includes(baseName(program.text)));
}

/** Redacts secrets in one command line. */
export function redactCommandLine(line: string): string {
  const edits: Edit[] = [];
  const commands = splitCommands(line);
  commands.forEach((command, k) => {
    commandEdits(command.words, edits);
    const next = commands[k + 1];
    const at = commandIndex(command.words);
    if (command.pipedOn && next && PRINTERS.includes(command.words[at]?.text ?? '') && readsSecretFromStdin(next.words)) {
      for (const w of command.words.slice(at + 1)) if (!w.text.startsWith('-')) secretAt(edits, w);
    }
  });
  if (edits.length === 0) return line;
  let out = line;
  let done = Infinity;
  for (const { word, keep } of edits.sort((a, b) => b.word.start - a.word.start || a.keep.length - b.keep.length)) {
    if (word.start >= done || word.text.slice(keep.length).startsWith('[REDACTED')) continue;
    done = word.start;
    out = `${out.slice(0, word.start)}${keep}${mark('password')}${out.slice(word.end)}`;
  }
  return out;
}
