// Shells and the builtins that run shell code: `bash -c CODE`, `bash script`, `sh` reading a
// pipe or a here-doc, `eval`, `source`/`.`, and `trap` (whose code runs later, but runs).

import type { Content } from '../content.js';
import type { Ctx } from '../walk-context.js';
import type { Word } from '../words.js';
import { report } from '../walk-context.js';
import { wordToContent, wordsToContent } from '../word-content.js';
import type { Analyzer } from './analyzer.js';

/** `sh`/`bash`/`zsh`...: the code comes from -c, a script argument, or stdin; a startup file given by option runs first. */
export const analyzeShell: Analyzer = ({ name, parsed, ctx }) => {
  for (const option of ['--rcfile', '--init-file']) for (const file of parsed.valueWords.get(option) ?? []) ctx.run.runCode(scriptContent(file, ctx), 'shell', ctx, `${name} ${option}`);
  const words = parsed.rest.length > 0 ? parsed.rest : parsed.positionals;
  if (parsed.flags.has('-c')) {
    const code = words[0];
    if (code) ctx.run.runCode(wordToContent(code, ctx), 'shell', ctx, `${name} -c`);
    return { kind: 'generated', from: ctx.span };
  }
  const script = words[0];
  if (script && !parsed.flags.has('-s') && script.value !== '-') {
    ctx.run.runCode(scriptContent(script, ctx), 'shell', ctx, ctx.span);
    return { kind: 'generated', from: ctx.span };
  }
  ctx.run.runCode(ctx.input, 'shell', ctx, ctx.span);
  return { kind: 'generated', from: ctx.span };
};

/** `eval WORDS`: the words joined are shell code, run in this shell. */
export const analyzeEval: Analyzer = ({ args, ctx }) => {
  if (args.length === 0) return undefined;
  ctx.run.runCode(wordsToContent(args, ctx), 'shell', ctx, ctx.span);
  return { kind: 'generated', from: ctx.span };
};

/** `source FILE` / `. FILE`: runs the file's code in this shell. */
export const analyzeSource: Analyzer = ({ parsed, ctx }) => {
  const file = parsed.positionals[0];
  if (!file) return undefined;
  ctx.run.runCode(scriptContent(file, ctx), 'shell', ctx, ctx.span);
  return { kind: 'generated', from: ctx.span };
};

/** `trap CODE SIGNALS`: the code runs when a signal arrives or the shell exits. */
export const analyzeTrap: Analyzer = ({ parsed, ctx }) => {
  if (parsed.flags.has('-l') || parsed.flags.has('-p')) return undefined;
  const [code, ...signals] = parsed.positionals;
  if (!code || signals.length === 0 || code.value === '-' || code.value === '') return undefined;
  report(ctx, 'read_only', 'rule', ctx.span, 'sets code to run on a signal or at exit');
  ctx.run.runCode(wordToContent(code, ctx), 'shell', ctx, ctx.span);
  return undefined;
};

const stdinPaths = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

/** The code a script argument names: a `<(...)` substitution, stdin, or a file. */
export function scriptContent(script: Word, ctx: Ctx): Content {
  if (script.processFile) return script.processFile;
  if (script.value !== undefined && stdinPaths.has(script.value)) return ctx.input;
  if (script.value !== undefined) return { kind: 'file', path: script.value, from: script.text };
  return wordToContent(script, ctx);
}
