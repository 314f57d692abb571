// The pure half of flag help: reads a program's `--help` output into option entries and finds the
// entry a command-line flag refers to. GNU style (`  -a, --all    text`), argparse/curl style,
// descriptions on the next line, and BSD/busybox tab style (`\t-l\ttext`) are understood.
// Anything that does not parse cleanly as an option line is ignored rather than guessed at.

/** One option described in a help text. */
export interface HelpEntry {
  /** The option's names, e.g. ['-l'] or ['-a', '--all'] or ['--color']; a literal value stays (`--check=quiet`). */
  names: string[];
  /** The description, whitespace-collapsed, one line, at most 200 chars. */
  text: string;
}

const maxText = 200;
// An option name: one or two dashes, then a letter, digit or `?`, then word characters and dashes.
const nameRe = /^-{1,2}[A-Za-z0-9?][\w-]*/;
// An argument written onto the name: `[=WHEN]`, `[WHEN]`, `=SIZE`, `=<file>`, `=[-]NUM`.
const attachedArgRe = /^(?:\[=?[^\]\s]*\]|=(?:(?!,\s*(?:-|$))\S)+)/;
// An argument after one space: `SIZE`, `<file>`, `[N]`, `{a,b}` or a plain word.
const spacedArgRe = /^ (?:<[^>]+>|\[[^\]]+\]|\{[^}]+\}|[^\s,-][^\s,]*)(?=,|$)/;
const literalValueRe = /^=[a-z0-9][a-z0-9._-]*$/;

interface Spec { names: string[]; open: boolean }

/** Parse an option column such as `-a, --all` or `-o FILE, --output FILE`; undefined if it is not one. */
function parseSpec(spec: string): Spec | undefined {
  const names: string[] = [];
  let rest = spec;
  for (;;) {
    const name = nameRe.exec(rest)?.[0];
    if (name === undefined) return undefined;
    rest = rest.slice(name.length);
    const attached = attachedArgRe.exec(rest)?.[0];
    if (attached !== undefined) rest = rest.slice(attached.length);
    else {
      const spaced = spacedArgRe.exec(rest)?.[0];
      if (spaced !== undefined) rest = rest.slice(spaced.length);
    }
    const full = attached !== undefined && literalValueRe.test(attached) ? name + attached : name;
    if (!names.includes(full)) names.push(full);
    if (rest === '') return { names, open: false };
    const sep = /^,\s*/.exec(rest)?.[0];
    if (sep === undefined) return undefined;
    rest = rest.slice(sep.length);
    if (rest === '') return { names, open: true };
  }
}

const widthOf = (indent: string): number => [...indent].reduce((w, c) => (c === '\t' ? w - (w % 8) + 8 : w + 1), 0);

interface OptionLine { indent: number; spec: Spec; text: string }

/** Read one line as an option line, splitting option and text at a tab or 2+ spaces (or at `descCol`). */
function optionLine(line: string, descCol: number | undefined): OptionLine | undefined {
  const m = /^([ \t]*)(-\S.*)$/.exec(line);
  if (!m) return undefined;
  const indent = widthOf(m[1] ?? '');
  const body = m[2] ?? '';
  const gap = /\t|\s{2,}/.exec(body);
  const [specText, text] = gap ? [body.slice(0, gap.index), body.slice(gap.index + gap[0].length)] : [body, ''];
  const spec = parseSpec(specText);
  if (spec) return { indent, spec, text };
  // A long option that fills its column may be followed by a single space (GNU tar does this).
  const at = descCol === undefined || /\t/.test(line) ? -1 : descCol - 1;
  if (at > indent && line[at] === ' ' && /\S/.test(line[at + 1] ?? '')) {
    const short = parseSpec(line.slice(m[1]?.length ?? 0, at));
    if (short) return { indent, spec: short, text: line.slice(at + 1) };
  }
  return undefined;
}

