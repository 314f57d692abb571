// What a judged command writes to stdout, from its rule's `emits` field: fetched bytes, a
// decoded payload, literal text (echo, printf), file contents (cat), or output derived from its
// input. Anything derived from fetched bytes stays fetched.

import type { ParsedArgs } from './argv.js';
import type { Content } from './content.js';
import { decodeBase64, decodeHex, foldEcho, foldPrintf } from './fold.js';
import type { CommandRule } from './rules/rule-types.js';
import type { Ctx } from './walk-context.js';
import type { Word } from './words.js';

/** The stdout of a command judged by `rule`. */
export function emitContent(rule: CommandRule, name: string, args: readonly Word[], parsed: ParsedArgs | undefined, ctx: Ctx): Content {
  const input = ctx.input;
  const from = ctx.span;
  switch (rule.emits) {
    case 'fetched':
      return { kind: 'fetched', from };
    case 'shell-setup':
      return { kind: 'shell-setup', from };
    case 'literal': {
      const carried = args.flatMap((w) => w.outputs).find((o) => o.kind === 'fetched' || o.kind === 'decoded');
      if (carried) return carried;
      const values = args.map((w) => w.value);
      if (values.some((v) => v === undefined)) return { kind: 'generated', from };
      const literal = values as string[];
      if (name === 'printf') {
        const [format, ...rest] = literal[0] === '--' ? literal.slice(1) : literal;
        if (format === '-v') return { kind: 'none' };
        return { kind: 'text', text: foldPrintf(format ?? '', rest), from };
      }
      if (name === 'which' || name === 'command' || name === 'type') {
        const target = literal.filter((v) => !v.startsWith('-'))[0];
        return target === undefined ? { kind: 'generated', from } : { kind: 'text', text: `/usr/bin/${target}\n`, from };
      }
      return { kind: 'text', text: foldEcho(literal), from };
    }
    case 'files': {
      const files = parsed?.positionals ?? [];
      if (files.length === 0 || (files.length === 1 && files[0]?.value === '-')) return derived(input, from, true);
      if (files.length === 1) {
        const file = files[0] as Word;
        if (file.processFile) return file.processFile;
        if (file.value !== undefined) return { kind: 'file', path: file.value, from };
      }
      const fetched = files.map((f) => f.processFile).find((c) => c?.kind === 'fetched');
      return fetched ?? { kind: 'generated', from };
    }
    case 'decoded':
      return decode(name, parsed, input, from);
    case 'passthrough':
      return derived(input, from, true);
    default:
      return derived(input, from, false);
  }
}

/** Output computed from the input: fetched stays fetched; exact copies keep known text; the origin is kept in `from`. */
function derived(input: Content, from: string, exact: boolean): Content {
  if (input.kind === 'fetched' || input.kind === 'decoded') return input;
  if (exact && input.kind !== 'none') return input;
  return { kind: 'generated', from: input.kind === 'none' ? from : `${input.from} | ${from}` };
}

function decode(name: string, parsed: ParsedArgs | undefined, input: Content, from: string): Content {
  const flags = parsed?.flags ?? new Map<string, string[]>();
  const decoding =
    name === 'base64' || name === 'basenc' ? flags.has('-d') || flags.has('--decode') || flags.has('-D') : name === 'xxd' ? flags.has('-r') || flags.has('-revert') : true;
  if (!decoding) return derived(input, from, false);
  if (input.kind === 'fetched') return input;
  if (input.kind === 'text') {
    const text = name === 'xxd' ? decodeHex(input.text) : name === 'base64' || name === 'basenc' ? decodeBase64(input.text) : undefined;
    if (text !== undefined) return { kind: 'text', text, from: `${input.from} | ${from}` };
  }
  return { kind: 'decoded', from };
}
