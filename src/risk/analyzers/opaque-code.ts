// Code nl-sh cannot read in full (interpreter code outside the provably pure forms, languages it
// does not parse, arguments of programs it does not know): judged by what it could do. The names
// it uses (opaque-rules.ts), and the strings in it, each tried as a shell command: a program that
// is handed `rm -rf ~` may well run it. Only a severe result is reported; the caller reports the
// code as unknown (at least writes) in any case.

import { compareLevels, type Level } from '../../level.js';
import type { Reason } from '../assessment.js';
import { isStartupFile, isWellKnownFile } from '../paths.js';
import { report, type Ctx } from '../walk-context.js';

const severe: Level = 'network_exec';
const maxProbes = 12;
const maxProbeLength = 400;

// Calls that write a file named by a literal (`Path("x").write_text`, `open("x", "w")`, `writeFileSync("x")`).
const literalWrites = /\bPath\(\s*(["'])([^"'\n]+)\1\s*\)\s*\.\s*write_(?:text|bytes)\s*\(|\bopen\(\s*(["'])([^"'\n]+)\3\s*,\s*["'][rbt]*w|\b(?:writeFileSync|writeFile|file_put_contents|File\.write)\(\s*(["'])([^"'\n]+)\5/g;

/** Report what `code` could do (`subject` names it: "the R code", "`m4`'s input"); returns the worst level found. */
export function assessOpaque(code: string, subject: string, ctx: Ctx, how: string): Level {
  let worst: Level = 'read_only';
  for (const p of ctx.env.rules.opaque) {
    if (!p.re.test(code)) continue;
    report(ctx, p.level, 'dynamic', how, `${subject} ${p.why}`);
    if (compareLevels(p.level, worst) > 0) worst = p.level;
  }
  for (const m of code.matchAll(literalWrites)) {
    const path = m[2] ?? m[4] ?? m[6] ?? '';
    if (!isWellKnownFile(path, ctx.env.rules.paths) && !isStartupFile(path, undefined, ctx.env.rules.paths)) continue;
    report(ctx, 'destructive', 'rule', how, `${subject} overwrites ${path}, which evidently exists`);
    worst = 'destructive';
  }
  for (const text of candidates(code)) {
    const found = probeShell(text, ctx, how);
    if (!found || compareLevels(found.level, severe) < 0) continue;
    report(ctx, found.level, 'dynamic', how, `${subject} holds \`${clip(text)}\`; run as a shell command, that ${found.why}`);
    if (compareLevels(found.level, worst) > 0) worst = found.level;
  }
  return worst;
}

/** The code itself and each string literal in it, and each `!command` (ed, dc, vi, less run those). */
function candidates(code: string): string[] {
  const out = new Set<string>([code]);
  for (const m of code.matchAll(/"((?:\\.|[^"\\])*)"|'((?:\\.|[^'\\])*)'|`([^`]*)`/g)) {
    const text = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\\(["'\\])/g, '$1');
    if (/\s/.test(text.trim())) out.add(text);
  }
  for (const m of code.matchAll(/(?:^|[\s;'"(])!([^\n'"]+)/g)) out.add((m[1] ?? '').trim());
  // `["rm", "-rf", "out"]`: a list of string literals is an argv.
  for (const m of code.matchAll(/\[\s*((?:(?:"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')\s*,\s*)+(?:"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'))\s*,?\s*\]/g)) {
    out.add([...(m[1] ?? '').matchAll(/"((?:\\.|[^"\\])*)"|'((?:\\.|[^'\\])*)'/g)].map((w) => shellWord(w[1] ?? w[2] ?? '')).join(' '));
  }
  // `spawn rm -rf out; expect eof`: each statement without its first word (a verb that may run the rest).
  for (const statement of code.split(/[;\n]/)) {
    const rest = statement.trim().replace(/^\S+\s+/, '');
    // Only text that starts like a command name (`> "out.txt"` in awk is not one).
    if (rest !== statement.trim() && /\s/.test(rest) && /^[\w./~]/.test(rest)) out.add(rest);
  }
  // `syscmd(rm -rf x)`, `system(rm x)`: a call's bare argument text.
  for (const m of code.matchAll(/\b\w+\(([^()'"]*\s[^()'"]*)\)/g)) out.add(m[1] ?? '');
  return [...out].filter((t) => t.trim() !== '' && t.length <= maxProbeLength).slice(0, maxProbes);
}

/** The most severe thing `text` would do as a shell command, judged apart from the line's findings. */
function probeShell(text: string, ctx: Ctx, how: string): Reason | undefined {
  const findings: Reason[] = [];
  const probe: Ctx = { ...ctx, env: { ...ctx.env, findings }, depth: ctx.depth + 1, input: { kind: 'none' } };
  ctx.run.runCode({ kind: 'text', text, from: how }, 'shell', probe, how);
  let worst: Reason | undefined;
  // Only what the probe recognised counts: text that is merely not shell (`x->()`) proves nothing.
  for (const f of findings) if ((f.kind === 'rule' || f.kind === 'fact') && (!worst || compareLevels(f.level, worst.level) > 0)) worst = f;
  return worst;
}

function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./~-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}
