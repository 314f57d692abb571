// Memory of the nl-sh process over natural-language requests: starts nl-sh in a pty with a local
// server speaking Ollama's /api/chat, and reads the RSS of nl-sh's node process at its first
// prompt, after 1 request (request → preview → cancel) and after 200. Requests are a mix of texts
// and commands (reads, deletes, edits, archives, git, network), with some repeats, so caches fill
// as in real use. Fails (exit 1) when either RSS is over 90 MB or it grew more than 5% from 1 to 200.
// Usage: node bench/memory-bench.js [--quick] [--requests N] [--json FILE]
import { spawn } from '@lydell/node-pty';
import { createServer } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (flag) => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : undefined);
const quick = process.argv.includes('--quick');
const requests = Number(arg('--requests') ?? (quick ? 60 : 200));
const jsonOut = arg('--json');
const LIMIT_MB = 90;
const GROWTH = 0.05;
const PROMPT = 'MEMBENCH$ ';

// What the model answers, in turn: commands that reach different parts of the risk gate, the
// dry run and the flag help.
const COMMANDS = [
  'ls -S *.log | head -n 1',
  'rm -f *.log',
  'find . -name "*.txt" -mtime -1',
  "sed -i 's/foo/bar/g' notes.txt",
  'tar czf backup.tgz src',
  'grep -rn TODO src',
  'git status --short',
  'du -sh * | sort -h',
  'curl -fsSL https://example.com -o page.html',
  'chmod -R go-w src',
  'wc -l notes.txt big.log',
  'mv notes.txt notes.old',
  'cp -r src src.bak',
  'mkdir -p build/out && touch build/out/stamp',
  'xargs -a list.txt rm -f',
  'awk \'{print $1}\' big.log | sort | uniq -c | sort -rn | head',
];
const PHRASES = [
  'show me the biggest log file here',
  'delete the log files',
  'find the text files changed today',
  'replace foo with bar in the notes',
  'make a backup archive of the sources',
  'list the todo comments in the sources',
  'what changed in this repository',
  'how much space does each folder use',
  'download the example page',
  'take away write permission for others on the sources',
  'count the lines of the notes and the log',
  'rename the notes to notes old',
  'copy the sources to a backup folder',
  'make a build folder with a stamp file',
  'remove every file named in the list',
  'count the most frequent first words in the log',
];
// Every fifth request repeats the text of four requests before (a cache hit); the rest are new texts.
const requestText = (i) => (i % 5 === 4 ? requestText(i - 4) : `${PHRASES[i % PHRASES.length]} number ${i}`);

const planJson = (command) => JSON.stringify({ command, explanation: `runs ${command}`, parts: [], assumptions: [], needs_network: false, needs_root: false, confidence: 0.9 });

// A server speaking the part of Ollama's protocol nl-sh uses: version, tags, and chat (one
// JSON body or a stream of NDJSON lines), each chat answered with the next command in turn.
async function startModelServer() {
  let turn = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const json = (v) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(v));
      if (req.url?.startsWith('/api/version')) return json({ version: '0.12.0' });
      if (req.url?.startsWith('/api/tags')) return json({ models: [{ name: 'small:latest', model: 'small:latest', modified_at: '2025-01-01T00:00:00Z', size: 1, digest: 'sha256:0', details: {} }] });
      if (!req.url?.startsWith('/api/chat')) return res.writeHead(404).end();
      const stream = (() => { try { return JSON.parse(body).stream !== false; } catch { return true; } })();
      const content = planJson(COMMANDS[turn++ % COMMANDS.length]);
      const done = { model: 'small', created_at: new Date().toISOString(), done: true, done_reason: 'stop', prompt_eval_count: 11, eval_count: 7, total_duration: 1e6 };
      if (!stream) return json({ ...done, message: { role: 'assistant', content } });
      res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
      res.write(JSON.stringify({ model: 'small', created_at: done.created_at, message: { role: 'assistant', content }, done: false }) + '\n');
      res.end(JSON.stringify({ ...done, message: { role: 'assistant', content: '' } }) + '\n');
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

// A home with a prompt, a config whose one tier is the local server, and files to act on.
function makeHome(url) {
  const home = mkdtempSync(join(tmpdir(), 'nlsh-mem-bench-'));
  const files = {
    '.bashrc': `PS1='${PROMPT}'\nHISTSIZE=1000\n`,
    '.config/nl-sh/config.toml': `[[tiers]]\nname = "small"\nbackend = "ollama"\nmodel = "small"\nhost = "${url}"\n`,
    'big.log': 'alpha beta\n'.repeat(500),
    'small.log': 'gamma\n',
    'notes.txt': 'foo and foo\n',
    'list.txt': 'small.log\n',
    'src/a.ts': '// TODO one\n',
    'src/b.ts': 'export {};\n',
  };
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(home, rel, '..'), { recursive: true });
    writeFileSync(join(home, rel), content);
  }
  mkdirSync(join(home, '.run'), { mode: 0o700 });
  return home;
}

