// keyLine finds a key's line again in a TOML text that already parsed, for problem lines.

import { describe, expect, it } from 'vitest';
import { keyLine, type KeyPlace } from '../../src/config/lines.js';

const text = [
  '# a comment: privacy = "x"', // 1
  'capture_bytes=4096', // 2
  '  nl_prefix = ";"', // 3
  '"shell_prefix" = "!"', // 4
  "'privacy' = 'local-only'", // 5
  'budget.x = 1', // 6
  '', // 7
  '[[tiers]]', // 8
  'name = "a"', // 9
  'backend = "ollama"', // 10
  '[[ tiers ]]  # second', // 11
  'backend="bedrock"', // 12
  '"model" = "m"', // 13
  '[extra]', // 14
  'name = "not a tier"', // 15
  '[[tiers]]', // 16
  'model = "z"', // 17
].join('\n');

describe('keyLine', () => {
  it.each<[KeyPlace, number | undefined]>([
    [{ key: 'capture_bytes' }, 2],
    [{ key: 'nl_prefix' }, 3],
    [{ key: 'shell_prefix' }, 4],
    [{ key: 'privacy' }, 5],
    [{ key: 'budget' }, 6],
    [{ key: 'tiers' }, 8],
    [{ key: 'extra' }, 14],
    [{ key: 'name' }, undefined],
    [{ key: 'missing' }, undefined],
    [{ key: 'name', table: { name: 'tiers', index: 0 } }, 9],
    [{ key: 'backend', table: { name: 'tiers', index: 0 } }, 10],
    [{ key: 'backend', table: { name: 'tiers', index: 1 } }, 12],
    [{ key: 'model', table: { name: 'tiers', index: 1 } }, 13],
    [{ key: 'name', table: { name: 'tiers', index: 1 } }, undefined],
    [{ key: 'model', table: { name: 'tiers', index: 2 } }, 17],
    [{ key: '', table: { name: 'tiers', index: 1 } }, 11],
    [{ key: '', table: { name: 'tiers', index: 2 } }, 16],
    [{ key: 'model', table: { name: 'tiers', index: 3 } }, undefined],
  ])('%j is on line %s', (place, line) => {
    expect(keyLine(text, place)).toBe(line);
  });

  it('reads CRLF files', () => {
    expect(keyLine('a = 1\r\nprivacy = "x"\r\n', { key: 'privacy' })).toBe(2);
  });
});
