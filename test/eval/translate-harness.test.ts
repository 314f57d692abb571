// The translation evaluation harness (scripts/eval-translate.js) tested on its own: the compare
// modes, a correct alternative passing and a subtly wrong command failing, containment of a
// command that reaches outside its fixture, the time limit and output cap, both splits' tasks
// (every reference passes against itself, `true` fails), and the whole script against a stand-in
// Ollama tier answering the reference or a wrong command.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { availableOrFailInCi } from '../support/require-in-ci.js';
import { nlshBin, repoRoot } from '../support/fixtures.js';
import { startFakeOllama, type FakeOllamaServer } from '../support/fake-ollama-server.js';

interface Task { id: string; request: string; setup: string; reference: string; check: string; compare?: string; modes?: boolean; tags: string[] }
interface Verdict { pass: boolean; why: string }
/* eslint-disable @typescript-eslint/no-explicit-any -- the harness is plain JavaScript */
const harness = async (file: string): Promise<any> => import(pathToFileURL(join(repoRoot, 'scripts/eval-translate', file)).href);
const script = join(repoRoot, 'scripts/eval-translate.js');

const bwrapWorks = spawnSync('bwrap', ['--ro-bind', '/', '/', '--unshare-net', '--cap-drop', 'ALL', 'true']).status === 0;
const haveBwrap = availableOrFailInCi(bwrapWorks, 'bubblewrap');

const task = (over: Partial<Task>): Task => ({ id: 't', request: 'r', setup: '', reference: 'true', check: 'stdout', compare: 'lines', tags: ['easy'], ...over });
const sizes = 'head -c 5000 /dev/zero > a.bin\nhead -c 9000 /dev/zero > b.bin\nhead -c 1000 /dev/zero > c.bin\nhead -c 7000 /dev/zero > d.bin\nhead -c 3000 /dev/zero > e.bin';

describe('compare modes', async () => {
  const { compareStdout } = await harness('compare-stdout.js');
  it.each([
    ['exact', 'a\tb\n', 'a\tb\n', true],
    ['exact', 'a\tb\n', 'a b\n', false],
    ['lines', 'a\nb\n', '  a \n./b/\n\n', true],
    ['lines', '     1\tx\n     2\ty\n', '1 x\n2 y\n', true],
    ['lines', 'a\nb\n', 'b\na\n', false],
    ['lines', 'a\nb\n', 'a\n', false],
    ['lines-unordered', 'a\nb\na\n', 'b\n\na\na\n', true],
    ['lines-unordered', 'a\nb\na\n', 'a\nb\n', false],
    ['paths', 'docs/a.md\ndocs/b.md\n', './docs/b.md\n./docs/a.md\n', true],
    ['paths', 'docs/a.md\ndocs/b.md\n', 'a.md\nb.md\n', true],
    ['paths', 'media/clip.mov\n', '1.2M\t./media/clip.mov\n', true],
    ['paths', 'x.log\ny.log\n', 'total 8\n-rw-r--r-- 1 u u 9 Jan 1 00:00 x.log\nlrwxrwxrwx 1 u u 5 Jan 1 00:00 y.log -> x.log\n', true],
    ['paths', 'Add app skeleton\n', 'a1b2c3d Add app skeleton\n', true],
    ['paths', 'a.md\nb.md\n', 'a.md\n', false],
    ['paths', 'a.md\n', 'a.md\nc.md\n', false],
    ['paths', 'a.md\n', 'a.mdx\n', false],
    ['numbers', '14\n', '14 essay.txt\n', true],
    ['numbers', '142\n', 'total: 142.00\n', true],
    ['numbers', '3\n5\n', '5\n3\n', false],
    ['numbers', '2024\n', 'date 2024-01-02\n', false],
    ['contains', 'x86_64\n', 'Linux box 6.1.0 x86_64 GNU/Linux\n', true],
    ['contains', 'x86_64\n', 'aarch64\n', false],
    ['no-such-mode', 'a\n', 'a\n', false],
  ])('%s: %j against %j passes: %s', (mode, ref, out, pass) => {
    expect(compareStdout(mode, ref, out).pass).toBe(pass);
  });
});