// nl-sh in a pty; `since(mark)` is the text (escape sequences removed) written after `mark`.
function startShell(home) {
  const env = { PATH: process.env.PATH, HOME: home, TERM: 'xterm-256color', LANG: 'C.UTF-8', USER: process.env.USER ?? 'root', HISTFILE: join(home, '.bash_history'), XDG_RUNTIME_DIR: join(home, '.run'), AWS_EC2_METADATA_DISABLED: 'true' };
  const pty = spawn(process.env.NLSH_BENCH_BIN || join(root, 'bin', 'nl-sh'), [], { name: 'xterm-256color', cols: 200, rows: 50, cwd: home, env, encoding: null });
  const s = { pty, out: '', waiters: [] };
  pty.onData((d) => {
    s.out += d.toString('utf8');
    for (const w of s.waiters.splice(0)) if (!w()) s.waiters.push(w);
  });
  return s;
}
const plain = (text) => text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\r/g, '');
const mark = (s) => s.out.length;
const waitSince = (s, from, pattern, ms = 30_000) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timeout waiting for ${pattern}; output: ${JSON.stringify(plain(s.out.slice(from)).slice(-600))}`)), ms);
    const w = () => (pattern.test(plain(s.out.slice(from))) ? (clearTimeout(timer), resolve(), true) : false);
    if (!w()) s.waiters.push(w);
  });

// The node process running nl-sh: the pty's child once the launcher has exec'd node.
function nodePid(pid) {
  const exe = readlinkSync(`/proc/${pid}/exe`);
  if (!/\/node$/.test(exe)) throw new Error(`pid ${pid} runs ${exe}, not node`);
  return pid;
}
function rssMb(pid) {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
// RSS once the process is idle: after a short pause, so the last request's work has finished.
const settledRss = async (pid) => (await pause(1500), rssMb(pid));

const MENU = /\[n\] cancel\s+\(Enter: (run|cancel)\)/;
const promptWith = (text) => new RegExp(`${PROMPT.replace('$', '\\$')}${text}\\s*$`);

// One request: type it, wait for the preview, cancel, wait for the line to come back, clear it.
async function oneRequest(s, text) {
  let m = mark(s);
  s.pty.write(`${text}\r`);
  await waitSince(s, m, MENU);
  m = mark(s);
  s.pty.write('n');
  await waitSince(s, m, promptWith(text));
  s.pty.write('\x15');
}

const { server, url } = await startModelServer();
const home = makeHome(url);
const s = startShell(home);
const results = {};
try {
  await waitSince(s, 0, promptWith(''));
  const pid = nodePid(s.pty.pid);
  results.firstPromptMb = await settledRss(pid);
  let busyMs = 0;
  const timed = async (i) => {
    const t0 = performance.now();
    await oneRequest(s, requestText(i));
    busyMs += performance.now() - t0;
  };
  await timed(0);
  results.after1Mb = await settledRss(pid);
  for (let i = 1; i < requests; i++) {
    await timed(i);
    if (i % 50 === 0) process.stderr.write(`request ${i}/${requests}: ${rssMb(pid).toFixed(1)} MB\n`);
  }
  results[`after${requests}Mb`] = await settledRss(pid);
  results.msPerRequest = busyMs / requests;
} finally {
  s.pty.write('exit\r');
  await Promise.race([new Promise((r) => s.pty.onExit(r)), pause(3000)]);
  server.close();
  rmSync(home, { recursive: true, force: true });
}

const last = results[`after${requests}Mb`];
const ratio = last / results.after1Mb;
console.log('| nl-sh node process | RSS (MB) |');
console.log('|---|---:|');
console.log(`| at the first prompt | ${results.firstPromptMb.toFixed(1)} |`);
console.log(`| after 1 request | ${results.after1Mb.toFixed(1)} |`);
console.log(`| after ${requests} requests | ${last.toFixed(1)} |`);
console.log(`\nratio after ${requests} / after 1: ${ratio.toFixed(3)}; ${results.msPerRequest.toFixed(0)} ms per request (preview and cancel)`);
const checks = [
  [`after 1 request <= ${LIMIT_MB} MB`, results.after1Mb <= LIMIT_MB],
  [`after ${requests} requests <= ${LIMIT_MB} MB`, last <= LIMIT_MB],
  [`growth from 1 to ${requests} requests <= ${GROWTH * 100}%`, ratio <= 1 + GROWTH],
];
console.log('');
for (const [label, ok] of checks) console.log(`${ok ? 'ok  ' : 'MISS'} ${label}`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ requests, results, ratio, checks }, null, 2));
process.exit(checks.every(([, ok]) => ok) ? 0 : 1);
