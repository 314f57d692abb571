import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createAuditLog } from '../../src/repl/audit-log.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('audit log', () => {
  it('writes each event as a JSON line with time and session', () => {
    const d = mkdtempSync(join(tmpdir(), 'nlsh-audit-'));
    dirs.push(d);
    const log = createAuditLog(join(d, 'audit.jsonl'), { journal: false, session: 42 });
    log.write({ kind: 'request', line: 'find big files', route: 'nl' });
    log.write({ kind: 'risk', command: 'du -a', level: 'read_only' });
    const lines = readFileSync(join(d, 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toMatchObject([{ kind: 'request', session: 42, route: 'nl' }, { kind: 'risk', level: 'read_only' }]);
    expect(lines[0].at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('sends events to the journal through logger when asked', async () => {
    const d = mkdtempSync(join(tmpdir(), 'nlsh-audit-'));
    dirs.push(d);
    // A stand-in logger on PATH records its arguments, as the real one would hand them to syslog.
    writeFileSync(join(d, 'logger'), `#!/bin/sh\nprintf '%s\\n' "$@" > ${join(d, 'logged')}\n`);
    chmodSync(join(d, 'logger'), 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${d}:${path}`;
    try {
      createAuditLog(join(d, 'audit.jsonl'), { journal: true, session: 1 }).write({ kind: 'decision', decision: 'cancelled' });
      for (let i = 0; i < 100; i++) {
        try {
          if (readFileSync(join(d, 'logged'), 'utf8').includes('cancelled')) break;
        } catch {
          // not yet
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      const logged = readFileSync(join(d, 'logged'), 'utf8').split('\n');
      expect(logged.slice(0, 3)).toEqual(['--tag', 'nl-sh', '--']);
      expect(JSON.parse(logged[3]!)).toMatchObject({ kind: 'decision', decision: 'cancelled' });
    } finally {
      process.env.PATH = path;
    }
  });
});