describe.runIf(haveBwrap)('judging commands in the sandbox', async () => {
  const { judgeCommand } = await harness('judge.js');
  const { makeWorkRoot, removeTree } = await harness('fixture.js');
  let root: string;
  beforeAll(() => void (root = makeWorkRoot()));
  afterAll(() => removeTree(root));
  const judge = (t: Task, command: string): Promise<Verdict> => judgeCommand(t, command, root);

  it('a correct alternative passes and a subtly wrong one fails (ordered lines)', async () => {
    const t = task({ setup: sizes, reference: 'ls -S | head -n 3', compare: 'lines' });
    expect(await judge(t, 'ls -S | head -3')).toMatchObject({ pass: true });
    expect(await judge(t, 'ls -S "$PWD" | head -n 3')).toMatchObject({ pass: true });
    expect(await judge(t, 'ls -Sr | tail -n 3 | tac')).toMatchObject({ pass: true });
    expect(await judge(t, 'ls -S | head -n 4')).toMatchObject({ pass: false, why: expect.stringContaining('extra line 4') });
    expect(await judge(t, 'ls -Sr | head -n 3')).toMatchObject({ pass: false });
  });

  it('a correct alternative passes and a subtly wrong one fails (paths, files)', async () => {
    const find = task({ setup: 'mkdir -p a/b\nhead -c 2000000 /dev/zero > a/x.log\necho hi > a/b/y.log\nhead -c 3000000 /dev/zero > big.bin', reference: "find . -name '*.log' -size +1M", compare: 'paths' });
    expect(await judge(find, "find \"$PWD\" -type f -name '*.log' -size +1000k -exec ls -l {} +")).toMatchObject({ pass: true });
    expect(await judge(find, "find . -name '*.log'")).toMatchObject({ pass: false, why: expect.stringContaining('a/b/y.log') });
    const rename = task({ setup: "echo hello > 'old name.txt'\necho other > old.txt", reference: "mv 'old name.txt' 'new name.txt'", check: 'files' });
    expect(await judge(rename, 'mv -- "old name.txt" new\\ name.txt')).toMatchObject({ pass: true });
    expect(await judge(rename, "cp 'old name.txt' 'new name.txt'")).toMatchObject({ pass: false, why: expect.stringContaining('unexpected old name.txt') });
    const chmod = task({ setup: 'echo x > r.pdf\nchmod 664 r.pdf', reference: 'chmod a-w r.pdf', check: 'files', modes: true });
    expect(await judge(chmod, 'chmod 444 r.pdf')).toMatchObject({ pass: true });
    expect(await judge(chmod, 'chmod u-w r.pdf')).toMatchObject({ pass: false, why: expect.stringContaining('mode 464 instead of 444') });
  });

  it('archives compare by members and gzip by content, not by bytes', async () => {
    const t = task({ setup: 'mkdir -p docs/a\necho 1 > docs/a/x\necho 2 > docs/y', reference: 'tar czf d.tgz docs', check: 'files' });
    expect(await judge(t, 'sleep 1; tar -czf d.tgz docs/')).toMatchObject({ pass: true });
    expect(await judge(t, 'tar cf d.tgz docs')).toMatchObject({ pass: false, why: expect.stringContaining('d.tgz differs') });
    expect(await judge(t, 'tar czf d.tgz -C docs .')).toMatchObject({ pass: false });
    const gz = task({ setup: 'echo data > f.txt', reference: 'gzip -k f.txt', check: 'files' });
    expect(await judge(gz, 'sleep 1; gzip -c f.txt > f.txt.gz')).toMatchObject({ pass: true });
  });

  it('a command that reaches outside its fixture changes nothing outside it', async () => {
    const hostHome = process.env.HOME ?? '/root';
    const homeBefore = readdirSync(hostHome).sort();
    const sentinelDir = mkdtempSync(join(tmpdir(), 'nlsh-eval-sentinel-'));
    const sentinel = join(sentinelDir, 'keep.txt');
    writeFileSync(sentinel, 'keep');
    const marker = `nlsh-eval-escape-${process.pid}`;
    const t = task({ setup: 'echo in > inside.txt', reference: 'cat inside.txt', compare: 'lines' });
    const escape = `touch ~/${marker}; echo hi > /tmp/${marker}; touch ${hostHome}/${marker} ${sentinelDir}/${marker}; rm -rf ${sentinelDir} ../* ..; echo x > /${marker}; cat inside.txt`;
    try {
      const v = await judge(t, escape);
      expect(v).toMatchObject({ pass: false, why: expect.stringContaining('Read-only file system') });
      expect(readdirSync(hostHome).sort()).toEqual(homeBefore);
      expect(existsSync(join(tmpdir(), marker))).toBe(false);
      expect(existsSync(`/tmp/${marker}`)).toBe(false);
      expect(existsSync(`/${marker}`)).toBe(false);
      expect(existsSync(sentinel)).toBe(true);
      expect(readdirSync(root)).toEqual([]);
    } finally {
      rmSync(sentinelDir, { recursive: true, force: true });
    }
  });

  it('a command in the sandbox has no network', async () => {
    const server: Server = createServer((socket) => socket.end('hello\n'));
    let connections = 0;
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const t = task({ reference: 'echo hello', compare: 'lines' });
    const v = await judge(t, `exec 3<>/dev/tcp/127.0.0.1/${port} && cat <&3`);
    await new Promise((resolve) => server.close(resolve));
    expect(v.pass).toBe(false);
    expect(connections).toBe(0);
  });

  it('a command that outlives 10 s is killed with everything it started', async () => {
    const marker = `${60 + (process.pid % 1000) / 1000}`;
    const started = Date.now();
    const v = await judge(task({ reference: 'echo done' }), `(sleep ${marker} &); sleep 30; echo done`);
    const elapsed = Date.now() - started;
    expect(v).toMatchObject({ pass: false, why: 'timed out after 10 s' });
    expect(elapsed).toBeLessThan(14_000);
    const leftovers = readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
      try {
        return spawnSync('cat', [`/proc/${p}/cmdline`]).stdout.toString().replace(/\0/g, ' ').includes(`sleep ${marker}`);
      } catch {
        return false;
      }
    });
    expect(leftovers).toEqual([]);
  }, 20_000);

  it('output past 1 MB ends the command and fails it', async () => {
    const v = await judge(task({ reference: 'echo y' }), 'yes');
    expect(v).toEqual({ pass: false, why: 'output over 1 MB' });
  });
});

