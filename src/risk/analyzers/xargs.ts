// xargs and parallel run a command once per input line (or batch): the command is judged as a
// command, with arguments that are only known at run time.

import { report } from '../walk-context.js';
import { literalWord, runtimeWord, type Word } from '../words.js';
import type { Analyzer } from './analyzer.js';

/** `xargs [options] [command [args]]`; the command defaults to echo. */
export const analyzeXargs: Analyzer = ({ parsed, ctx }) => {
  const inner = parsed.rest.length > 0 ? parsed.rest : [literalWord('echo')];
  const replaceWith = parsed.flags.get('-I')?.[0] ?? parsed.flags.get('--replace')?.[0] ?? (parsed.flags.has('-i') ? parsed.flags.get('-i')?.[0] || '{}' : undefined);
  const fromInput = runtimeWord('<input>', ctx.input);
  // A word holding the replace string is known only at run time; as code (`sh -c 'rm {}'`) it is the
  // rest of the word with the item in its place, not the input itself.
  const replaced = (w: Word, marker: string): Word => ({ ...runtimeWord(w.text, ctx.input), code: (w.value as string).split(marker).join('"$XARGS_ITEM"') });
  const words = replaceWith ? inner.map((w) => (w.value !== undefined && replaceWith !== '' && w.value.includes(replaceWith) ? replaced(w, replaceWith) : w)) : [...inner, fromInput];
  ctx.run.runArgv(words, { ...ctx, span: inner.map((w) => w.text).join(' '), input: { kind: 'none' } });
  return { kind: 'generated', from: ctx.span };
};

/** `parallel [options] command ::: args`: a single command word is shell code. */
export const analyzeParallel: Analyzer = ({ parsed, ctx }) => {
  const words = parsed.rest.length > 0 ? parsed.rest : parsed.positionals;
  const end = words.findIndex((w) => w.value !== undefined && /^:::+\+?$/.test(w.value));
  const command = end < 0 ? words : words.slice(0, end);
  if (command.length === 0) {
    report(ctx, 'destructive', 'dynamic', ctx.span, 'runs commands read from its input; nl-sh cannot see them');
    return undefined;
  }
  const span = command.map((w) => w.text).join(' ');
  if (command.length === 1) ctx.run.runCode({ kind: 'text', text: command[0]?.value ?? command[0]?.code ?? '', from: span }, 'shell', ctx, span);
  else ctx.run.runArgv([...command, runtimeWord('<input>')], { ...ctx, span, input: { kind: 'none' } });
  return { kind: 'generated', from: ctx.span };
};
