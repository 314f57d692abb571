// The sandbox in a real terminal: keystroke injection (TIOCSTI) must not reach the parent shell,
// and interactive commands must still work without a controlling terminal (--new-session).

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledConfinePath, buildProfile, createNodeProbeIo, prepareCommand, probeCapabilities, quoteArgvForBash } from '../../../src/sandbox/index.js';
import { startInPty } from '../../support/pty-driver.js';
import { availableOrFailInCi } from '../../support/require-in-ci.js';

const caps = probeCapabilities(createNodeProbeIo(process.env), { confinePath: bundledConfinePath() });
const isRoot = process.getuid?.() === 0;
const hasPerl = spawnSync('perl', ['-e', '1']).status === 0;
const canSetpriv = isRoot && spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0;
const users = [{ who: 'root', nobody: false }, ...(canSetpriv ? [{ who: 'nobody', nobody: true }] : [])];
const asNobody = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
// Push "echo INJECTED" + newline into the terminal's input queue, one byte at a time (TIOCSTI = 0x5412).
const inject = `perl -e 'for (split //, "echo INJ"."ECTED\\n") { ioctl(STDIN, 0x5412, $_) or die "ioctl: $!\\n" }'`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nl-sh-pty-'));
  chmodSync(dir, 0o777);
  writeFileSync(join(dir, 'pager.txt'), Array.from({ length: 200 }, (_, i) => `line ${i + 1}`).join('\n'));
  chmodSync(join(dir, 'pager.txt'), 0o644);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sandboxLine(command: string, nobody: boolean): string {
  const profile = buildProfile({ cwd: dir, home: dir, nlshConfigDir: join(dir, '.config', 'nl-sh'), network: false });
  // The probe ran as this process; nobody is never privileged root (rlimits, no pids cgroup).
  const prepared = prepareCommand(command, profile, nobody ? { ...caps, root: false } : caps, { exists: existsSync });
  return nobody ? `${quoteArgvForBash(asNobody)} ${prepared.shellLine}` : prepared.shellLine;
}

// Run `line` from a parent bash in a pty; afterwards the parent reads whatever is in its input.
async function parentReadsAfter(line: string): Promise<string> {
  const script = `${line}; read -t 2 -r got; echo "GOT[$got]"`;
  const pty = startInPty('bash', ['--norc', '--noprofile', '-c', script], { env: { PATH: process.env.PATH ?? '', TERM: 'xterm-256color' }, cwd: dir });
  await pty.waitFor(/GOT\[.*\]/, 15_000);
  await pty.exited;
  return pty.allText();
}

describe.skipIf(!availableOrFailInCi(Boolean(caps.bwrap) && hasPerl && (caps.userNamespaces || isRoot), 'bubblewrap, perl and user namespaces'))('sandbox in a pty', () => {
  it('control: unsandboxed TIOCSTI does inject into the parent (the kernel allows it here)', async () => {
    const screen = await parentReadsAfter(inject);
    expect(screen).toContain('GOT[echo INJECTED]');
  });

  describe.each(users)('as $who', ({ nobody }) => {
    it('TIOCSTI from the sandbox never reaches the terminal or the parent shell', async () => {
      const screen = await parentReadsAfter(sandboxLine(inject, nobody));
      expect(screen).toContain('GOT[]');
      expect(screen).not.toContain('INJECTED');
      expect(screen).toMatch(/ioctl: Operation not permitted/);
    });

    it('a command reading stdin works interactively', async () => {
      const pty = startInPty('bash', ['--norc', '--noprofile', '-c', sandboxLine('printf "name? "; read -r x; echo "hello, $x"', nobody)], { env: { PATH: process.env.PATH ?? '', TERM: 'xterm-256color' }, cwd: dir });
      await pty.waitFor('name?');
      pty.type('world\r');
      await pty.waitFor('hello, world');
      expect((await pty.exited).exitCode).toBe(0);
    });

    it('a less-style pager pages and quits without /dev/tty', async () => {
      const pty = startInPty('bash', ['--norc', '--noprofile', '-c', sandboxLine('less pager.txt; echo "less exited $?"', nobody)], { env: { PATH: process.env.PATH ?? '', TERM: 'xterm-256color', LESS: '' }, cwd: dir, rows: 24 });
      await pty.waitFor('line 20');
      pty.type(' ');
      await pty.waitFor('line 40');
      pty.type('q');
      await pty.waitFor('less exited 0');
      await pty.exited;
    });

    it('the tty is not the controlling terminal inside (the cost of --new-session)', async () => {
      const pty = startInPty('bash', ['--norc', '--noprofile', '-c', sandboxLine('test -t 0 && echo "stdin-is-tty"; (: </dev/tty) 2>/dev/null && echo "devtty-ok" || echo "devtty-unavailable"', nobody)], { env: { PATH: process.env.PATH ?? '', TERM: 'xterm-256color' }, cwd: dir });
      await pty.waitFor(/devtty-(ok|unavailable)/);
      expect(pty.allText()).toContain('stdin-is-tty');
      expect(pty.allText()).toContain('devtty-unavailable');
      await pty.exited;
    });

    it('Ctrl-C ends the sandboxed command (bwrap gets SIGINT, --die-with-parent takes the command down)', async () => {
      const pty = startInPty('bash', ['--norc', '--noprofile', '-c', `${sandboxLine('echo ready; sleep 30', nobody)}; echo "status $?"`], { env: { PATH: process.env.PATH ?? '', TERM: 'xterm-256color' }, cwd: dir });
      await pty.waitFor('ready');
      const t0 = Date.now();
      pty.type('\x03');
      await pty.exited;
      expect(Date.now() - t0).toBeLessThan(5000);
    });
  });
});
