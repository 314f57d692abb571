import { describe, expect, it } from 'vitest';
import { chooseRoots, lineDiff, planApply, touchesHome, type FileChange } from '../../../src/sandbox/index.js';
import { parseDirListing } from '../../../src/sandbox/dry-run/collect.js';

describe('dry-run pure parts', () => {
  it.each([
    ['ls ~/x', true], ['cat $HOME/.bashrc', true], ['echo ${HOME}', true], ['cp a /home/u/b', true],
    ['ls a~b', false], ['echo hi', false],
  ])('touchesHome(%s) = %s', (cmd, want) => {
    expect(touchesHome(cmd, '/home/u')).toBe(want);
  });

  it('drops a root nested in another', () => {
    expect(chooseRoots('/home/u/p', '/home/u', true)).toEqual(['/home/u']);
    expect(chooseRoots('/srv/p', '/home/u', true)).toEqual(['/srv/p', '/home/u']);
    expect(chooseRoots('/srv/p', '/home/u', false)).toEqual(['/srv/p']);
    expect(chooseRoots('/home', '/home/u', true)).toEqual(['/home']);
  });

  it('diffs lines', () => {
    expect(lineDiff(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual([' a', '-b', '+x', ' c', '+d']);
  });

  it('parses the merged-dir listing', () => {
    const m = parseDirListing('.\0a\0b\0\0./sub\0\0./d\0n\0\0');
    expect([...m.keys()]).toEqual(['.', 'sub', 'd']);
    expect([...(m.get('.') ?? [])]).toEqual(['a', 'b']);
    expect(m.get('sub')?.size).toBe(0);
  });

  it('plans deletions first, then parents before children', () => {
    const c = (kind: FileChange['kind'], p: string, type: FileChange['type'], extra: Partial<FileChange> = {}): FileChange => ({ kind, path: p, type, mode: 0o644, size: 0, ...extra });
    const ops = planApply([
      c('created', '/r/d/f', 'file', { source: '/u/d/f' }),
      c('created', '/r/d', 'dir', { mode: 0o755 }),
      c('modified', '/r/m', 'file', { contentChanged: false, modeChanged: true, mode: 0o600 }),
      c('deleted', '/r/old', 'dir'),
    ]);
    expect(ops.map((o) => `${o.op} ${o.path}`)).toEqual(['remove /r/old', 'mkdir /r/d', 'write /r/d/f', 'chmod /r/m']);
  });
});
