// Path questions the rules ask: where does a target resolve to, is it a system path or a block
// device, and (without filesystem facts) does it evidently exist already.

import { posix } from 'node:path';
import type { PathRules } from './rules/rule-types.js';

/** Path rules with their regular expressions compiled once. */
export interface CompiledPaths {
  rules: PathRules;
  devices: RegExp[];
  wellKnown: Set<string>;
  templateMarkers: Set<string>;
}

/** Compile the path rules of a table. */
export function compilePaths(rules: PathRules): CompiledPaths {
  return {
    rules,
    devices: rules.devicePatterns.map((p) => new RegExp(p)),
    wellKnown: new Set(rules.wellKnownFiles),
    templateMarkers: new Set(rules.templateMarkers.map((m) => m.toLowerCase())),
  };
}

/**
 * An absolute, normalised path where one can be known: `~` becomes `home` (or stays `~` when
 * home is unknown), relative paths join `cwd` (or stay relative when cwd is unknown).
 */
export function resolvePath(path: string, cwd: string | undefined, home: string | undefined): string {
  let p = path;
  if (p === '~' || p.startsWith('~/')) p = home ? home + p.slice(1) : p;
  if (!p.startsWith('/') && !p.startsWith('~') && cwd) p = posix.join(cwd, p);
  const normal = posix.normalize(p);
  return normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal;
}

/** The system prefix a resolved path falls under, if any. */
export function systemPrefixOf(resolved: string, paths: CompiledPaths): string | undefined {
  if (!resolved.startsWith('/')) return undefined;
  return paths.rules.systemPrefixes.find((prefix) => resolved === prefix || resolved.startsWith(`${prefix}/`));
}

/** Whether a resolved path is a block device. */
export function isDevicePath(resolved: string, paths: CompiledPaths): boolean {
  return paths.devices.some((re) => re.test(resolved));
}

/** Whether writing to a path discards the data (/dev/null, /dev/stderr). */
export function isDiscardPath(resolved: string, paths: CompiledPaths): boolean {
  return paths.rules.discardTargets.includes(resolved) || /^\/dev\/fd\/\d+$/.test(resolved);
}

/** Whether a resolved path is a shell startup file (`~/.bashrc`, `/etc/profile.d/x.sh`): what it holds runs in every new shell. */
export function isStartupFile(resolved: string, home: string | undefined, paths: CompiledPaths): boolean {
  const tilde = home && (resolved === home || resolved.startsWith(`${home}/`)) ? `~${resolved.slice(home.length)}` : resolved;
  return paths.rules.startupFiles.some((entry) => (entry.endsWith('/') ? tilde.startsWith(entry) : tilde === entry));
}

/** Whether a path names a well-known file that evidently exists (`package.json`, `~/.bashrc`). */
export function isWellKnownFile(path: string, paths: CompiledPaths): boolean {
  if (path.endsWith('/')) return false;
  const home = path.replace(/^(\$HOME|\$\{HOME\})\//, '~/');
  if (paths.wellKnown.has(home) || paths.wellKnown.has(posix.basename(home))) return true;
  for (const entry of paths.wellKnown) if (entry.endsWith('/') && home.startsWith(entry)) return true;
  return false;
}

/**
 * Whether `target` is `source` minus a variant segment in the same directory, so that it
 * evidently exists: `config.prod.json` → `config.json`, `app.conf.bak` → `app.conf`. A source
 * marked as a template (`.env.example` → `.env`) is assumed to make a new file.
 */
export function isVariantOf(source: string, target: string, paths: CompiledPaths): boolean {
  if (target.endsWith('/') || posix.dirname(source) !== posix.dirname(target)) return false;
  const from = posix.basename(source).split('.');
  const to = posix.basename(target).split('.');
  if (to.length >= from.length || to.join('.') === '') return false;
  const removed: string[] = [];
  let j = 0;
  for (const segment of from) {
    if (j < to.length && segment === to[j]) j++;
    else removed.push(segment.toLowerCase());
  }
  if (j !== to.length) return false;
  return !removed.some((segment) => paths.templateMarkers.has(segment));
}
