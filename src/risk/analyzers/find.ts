// find: the actions decide. -delete deletes; -exec/-execdir/-ok/-okdir run a command per file
// (judged as a command, with `{}` a name known only at run time); -fprint and friends write a
// file. Tests and -print only list.

import { posix } from 'node:path';
import { isDevicePath, resolvePath, systemPrefixOf } from '../paths.js';
import { assessWrittenFile } from '../variable-files.js';
import { report } from '../walk-context.js';
import { runtimeWord, type Word } from '../words.js';
import type { Analyzer } from './analyzer.js';

const execActions = new Set(['-exec', '-execdir', '-ok', '-okdir']);
const fileActions = new Set(['-fprint', '-fprint0', '-fprintf', '-fls']);

/** The `find` analyzer. */
export const analyzeFind: Analyzer = ({ args, ctx }) => {
  for (let i = 0; i < args.length; i++) {
    const v = args[i]?.value;
    if (v === '-delete') {
      report(ctx, 'destructive', 'rule', ctx.span, '-delete deletes every file that matches');
    } else if (v !== undefined && execActions.has(v)) {
      const inner: Word[] = [];
      let j = i + 1;
      for (; j < args.length; j++) {
        const w = args[j] as Word;
        if (w.value === ';' || (w.value === '+' && inner[inner.length - 1]?.value === '{}')) break;
        inner.push(w.value !== undefined && w.value.includes('{}') ? runtimeWord(w.text, { kind: 'generated', from: 'file names found by find' }) : w);
      }
      const span = `${v} ${inner.map((w) => w.text).join(' ')}`;
      if (inner.length > 0) ctx.run.runArgv(inner, { ...ctx, span, input: { kind: 'none' } });
      i = j;
    } else if (v !== undefined && fileActions.has(v)) {
      const file = args[i + 1]?.value;
      if (file !== undefined) {
        const resolved = resolvePath(file, ctx.scope.cwd ?? ctx.env.facts?.cwd, ctx.env.facts?.home);
        const prefix = systemPrefixOf(resolved, ctx.env.rules.paths);
        if (prefix) report(ctx, 'privileged', 'rule', ctx.span, `${v} writes ${resolved}, under the system path ${prefix}`);
        else if (isDevicePath(resolved, ctx.env.rules.paths)) report(ctx, 'destructive', 'rule', ctx.span, `${v} writes over the block device ${resolved}`);
        else assessWrittenFile(posix.normalize(file), ctx.span, `${v} writes the list`, ctx);
      }
      i++;
    }
  }
  return undefined;
};
