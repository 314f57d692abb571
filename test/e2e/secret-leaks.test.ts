// Issue 16, end to end: what reaches a cloud tier through the real Bedrock client (the AWS SDK,
// signed, to a local server speaking Bedrock's protocol) from a HOME that holds the secret
// corpus. `--suggest`: its history lines as ~/.bash_history (nine at a time and a marker: the planner reads
// the last ten) and its file names as files of the working directory (39 and a marker: the
// planner lists forty); the request refers to earlier work, so the cloud tier is sent history.
// The interactive shell: its command output, git remotes and environment lines printed by a
// command (`git remote -v` and `env` print them so), with the environment rows also set in the
// shell's environment, then a `?` question, which sends the last command and its output. Every
// request body is decoded and searched for every secret of those places; the ordinary lines must
// arrive unchanged (at most 2% altered).

import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeHome, nlshBin, shellEnv } from '../support/fixtures.js';
import { startInPty } from '../support/pty-driver.js';
import { runNlsh } from '../support/run-nlsh.js';
import { startFakeBedrockServer, type FakeBedrockServer } from '../support/fake-bedrock-server.js';

interface Row {
  place: string;
  text: string;
  secret?: string;
}
const corpus: Row[] = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'secrets', 'corpus.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Row);

const plan = { command: 'true', explanation: 'x', parts: [], assumptions: [], needs_network: false, needs_root: false, confidence: 0.9 };
const servers: FakeBedrockServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

// Every string inside a JSON request body, joined: what the model would read, unescaped.
function decoded(raw: string): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  try {
    walk(JSON.parse(raw));
  } catch {
    out.push(raw);
  }
  return out.join('\n');
}

// One --suggest through the cloud tier from a HOME with these history lines and file names.
async function sentFor(history: string[], files: string[]): Promise<string> {
  const server = await startFakeBedrockServer({ behaviours: [{ kind: 'tool-use', name: 'plan', input: plan }] });
  servers.push(server);
  const home = makeHome({
    '.bash_history': `${history.join('\n')}\n`,
    '.config/nl-sh/config.toml': `privacy = "cloud-allowed"\n[[tiers]]\nname = "cloud"\nbackend = "bedrock"\nmodel = "anthropic.claude-test"\nregion = "us-east-1"\nendpoint = "${server.url}"\n`,
  });
  try {
    // Its own directory: the planner lists the first 40 entries of the working directory.
    const cwd = join(home.home, 'work');
    mkdirSync(cwd);
    for (const name of files) writeFileSync(join(cwd, name), '');
    const env = shellEnv(home.home, { AWS_ACCESS_KEY_ID: 'AKIDFAKEFORTESTS0000', AWS_SECRET_ACCESS_KEY: 'fake/secret/for/tests', AWS_REGION: 'us-east-1' });
    const { stderr } = await runNlsh(['--suggest', 'run what I ran last again'], { cwd, env });
    expect(stderr).toBe('');
    expect(server.requests.length).toBeGreaterThan(0);
    return server.requests.map((q) => decoded(q.rawBody)).join('\n');
  } finally {
    home.cleanup();
  }
}

