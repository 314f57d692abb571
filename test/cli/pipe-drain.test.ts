// Every answer reaches a pipe before nl-sh exits: 5,000 lines through the real launcher into a
// reader that starts late get 5,000 answers (process.exit() used to drop what the pipe had not
// taken), and a reader that leaves early (`| head -1`) ends nl-sh quietly, without a stack trace.

import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeHome, nlshBin, shellEnv } from '../support/fixtures.js';

const h = makeHome({ '.bashrc': 'PS1="$ "\n' });
afterAll(() => h.cleanup());
const lines = 5000;
const input = join(h.home, 'lines.txt');
writeFileSync(input, Array.from({ length: lines }, (_, i) => `ls -la /tmp/x${i + 1}\n`).join(''));

/** Run `nl-sh <flag> < input | reader` in bash; returns the reader's output, nl-sh's status and stderr. */
function piped(flag: string, reader: string): { out: string; status: string; stderr: string } {
  const script = `"$NLSH" ${flag} < "$INPUT" 2>"$HOME/err" | ${reader}; echo "status \${PIPESTATUS[0]}"; cat "$HOME/err" >&2`;
  const r = spawnSync('bash', ['-c', script], { cwd: h.home, env: shellEnv(h.home, { NLSH: nlshBin, INPUT: input }), encoding: 'utf8', timeout: 60_000 });
  const status = /status (\d+)\s*$/.exec(r.stdout)?.[1] ?? 'none';
  return { out: r.stdout.replace(/status \d+\s*$/, ''), status, stderr: r.stderr };
}

// A slow reader: it takes nothing for a second (the pipe fills and nl-sh's writes queue), then counts.
const slowReader = '{ sleep 1; wc -l; }';

describe('CLI output through a pipe', () => {
  for (const flag of ['--risk', '--route']) {
    it(`${flag} writes all ${lines} answers to a slow reader and exits 0`, () => {
      const r = piped(flag, slowReader);
      expect(r.stderr).toBe('');
      expect(Number(r.out.trim())).toBe(lines);
      expect(r.status).toBe('0');
    });

    it(`${flag} | head -1 ends quietly when the reader closes early`, () => {
      const r = piped(flag, 'head -1');
      expect(r.out.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/EPIPE|Error|at .*\.js/);
      expect(['0', '141']).toContain(r.status);
    });
  }

  it('--help writes everything to a slow reader', () => {
    const direct = spawnSync(nlshBin, ['--help'], { env: shellEnv(h.home), encoding: 'utf8' });
    const r = piped('--help', slowReader);
    expect(Number(r.out.trim())).toBe(direct.stdout.split('\n').length - 1);
    expect(r.status).toBe('0');
  });
}, 120_000);
