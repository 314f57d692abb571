// The directory tree after a command, for `check: files`: every entry's path, type, content (see
// archive.js), symlink target and, when asked, permission bits. Only the top level of a .git
// directory is recorded: git rewrites its index and objects on every run. File times never count.
// Absolute paths of the fixture inside file contents read as "." so that two copies compare.

import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describeContent } from './archive.js';
import { rewriteFixturePath } from './compare-stdout.js';

/** The tree under `dir` as a Map from relative path to a description of the entry. */
export function snapshotTree(dir, { modes = false } = {}) {
  const entries = new Map();
  const visit = (rel, depthInGit) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel === '' ? name : `${rel}/${name}`;
      const full = join(dir, path);
      const st = lstatSync(full);
      const mode = modes ? ` mode ${(st.mode & 0o7777).toString(8)}` : '';
      const inGit = depthInGit > 0 || (rel === '' && name === '.git');
      if (st.isDirectory()) {
        entries.set(path, `dir${mode}`);
        if (!inGit) visit(path, 0);
        else if (depthInGit === 0 && rel === '') visit(path, 1);
      } else if (st.isSymbolicLink()) entries.set(path, `symlink -> ${readlinkSync(full)}`);
      else if (st.isFile()) entries.set(path, inGit ? 'file' : `file ${fileContent(full, dir)}${mode}`);
      else entries.set(path, `other${mode}`);
    }
  };
  visit('', 0);
  return entries;
}

/** What differs between two trees, as short phrases (empty when they are equal). */
export function diffTrees(expected, actual) {
  const problems = [];
  for (const [path, what] of expected) {
    if (!actual.has(path)) problems.push(`missing ${path}`);
    else if (actual.get(path) !== what) problems.push(`${path} differs (${describeDifference(what, actual.get(path))})`);
  }
  for (const path of actual.keys()) if (!expected.has(path)) problems.push(`unexpected ${path}`);
  return problems;
}

// "content", "mode 644 instead of 444", "type".
function describeDifference(want, got) {
  const kind = (s) => s.split(' ')[0];
  if (kind(want) !== kind(got)) return `a ${kind(got)} instead of a ${kind(want)}`;
  const mode = (s) => / mode (\d+)$/.exec(s)?.[1];
  if (mode(want) !== mode(got) && want.replace(/ mode \d+$/, '') === got.replace(/ mode \d+$/, '')) return `mode ${mode(got)} instead of ${mode(want)}`;
  return kind(want) === 'symlink' ? `target ${got.slice(11)} instead of ${want.slice(11)}` : 'content';
}

// A file's content description, unreadable files named as such.
function fileContent(full, dir) {
  try {
    return describeContent(rewriteFixturePath(readFileSync(full), dir));
  } catch (err) {
    return `unreadable (${err.code ?? err.message})`;
  }
}
