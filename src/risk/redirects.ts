// Output redirections: `>` truncates (destructive when the file exists, writes when it is new),
// `>>` appends (writes), and either one under a system path is privileged, onto a block device
// destructive. Without filesystem facts a `>` target is assumed new unless it evidently exists:
// the line is only a truncation (`> f`, `: > f`), the command also reads it (`jq . f > f`), or it
// is a well-known file (`package.json`, `~/.bashrc`).

import { posix } from 'node:path';
import { isDevicePath, isDiscardPath, isStartupFile, isWellKnownFile, resolvePath, systemPrefixOf } from './paths.js';
import type { Content } from './content.js';
import { report, type Ctx } from './walk-context.js';
import type { Word } from './words.js';

/** One output redirection. */
export interface OutputRedirect {
  /** `>`, `>>`, `>|`, `&>`, `&>>`, `>&`. */
  op: string;
  target: Word;
  /** The file descriptor written (`2` in `2>`), when given. */
  fd: string | undefined;
  /** The redirection's source text, for reasons. */
  text: string;
}

/** What the statement around a redirection tells about its target. */
export interface RedirectSetting {
  /** The statement only truncates (`> f`, `: > f`, `true > f`, `cat /dev/null > f`). */
  idiom: boolean;
  /** Literal words of the statement's commands: a target among them is the command's own input. */
  inputs: ReadonlySet<string>;
  /** What the statement writes to stdout (code appended to a shell startup file runs at every login). */
  written: Content;
  /** Why the statement's output never ends (`yes`, `cat /dev/zero`), if it does not. */
  fillsDisk: string | undefined;
}

/** Judge one output redirection. */
export function assessOutputRedirect(r: OutputRedirect, setting: RedirectSetting, ctx: Ctx): void {
  const value = r.target.value;
  if (value === undefined) {
    report(ctx, 'writes', 'rule', r.text, 'writes to a file named only at run time');
    return;
  }
  if (/^\d+$|^-$/.test(value) && (r.op === '>&' || r.op === '<&')) return; // duplicates a descriptor
  const facts = ctx.env.facts;
  const cwd = ctx.scope.cwd ?? facts?.cwd;
  const resolved = resolvePath(value, cwd, facts?.home);
  const paths = ctx.env.rules.paths;
  if (isDiscardPath(resolved, paths)) return;
  if (setting.fillsDisk) report(ctx, 'destructive', 'rule', r.text, setting.fillsDisk);
  if (isStartupFile(resolved, facts?.home, paths) && (r.fd === undefined || r.fd === '1')) armStartupFile(value, setting.written, ctx, r.text);
  if (isDevicePath(resolved, paths)) {
    report(ctx, 'destructive', 'rule', r.text, `writes over the block device ${resolved}`);
    return;
  }
  const prefix = systemPrefixOf(resolved, paths);
  if (prefix) report(ctx, 'privileged', 'rule', r.text, `writes ${resolved}, under the system path ${prefix}`);
  const appends = r.op === '>>' || r.op === '&>>';
  if (appends) {
    report(ctx, 'writes', 'rule', r.text, `appends to ${value}`);
    return;
  }
  if (facts && resolved.startsWith('/')) {
    if (facts.isDir(resolved)) report(ctx, 'writes', 'fact', r.text, `${value} is a directory; the shell will refuse`);
    else if (facts.exists(resolved)) report(ctx, 'destructive', 'fact', r.text, `truncates ${value}, which exists`);
    else report(ctx, 'writes', 'fact', r.text, `creates ${value} (it does not exist yet)`);
    return;
  }
  if (setting.idiom) report(ctx, 'destructive', 'rule', r.text, `empties ${value} (a line that only truncates assumes the file exists)`);
  else if (setting.inputs.has(posix.normalize(value))) report(ctx, 'destructive', 'rule', r.text, `truncates ${value}, which the command also reads, before it is read`);
  else if (isWellKnownFile(value, paths)) report(ctx, 'destructive', 'rule', r.text, `truncates ${value}, which evidently exists`);
  else report(ctx, 'writes', 'rule', r.text, `creates ${value} (assumed not to exist yet)`);
}

/** Text written into a shell startup file runs at the next login or shell: judge it as code now. */
function armStartupFile(file: string, written: Content, ctx: Ctx, how: string): void {
  const inner = { ...ctx, depth: ctx.depth + 1 };
  if (written.kind === 'text') ctx.run.runCode(written, 'shell', inner, `${how} (${file} runs it in every new shell)`);
  else if (written.kind === 'fetched' || written.kind === 'decoded' || written.kind === 'generated') ctx.run.runCode(written, 'shell', inner, `${how} (${file} runs it in every new shell)`);
}
