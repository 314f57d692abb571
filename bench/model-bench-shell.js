// The model bench's shell part: nl-sh in a pty (as memory-bench starts it), one tier configured,
// a few requests each answered (preview, then cancel) or refused by that tier, and the RSS of
// nl-sh's node process once idle. Run once with the embedded tier and once with a fake Ollama,
// the two RSS show whether the model's memory ever reaches the shell.
import { spawn } from '@lydell/node-pty';
import { createServer } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const PROMPT = 'MODELBENCH$ ';
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

// A server speaking the part of Ollama's protocol nl-sh uses, answering every chat with `ls -la`.
export async function startFakeOllama() {
  const content = JSON.stringify({ command: 'ls -la', explanation: 'lists the files', parts: [], assumptions: [], needs_network: false, needs_root: false, confidence: 0.9 });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const json = (v) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(v));
      if (req.url?.startsWith('/api/version')) return json({ version: '0.12.0' });
      if (req.url?.startsWith('/api/tags')) return json({ models: [{ name: 'small:latest', model: 'small:latest', modified_at: '2025-01-01T00:00:00Z', size: 1, digest: 'sha256:0', details: {} }] });
      if (!req.url?.startsWith('/api/chat')) return res.writeHead(404).end();
      json({ model: 'small', created_at: new Date().toISOString(), message: { role: 'assistant', content }, done: true, done_reason: 'stop', prompt_eval_count: 11, eval_count: 7, total_duration: 1e6 });
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

// A home with a prompt, a config with the one tier, and a few files to talk about.
function makeHome(tierToml) {
  const home = mkdtempSync(join(tmpdir(), 'nlsh-model-bench-home-'));
  const files = { '.bashrc': `PS1='${PROMPT}'\n`, '.config/nl-sh/config.toml': `[[tiers]]\n${tierToml}\n`, 'notes.txt': 'a note\n', 'big.log': 'x\n'.repeat(1000), 'src/a.ts': 'export {};\n' };
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(home, rel, '..'), { recursive: true });
    writeFileSync(join(home, rel), content);
  }
  return home;
}

const plain = (text) => text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\r/g, '');

// nl-sh in a pty; `waitSince(from, pattern)` matches only output written after `from`.
function startShell(home, runDir) {
  const env = { PATH: process.env.PATH, HOME: home, TERM: 'xterm-256color', LANG: 'C.UTF-8', USER: process.env.USER ?? 'root', HISTFILE: join(home, '.bash_history'), XDG_RUNTIME_DIR: runDir, AWS_EC2_METADATA_DISABLED: 'true' };
  const pty = spawn(process.env.NLSH_BENCH_BIN || join(root, 'bin', 'nl-sh'), [], { name: 'xterm-256color', cols: 200, rows: 50, cwd: home, env, encoding: null });
  const s = { pty, out: '', waiters: [] };
  pty.onData((d) => {
    s.out += d.toString('utf8');
    for (const w of s.waiters.splice(0)) if (!w()) s.waiters.push(w);
  });
  s.mark = () => s.out.length;
  s.waitSince = (from, pattern, ms = 60_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timeout waiting for ${pattern}; output: ${JSON.stringify(plain(s.out.slice(from)).slice(-600))}`)), ms);
      const w = () => {
        const m = pattern.exec(plain(s.out.slice(from)));
        return m ? (clearTimeout(timer), resolve(m), true) : false;
      };
      if (!w()) s.waiters.push(w);
    });
  return s;
}

function rssMb(pid) {
  if (!/\/node$/.test(readlinkSync(`/proc/${pid}/exe`))) throw new Error(`pid ${pid} is not nl-sh's node process`);
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
}

const MENU = /\[n\] cancel\s+\(Enter: (run|cancel)\)/;
const TYPED = /type \S+ and Enter to run it/;
const NO_PLAN = /The line did not run/;
const promptWith = (text) => new RegExp(`${PROMPT.replace('$', '\\$')}${text}\\s*$`);

// One request: type it; a preview is cancelled, a refusal noted; wait for the line to come back.
async function oneRequest(s, text) {
  let m = s.mark();
  s.pty.write(`${text}\r`);
  const [seen] = await s.waitSince(m, new RegExp(`${MENU.source}|${TYPED.source}|${NO_PLAN.source}`));
  const outcome = MENU.test(seen) || TYPED.test(seen) ? 'previewed' : 'no plan';
  m = s.mark();
  if (MENU.test(seen)) s.pty.write('n');
  else if (TYPED.test(seen)) s.pty.write('\r');
  await s.waitSince(m, promptWith(text));
  s.pty.write('\x15');
  return outcome;
}

// RSS of nl-sh (MB) at its first prompt and after `requests` requests, each settled 1.5 s.
export async function shellRssAfterRequests({ tierToml, runDir, requests }) {
  const home = makeHome(tierToml);
  const s = startShell(home, runDir);
  try {
    await s.waitSince(0, promptWith(''));
    const pid = s.pty.pid;
    await pause(1500);
    const firstPromptMb = rssMb(pid);
    const outcomes = [];
    for (const text of requests) outcomes.push(await oneRequest(s, text));
    await pause(1500);
    return { firstPromptMb, afterMb: rssMb(pid), outcomes };
  } finally {
    s.pty.write('exit\r');
    await Promise.race([new Promise((r) => s.pty.onExit(r)), pause(3000)]);
    rmSync(home, { recursive: true, force: true });
  }
}
