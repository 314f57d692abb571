// Facts about the filesystem, injected into the classifier so that it stays a pure function:
// does a path exist, is it a directory, which files does a pattern match. The real
// implementation reads the disk with bounded work; tests pass a fake.

import { lstatSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { hasGlobChars, segmentRegex, unescapePattern } from './glob-match.js';

/** What a glob matched; `complete` is false when a count or time limit cut the walk short. */
export interface GlobMatches {
  paths: string[];
  complete: boolean;
}

/** Filesystem questions the classifier may ask. Paths are absolute. */
export interface FsFacts {
  /** The directory relative paths start from. */
  readonly cwd: string;
  /** What `~` means. */
  readonly home: string;
  /** Whether something (a file, directory or link, even a dangling one) is at `path`. */
  exists(path: string): boolean;
  /** Whether `path` is a directory (following links). */
  isDir(path: string): boolean;
  /** Paths matching a bash pattern (escapes as in `glob-match.ts`), relative ones from `cwd`. */
  glob(pattern: string, cwd: string): GlobMatches;
}

/** Limits on the real glob walk. */
export interface GlobLimits {
  maxMatches: number;
  maxEntries: number;
  maxMillis: number;
}

const defaultLimits: GlobLimits = { maxMatches: 200, maxEntries: 20_000, maxMillis: 50 };

/** Filesystem facts read from the real disk, with bounded glob expansion. */
export function createFsFacts(where: { cwd: string; home: string }, limits: GlobLimits = defaultLimits): FsFacts {
  return {
    cwd: where.cwd,
    home: where.home,
    exists(path) {
      try {
        lstatSync(path);
        return true;
      } catch {
        return false;
      }
    },
    isDir(path) {
      try {
        return statSync(path).isDirectory();
      } catch {
        return false;
      }
    },
    glob(pattern, cwd) {
      return expandGlob(pattern, cwd, limits);
    },
  };
}

function expandGlob(pattern: string, cwd: string, limits: GlobLimits): GlobMatches {
  const deadline = Date.now() + limits.maxMillis;
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((s) => s !== '');
  let partial: string[] = [absolute ? '/' : ''];
  let scanned = 0;
  let complete = true;
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    const next: string[] = [];
    for (const prefix of partial) {
      if (!hasGlobChars(segment)) {
        const candidate = joinRel(prefix, unescapePattern(segment));
        if (last ? exists(resolveFrom(cwd, candidate)) : isDir(resolveFrom(cwd, candidate))) next.push(candidate);
        continue;
      }
      const dir = resolveFrom(cwd, prefix || '.');
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        continue;
      }
      const re = segmentRegex(segment);
      for (const name of names.sort()) {
        if (++scanned > limits.maxEntries || Date.now() > deadline) {
          complete = false;
          break;
        }
        if (!re.test(name)) continue;
        const candidate = joinRel(prefix, name);
        if (!last && !isDir(resolveFrom(cwd, candidate))) continue;
        next.push(candidate);
        if (last && next.length >= limits.maxMatches) {
          complete = false;
          break;
        }
      }
      if (!complete) break;
    }
    partial = next;
    if (!complete || partial.length === 0) break;
  }
  return { paths: partial.filter((p) => p !== '' && p !== '/'), complete };
}

function joinRel(prefix: string, name: string): string {
  if (prefix === '') return name;
  return prefix.endsWith('/') ? prefix + name : `${prefix}/${name}`;
}

function resolveFrom(cwd: string, path: string): string {
  return isAbsolute(path) ? path : join(cwd, path);
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