/** The column where most descriptions start, for telling a one-space gap apart from an argument. */
function commonDescColumn(lines: readonly string[]): number | undefined {
  const counts = new Map<number, number>();
  for (const line of lines) {
    const m = /^( +-\S.*?\S {2,})\S/.exec(line);
    if (m && optionLine(line, undefined)) counts.set(m[1]!.length, (counts.get(m[1]!.length) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [col, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = col;
  return best;
}

const oneLine = (s: string): string => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= maxText ? t : `${t.slice(0, maxText - 1).trimEnd()}…`;
};

/** Parse `--help` output into option entries. Pure. */
export function parseHelpText(text: string): HelpEntry[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const descCol = commonDescColumn(lines);
  const entries: HelpEntry[] = [];
  let current: { names: string[]; indent: number; parts: string[] } | undefined;
  let pending: string[] = []; // names from a line ending in `,` (grep's `--color[=WHEN],`)
  const close = (): void => {
    if (current && current.parts.length > 0) entries.push({ names: current.names, text: oneLine(current.parts.join(' ')) });
    current = undefined;
  };
  for (const line of lines) {
    const opt = optionLine(line, descCol);
    // An option name wrapped onto a description's own column is part of that description.
    const wrapped = opt && current && descCol !== undefined && opt.indent > current.indent && opt.indent >= descCol - 1;
    if (opt && !wrapped) {
      close();
      const names = [...pending, ...opt.spec.names.filter((n) => !pending.includes(n))];
      if (opt.spec.open) { pending = names; continue; }
      pending = [];
      current = { names, indent: opt.indent, parts: opt.text.trim() === '' ? [] : [opt.text] };
      continue;
    }
    pending = [];
    const indent = widthOf(/^[ \t]*/.exec(line)?.[0] ?? '');
    if (current && line.trim() !== '' && indent > current.indent) current.parts.push(line);
    else close();
  }
  close();
  return entries;
}

const byName = (entries: readonly HelpEntry[], name: string): HelpEntry | undefined => entries.find((e) => e.names.includes(name));
const baseOf = (name: string): string => name.split('=')[0] ?? name;

/** The entry for a long option's base name: one that lists it bare, else one with a literal value. */
function byBase(entries: readonly HelpEntry[], base: string): HelpEntry | undefined {
  return byName(entries, base) ?? entries.find((e) => e.names.some((n) => baseOf(n) === base));
}

/** The description for one flag as written on a command line (`-l`, `--all`, `--color=auto`, `-n5`), or undefined. Pure. */
export function findFlagHelp(entries: readonly HelpEntry[], flag: string): string | undefined {
  if (!/^-[^-\s]|^--[^\s=]/.test(flag)) return undefined;
  const exact = byName(entries, flag);
  if (exact) return exact.text;
  if (flag.startsWith('--')) {
    const base = baseOf(flag);
    const hit = byBase(entries, base);
    if (hit) return hit.text;
    const candidates = new Set(entries.flatMap((e) => e.names.map(baseOf)).filter((n) => n.startsWith('--') && n.startsWith(base)));
    const [only] = candidates;
    return candidates.size === 1 && only !== undefined ? byBase(entries, only)?.text : undefined;
  }
  const rest = flag.slice(2);
  if (/^\d+$/.test(flag.slice(1))) return byName(entries, '-NUM')?.text;
  // `-n5`, `-k1,2`, `-BM`: a short option with its value attached. Letters-only words such as
  // `-maxdepth` or `-la` are not read this way (they are long single-dash options or bundles).
  if (/[^A-Za-z]/.test(rest) || /^[A-Z]{1,2}$/.test(rest)) return byName(entries, flag.slice(0, 2))?.text;
  return undefined;
}

/** Split a command-line word into the flags it stands for: `-la` → ['-l','-a'] when both are known single-letter options in `entries` (otherwise the word as is); `--color=auto` → ['--color=auto']; `-n5` → ['-n5']. Pure. */
export function splitFlagWord(entries: readonly HelpEntry[], word: string): string[] {
  if (!/^-[A-Za-z0-9?]{2,}$/.test(word) || byName(entries, word)) return [word];
  const flags = [...word.slice(1)].map((c) => `-${c}`);
  return flags.every((f) => byName(entries, f)) ? flags : [word];
}