const chunks = <T>(xs: T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
// A file name the file system can hold (no slash, no NUL, not `.` or `..`).
const storable = (name: string): boolean => name !== '' && name !== '.' && name !== '..' && !/[/\0]/.test(name) && Buffer.byteLength(name) < 255;

describe('the secret corpus through the real Bedrock client', () => {
  const history = corpus.filter((r) => r.place === 'history' && !r.text.includes('\n'));
  const files = corpus.filter((r) => r.place === 'filename' && storable(r.text));

  it('has the places it claims', () => {
    expect(history.filter((r) => r.secret).length).toBeGreaterThanOrEqual(50);
    expect(files.filter((r) => r.secret).length).toBeGreaterThanOrEqual(10);
  });

  it('sends no secret, and the ordinary lines unchanged', async () => {
    const leaks: string[] = [];
    const altered: string[] = [];
    const fileChunks = chunks(files, 39);
    for (const [i, batch] of chunks(history, 9).entries()) {
      const names = fileChunks[i] ?? [];
      // Context is gathered within a time budget: on a loaded machine a run can leave history or
      // the listing out. A marker line and file show both arrived; a run without them is repeated.
      const marker = `echo leak-batch-${i}`;
      let wire = '';
      for (let attempt = 0; attempt < 3 && !(wire.includes(marker) && wire.includes(`leak-file-${i}`)); attempt++) {
        wire = await sentFor([marker, ...batch.map((r) => r.text)], [`leak-file-${i}`, ...names.map((r) => r.text)]);
      }
      expect(wire).toContain(marker);
      expect(wire).toContain(`leak-file-${i}`);
      for (const row of [...batch, ...names]) {
        if (row.secret) {
          if (wire.includes(row.secret)) leaks.push(`${row.place}: ${row.text}`);
        } else if (!wire.includes(row.text)) altered.push(`${row.place}: ${row.text}`);
      }
    }
    const ordinary = [...history, ...files].filter((r) => !r.secret).length;
    expect(leaks).toEqual([]);
    expect(altered.length / ordinary).toBeLessThanOrEqual(0.02);
  }, 120_000);
});

describe('command output through the interactive shell and a ? question', () => {
  const printed = corpus.filter((r) => r.place === 'output' || r.place === 'git-remote' || r.place === 'env');
  // Batches whose lines fit the 40-line tail the question sends.
  const batches: Row[][] = [];
  for (const row of printed) {
    const last = batches.at(-1);
    const lines = (rows: Row[]): number => rows.reduce((n, r) => n + r.text.split('\n').length, 0);
    if (last && lines(last) + row.text.split('\n').length <= 35) last.push(row);
    else batches.push([row]);
  }
  // The secret ones also set in the shell's environment (not HOME, SHELL, NODE_OPTIONS...).
  const envRows = corpus.filter((r) => r.place === 'env' && r.secret && /^[A-Za-z_][A-Za-z0-9_]*=/.test(r.text));

  // The output is read back from the terminal's screen: a tab is spaces there.
  const spaced = (t: string): string => t.replace(/[ \t]+/g, ' ');

  it('sends no secret, and the ordinary lines unchanged', async () => {
    const server = await startFakeBedrockServer({ behaviours: batches.map((_, i) => ({ kind: 'text' as const, text: `ANSWER-${i}` })) });
    servers.push(server);
    const home = makeHome({
      '.bashrc': "PS1='leak-test$ '\n",
      '.config/nl-sh/config.toml': `privacy = "cloud-allowed"\n[[tiers]]\nname = "cloud"\nbackend = "bedrock"\nmodel = "anthropic.claude-test"\nregion = "us-east-1"\nendpoint = "${server.url}"\n`,
    });
    const secretsInEnv = Object.fromEntries(envRows.map((r) => [r.text.slice(0, r.text.indexOf('=')), r.text.slice(r.text.indexOf('=') + 1)]));
    mkdirSync(join(home.home, '.run'), { mode: 0o700 });
    const env = shellEnv(home.home, { ...secretsInEnv, AWS_ACCESS_KEY_ID: 'AKIDFAKEFORTESTS0000', AWS_SECRET_ACCESS_KEY: 'fake/secret/for/tests', AWS_REGION: 'us-east-1' });
    const s = startInPty(nlshBin, [], { env, cwd: home.home, cols: 200 });
    try {
      await s.waitFor(/leak-test\$ $/m);
      const leaks: string[] = [];
      const altered: string[] = [];
      for (const [i, batch] of batches.entries()) {
        writeFileSync(join(home.home, `out-${i}.txt`), `${batch.map((r) => r.text).join('\n')}\n`);
        let since = s.mark();
        s.type(`cat out-${i}.txt\r`);
        await s.waitSince(since, /leak-test\$ $/m);
        const asked = server.requests.length;
        since = s.mark();
        s.type('? what does this output say\r');
        await s.waitSince(since, new RegExp(`ANSWER-${i}`));
        await s.waitSince(since, /leak-test\$ $/m);
        expect(server.requests.length).toBe(asked + 1);
        const wire = decoded(server.requests.at(-1)!.rawBody);
        expect(wire).toContain(`cat out-${i}.txt`);
        for (const row of batch) {
          if (row.secret) {
            if (wire.includes(row.secret)) leaks.push(`${row.place}: ${row.text}`);
          } else if (!spaced(wire).includes(spaced(row.text))) altered.push(`${row.place}: ${row.text}`);
        }
      }
      expect(leaks).toEqual([]);
      expect(altered.length / printed.filter((r) => !r.secret).length).toBeLessThanOrEqual(0.02);
    } finally {
      s.kill();
      home.cleanup();
    }
  }, 120_000);
});

describe('tool and plugin facts through user plugins, the interactive shell and a ? question', () => {
  const facts = corpus.filter((r) => r.place === 'tool-fact' || r.place === 'plugin-fact');
  // Two plugins (a plugin gives at most 20 facts), each fact "name: value" as the row reads, and
  // a marker that shows the plugin's facts made it into the context (its budget is 25 ms).
  const plugins = chunks(facts, 18).map((rows, p) => {
    const entries: Record<string, string> = { marker: `plugin-${p}-present` };
    rows.forEach((r, i) => {
      const at = r.text.indexOf(': ');
      // Names must be unique: a number in front where one repeats, the name next to its value.
      const name = at > 0 ? r.text.slice(0, at) : 'fact';
      entries[name in entries ? `${i} ${name}` : name] = at > 0 ? r.text.slice(at + 2) : r.text;
    });
    return { file: `leak${p}.js`, source: `export default { name: 'leak${p}', async context() { return ${JSON.stringify(entries)}; } };\n`, rows };
  });

  it('sends no secret, and the ordinary facts unchanged', async () => {
    const server = await startFakeBedrockServer({ behaviours: Array.from({ length: 8 }, (_, i) => ({ kind: 'text' as const, text: `ANSWER-${i}` })) });
    servers.push(server);
    const files: Record<string, string> = {
      '.bashrc': "PS1='leak-test$ '\n",
      '.config/nl-sh/config.toml': `privacy = "cloud-allowed"\n[[tiers]]\nname = "cloud"\nbackend = "bedrock"\nmodel = "anthropic.claude-test"\nregion = "us-east-1"\nendpoint = "${server.url}"\n`,
    };
    for (const p of plugins) files[`.config/nl-sh/plugins/${p.file}`] = p.source;
    const home = makeHome(files);
    mkdirSync(join(home.home, '.run'), { mode: 0o700 });
    const env = shellEnv(home.home, { AWS_ACCESS_KEY_ID: 'AKIDFAKEFORTESTS0000', AWS_SECRET_ACCESS_KEY: 'fake/secret/for/tests', AWS_REGION: 'us-east-1' });
    const s = startInPty(nlshBin, [], { env, cwd: home.home, cols: 200 });
    try {
      await s.waitFor(/leak-test\$ $/m);
      // The plugins load after the first prompt, and a loaded machine can miss their budget once.
      let wire = '';
      for (let i = 0; i < 8 && !plugins.every((_, p) => wire.includes(`plugin-${p}-present`)); i++) {
        const since = s.mark();
        s.type(`? what is set up here ${i}\r`);
        await s.waitSince(since, new RegExp(`ANSWER-${i}`), 15_000);
        await s.waitSince(since, /leak-test\$ $/m);
        wire = decoded(server.requests.at(-1)!.rawBody);
      }
      for (const p of plugins.keys()) expect(wire).toContain(`plugin-${p}-present`);
      const all = server.requests.map((q) => decoded(q.rawBody)).join('\n');
      const leaks = facts.filter((r) => r.secret && all.includes(r.secret)).map((r) => r.text);
      const altered = facts.filter((r) => !r.secret && !wire.includes(r.text.slice(r.text.indexOf(': ') + 2))).map((r) => r.text);
      expect(leaks).toEqual([]);
      expect(altered.length / facts.filter((r) => !r.secret).length).toBeLessThanOrEqual(0.02);
    } finally {
      s.kill();
      home.cleanup();
    }
  }, 120_000);
});