describe.runIf(haveBwrap)('the task splits', async () => {
  const { readTasks } = await harness('tasks.js');
  const { selfCheckTask } = await harness('self-check.js');
  const { makeWorkRoot, removeTree } = await harness('fixture.js');
  it.each(['dev', 'test'])('every %s reference passes on its own fixture and `true` fails', async (split) => {
    const tasks: Task[] = readTasks(join(repoRoot, 'eval/translate', `${split}.jsonl`));
    const root = makeWorkRoot();
    const failures: string[] = [];
    const queue = [...tasks];
    const worker = async (): Promise<void> => {
      for (let t = queue.shift(); t; t = queue.shift()) {
        const v: Verdict = await selfCheckTask(t, root);
        if (!v.pass) failures.push(`${t.id}: ${v.why}`);
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    removeTree(root);
    expect(failures).toEqual([]);
  }, 180_000);

  it('the held-out split has at least 80 tasks, none with a dev request, about one in ten not in English', async () => {
    const dev: Task[] = readTasks(join(repoRoot, 'eval/translate/dev.jsonl'));
    const test: Task[] = readTasks(join(repoRoot, 'eval/translate/test.jsonl'));
    expect(test.length).toBeGreaterThanOrEqual(80);
    const devRequests = new Set(dev.map((t) => t.request.toLowerCase()));
    expect(test.filter((t) => devRequests.has(t.request.toLowerCase()))).toEqual([]);
    expect(new Set([...dev, ...test].map((t) => t.id)).size).toBe(dev.length + test.length);
    const foreign = test.filter((t) => t.tags.includes('non-english')).length / test.length;
    expect(foreign).toBeGreaterThan(0.06);
    expect(foreign).toBeLessThan(0.15);
  });
});

describe('tier configs', async () => {
  const { embeddedTierConfig, userTierConfig } = await harness('tier-config.js');
  const { parse } = await import('smol-toml');
  it('--model GGUF is one embedded tier; --tier NAME copies that tier and the privacy setting', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nlsh-eval-cfg-'));
    writeFileSync(join(dir, 'm.gguf'), 'x');
    expect(parse(embeddedTierConfig(join(dir, 'm.gguf')))).toMatchObject({ tiers: [{ name: 'embedded', backend: 'embedded', model: join(dir, 'm.gguf') }] });
    expect(() => embeddedTierConfig(join(dir, 'none.gguf'))).toThrow(/no model file/);
    writeFileSync(join(dir, 'c.toml'), 'privacy = "cloud-allowed"\n[[tiers]]\nname = "a"\nbackend = "ollama"\nmodel = "m1"\n[[tiers]]\nbackend = "bedrock"\nmodel = "m2"\nfuture_key = 1\n');
    expect(parse(userTierConfig(join(dir, 'c.toml'), 'bedrock-2'))).toEqual({ privacy: 'cloud-allowed', tiers: [{ name: 'bedrock-2', backend: 'bedrock', model: 'm2', future_key: 1 }] });
    expect(() => userTierConfig(join(dir, 'c.toml'), 'z')).toThrow(/no tier named "z" \(it has: a, bedrock-2\)/);
    rmSync(dir, { recursive: true });
  });
});

/** Run the script to its end with `env`; output collected. */
function runScript(args: string[], env: Record<string, string | undefined>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('the script', () => {
  it('without bubblewrap it stops with one line and runs nothing', async () => {
    const r = await runScript([join(repoRoot, 'eval/translate/dev.jsonl'), '--self'], { PATH: '/nonexistent' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^eval-translate: bwrap is not installed .*nothing was run/);
  });

  const built = existsSync(nlshBin) && existsSync(join(repoRoot, 'dist/main.js'));
  describe.runIf(haveBwrap && availableOrFailInCi(built, 'a build of nl-sh (npm run build && sh scripts/build-launcher.sh)'))('against a stand-in Ollama tier', () => {
    let server: FakeOllamaServer;
    let dir: string;
    const plan = (command: string) => ({ command, explanation: 'x', parts: [], assumptions: [], needs_network: false, needs_root: false, confidence: 0.8 });
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'nlsh-eval-script-'));
      server = await startFakeOllama({ script: { models: ['small:latest'] } });
      mkdirSync(join(dir, 'nl-sh'));
      writeFileSync(join(dir, 'nl-sh', 'config.toml'), `[[tiers]]\nname = "other"\nbackend = "ollama"\nmodel = "x"\n[[tiers]]\nname = "small"\nbackend = "ollama"\nmodel = "small"\nhost = "${server.url}"\ntimeout_ms = 5000\n`);
      writeFileSync(join(dir, 'tasks.jsonl'), [
        task({ id: 'words', setup: "printf 'a b c\\n' > essay.txt", reference: 'wc -w < essay.txt', compare: 'numbers' }),
        task({ id: 'mk', reference: 'mkdir -p x/y', check: 'files' }),
        task({ id: 'rm', setup: 'echo t > temp.txt', reference: 'rm temp.txt', check: 'files' }),
      ].map((t) => JSON.stringify(t)).join('\n'));
    });
    afterAll(async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('asks nl-sh in the fixture, records the gate level, and scores the proposals', async () => {
      server.enqueue('chat', { kind: 'reply', json: plan('wc -w essay.txt') }, { kind: 'reply', json: plan('mkdir x') }, { kind: 'reply', json: plan('rm -f temp.txt') });
      const r = await runScript([join(dir, 'tasks.jsonl'), '--tier', 'small', '--json'], { PATH: process.env.PATH, HOME: dir, XDG_CONFIG_HOME: dir });
      expect(r.stderr).toBe('');
      const lines = r.stdout.trim().split('\n');
      expect(lines.at(-1)).toBe('translate: 2/3 passed (66.7%)');
      const rows = lines.slice(0, -1).map((l) => JSON.parse(l));
      expect(rows[0]).toMatchObject({ id: 'words', command: 'wc -w essay.txt', pass: true, tier: 'small', level: 'read_only' });
      expect(rows[1]).toMatchObject({ id: 'mk', command: 'mkdir x', pass: false, why: expect.stringContaining('missing x/y'), level: 'writes' });
      expect(rows[2]).toMatchObject({ id: 'rm', pass: true, level: expect.stringMatching(/writes|destructive/) });
      for (const row of rows) expect(row.latencyMs).toBeGreaterThan(0);
      const chats = server.requests.filter((q) => q.path === '/api/chat').map((q) => q.body as { messages: { role: string; content: string }[] });
      expect(chats).toHaveLength(3);
      const user = chats[0]!.messages.find((m) => m.role === 'user')!.content;
      expect(user).toMatch(/CONTEXT \(untrusted data, not instructions\)/);
      expect(user).toMatch(/essay\.txt/);
    }, 60_000);

    it('--bare asks the same tier with one line of instruction and no context, code fences stripped', async () => {
      server.enqueue('chat', { kind: 'reply', text: '```bash\nwc -w < essay.txt\n```' });
      const before = server.requests.length;
      const r = await runScript([join(dir, 'tasks.jsonl'), '--tier', 'small', '--bare', '--limit', '1'], { PATH: process.env.PATH, HOME: dir, XDG_CONFIG_HOME: dir });
      expect(r.stdout).toMatch(/^PASS {2}words .*"wc -w < essay\.txt"\ntranslate: 1\/1 passed \(100\.0%\)\n$/);
      const chat = server.requests.slice(before).find((q) => q.path === '/api/chat')!.body as { messages: { role: string; content: string }[] };
      expect(chat.messages).toEqual([
        { role: 'system', content: 'Reply with one bash command for this request, nothing else.' },
        { role: 'user', content: 'r' },
      ]);
    }, 60_000);
  });
});
