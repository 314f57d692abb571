import { describe, expect, it } from 'vitest';
import { pathInError, visiblePath } from '../../src/sandbox/error-path.js';

describe('pathInError', () => {
  const rows: [string, string, string | undefined][] = [
    ['single quotes', "rm: cannot remove '/a b/c': Read-only file system", '/a b/c'],
    ['double quotes around a quote', 'touch: cannot touch "/x/it\'s": Read-only file system', "/x/it's"],
    ['ansi-c pieces', "touch: cannot touch '/x/a'$'\\t''b': Read-only file system", '/x/a\tb'],
    ['octal escapes', "touch: cannot touch '/x/'$'\\303\\251': Read-only file system", '/x/\u00c3\u00a9'],
    ['bare with colons', 'bash: line 3: /x/a:b:c: Read-only file system', '/x/a:b:c'],
    ['after, python', "OSError: [Errno 30] Read-only file system: '/x/p'", '/x/p'],
    ['after, node', "EROFS: read-only file system, mkdir '/x/n'", '/x/n'],
    ['an unterminated quote names nothing quoted', "touch: cannot touch '/x/a: Read-only file system", '/x/a'],
    ['no path at all', 'Read-only file system', undefined],
  ];
  it.each(rows)('%s', (_name, text, want) => expect(pathInError(text, 'Read-only file system')).toBe(want));
});

describe('visiblePath', () => {
  it('shows control characters as escapes, so a name cannot draw on the terminal', () => {
    expect(visiblePath('/x/\x1b[2J\nend\x7f')).toBe('/x/\\x1b[2J\\nend\\x7f');
  });
});
