// The paths a command writes, changes or deletes: system paths make it privileged, block
// devices destructive, and overwriting something that exists takes the rule's `onExisting`
// level. With filesystem facts the answers are concrete (which files a glob hits, whether a
// target exists); without them the README's conventions apply (see docs/risk-rules.md).

import { posix } from 'node:path';
import { hasFlag, type ParsedArgs } from './argv.js';
import { compareLevels, type Level } from '../level.js';
import { isDevicePath, isDiscardPath, isStartupFile, isVariantOf, isWellKnownFile, resolvePath, systemPrefixOf } from './paths.js';
import type { TargetRule } from './rules/rule-types.js';
import { globOnce, report, type Ctx } from './walk-context.js';
import type { Word } from './words.js';

const listed = 5;

/** Judge the targets of one command whose level so far is `level`. */
export function assessTargets(spec: TargetRule, parsed: ParsedArgs, ctx: Ctx, level: Level): void {
  const { targets, sources } = collectTargets(spec, parsed);
  const paths = ctx.env.rules.paths;
  const facts = ctx.env.facts;
  const cwd = ctx.scope.cwd ?? facts?.cwd;
  const home = facts?.home;
  for (const word of targets) {
    if (word.value === undefined) continue;
    const resolved = resolvePath(word.value, cwd, home);
    if (isDevicePath(resolved, paths)) {
      report(ctx, 'destructive', 'rule', ctx.span, `writes to the block device ${resolved}, destroying what is on it`);
      continue;
    }
    if (isDiscardPath(resolved, paths)) continue;
    const prefix = systemPrefixOf(resolved, paths);
    if (prefix) report(ctx, 'privileged', 'rule', ctx.span, `changes ${resolved}, under the system path ${prefix}`);
    if (facts && word.glob && word.pattern !== undefined) {
      const matches = globOnce(ctx, facts, word.pattern, cwd ?? facts.cwd);
      const count = `${matches.complete ? '' : 'at least '}${matches.paths.length}`;
      const names = matches.paths.slice(0, listed).join(', ') + (matches.paths.length > listed ? ', …' : '');
      report(
        ctx,
        level,
        'fact',
        word.text,
        matches.paths.length === 0
          ? matches.complete
            ? 'matches nothing here (the pattern would be passed as is)'
            : 'nl-sh stopped looking before finding what this matches here (too much to search)'
          : `matches ${count} path${matches.paths.length === 1 ? '' : 's'} here: ${names}`,
      );
    }
    const onExisting = spec.onExisting;
    if (!onExisting || compareLevels(onExisting.level, level) <= 0) continue;
    if (onExisting.unlessFlags && hasFlag(parsed, onExisting.unlessFlags, false)) continue;
    if (onExisting.requireFlags && !hasFlag(parsed, onExisting.requireFlags, false)) continue;
    const read = readsTarget(word.value, sources, ctx);
    if (read) {
      report(ctx, onExisting.level, 'rule', ctx.span, `${word.value} is also ${read}: ${onExisting.why} before it is read`);
      continue;
    }
    if (facts) {
      for (const path of existingTargets(resolved, sources, cwd ?? facts.cwd, home, facts)) {
        report(ctx, onExisting.level, 'fact', ctx.span, `${path} exists: ${onExisting.why}`);
      }
      continue;
    }
    const source = sources.length === 1 ? sources[0]?.value : undefined;
    if (isWellKnownFile(word.value, paths) || isStartupFile(resolved, home, paths)) {
      report(ctx, onExisting.level, 'rule', ctx.span, `${word.value} evidently exists: ${onExisting.why}`);
    } else if (source !== undefined && isVariantOf(source, word.value, paths)) {
      report(ctx, onExisting.level, 'rule', ctx.span, `${word.value} is assumed to exist (a variant of ${source} replacing it): ${onExisting.why}`);
    }
  }
}

function collectTargets(spec: TargetRule, parsed: ParsedArgs): { targets: Word[]; sources: Word[] } {
  const targets: Word[] = [];
  let sources: Word[] = [];
  const positionals = parsed.positionals;
  const optionTargets = (spec.options ?? []).flatMap((o) => parsed.valueWords.get(o) ?? []);
  targets.push(...optionTargets);
  switch (spec.positionals ?? 'none') {
    case 'all':
      targets.push(...positionals);
      break;
    case 'all-but-first':
      targets.push(...positionals.slice(1));
      sources = positionals.slice(0, 1);
      break;
    case 'last':
      if (optionTargets.length > 0) sources = positionals;
      else if (positionals.length >= 2) {
        targets.push(positionals[positionals.length - 1] as Word);
        sources = positionals.slice(0, -1);
      }
      break;
    case 'none':
      break;
  }
  for (const key of spec.keys ?? []) {
    for (const word of positionals) {
      if (word.value?.startsWith(`${key}=`)) {
        const value = word.value.slice(key.length + 1);
        targets.push({ ...word, value, pattern: value, text: word.text });
      }
    }
  }
  targets.push(...settingTargets(spec, parsed));
  return { targets, sources };
}

const settingName = (name: string): string => name.toLowerCase().replace(/[-_]/g, '');

// `key = value` settings given as option values (`wget -e output_document=FILE`) whose key is
// one of `keys`, compared ignoring case, `-` and `_` (how wgetrc and ssh read their keys).
function settingTargets(spec: TargetRule, parsed: ParsedArgs): Word[] {
  const keys = new Set((spec.keys ?? []).map(settingName));
  const out: Word[] = [];
  for (const option of spec.keyOptions ?? []) {
    for (const word of parsed.valueWords.get(option) ?? []) {
      const m = word.value === undefined ? null : /^\s*([\w.-]+)\s*=\s*(.*?)\s*$/s.exec(word.value);
      if (m && keys.has(settingName(m[1] as string))) out.push({ ...word, value: m[2] as string, pattern: m[2] as string });
    }
  }
  return out;
}

// How the command reads the file it writes (`uniq f f`, `cat f | tee f`), if it does.
function readsTarget(target: string, sources: readonly Word[], ctx: Ctx): string | undefined {
  const same = (path: string | undefined) => path !== undefined && posix.normalize(path) === posix.normalize(target);
  if (sources.some((s) => same(s.value))) return 'the file it reads';
  if (ctx.input.kind === 'file' && same(ctx.input.path)) return 'the file its input comes from';
  return undefined;
}

/** Paths that would be overwritten: the target itself, or (when it is a directory) the sources' names inside it. */
function existingTargets(resolved: string, sources: Word[], cwd: string, home: string | undefined, facts: NonNullable<Ctx['env']['facts']>): string[] {
  const abs = resolved.startsWith('/') ? resolved : resolvePath(resolved, cwd, home);
  if (!abs.startsWith('/') || !facts.exists(abs)) return [];
  if (!facts.isDir(abs)) return [abs];
  const out: string[] = [];
  for (const source of sources) {
    if (source.value === undefined) continue;
    const inside = posix.join(abs, posix.basename(source.value.replace(/\/+$/, '')));
    if (facts.exists(inside) && !facts.isDir(inside)) out.push(inside);
  }
  return out;
}
