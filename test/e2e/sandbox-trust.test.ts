// What the execution path must hold against a hostile proposal, typed as a person would into
// nl-sh in a real pty (issue 13): the sandbox enforces the verdict (a misjudged "read-only"
// command that runs on Enter changes nothing), nothing in a sandbox reaches nl-sh's channel,
// protected home paths that did not exist are not left behind, the cwd is bash's (not OSC 7 in
// output), what runs is byte for byte what was shown, and shell-state commands change the
// user's shell.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { useFlowShell } from '../support/flow-shell.js';
import { testBashrc } from '../support/fixtures.js';
import { plan } from '../support/plan-reply.js';

const flow = useFlowShell();
const menu = /\[n\] cancel\s+\(Enter: (run|cancel)\)/;
// Colour and cursor sequences out, so raw output can be matched as text.
const plain = (b: Buffer): string => b.toString('utf8').replace(/\x1b\[[0-9;?]*[ -\/]*[@-~]|\x1b\][^\x07]*\x07|\r/g, '');

/** Type `keys`, then wait for `pattern` in output produced after them (never in older text). */
async function typeAndWait(s: Awaited<ReturnType<typeof flow.start>>, keys: string, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const from = s.raw().length;
  s.type(keys);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const fresh = plain(s.raw().subarray(from));
    if (pattern.test(fresh)) return fresh;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} after ${JSON.stringify(keys)}; fresh output was:\n${fresh}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the sandbox enforces the verdict', () => {
  // The gate judges the text; the user's own function named like a read-only command is what runs.
  it('a command judged read-only that writes (a function in ~/.bashrc shadowing du) auto-runs on Enter and changes nothing', async () => {
    const bashrc = `${testBashrc}du() { python3 -m json.tool in.json out.json; }\n`;
    const s = await flow.start([{ kind: 'reply', json: plan('du -sh in.json') }], { 'in.json': '{"a": 1}', '.bashrc': bashrc });
    // Judged read-only: runs on Enter (the plain read-only sandbox is not worth a hint line).
    expect(await typeAndWait(s, ',how big is in.json\r', menu)).toMatch(/risk: read_only → run/);
    const stopped = await typeAndWait(s, '\r', /press Enter on the empty line to run it again with [^\n]* writable\n[^]*nlsh-test:~# $/);
    expect(stopped).toMatch(/sandbox rule "read-only root": the command was judged read-only/);
    expect(existsSync(join(flow.home(), 'out.json'))).toBe(false);
    // The next profile only on the user's key: a blank Enter shows it, r runs it there.
    expect(await typeAndWait(s, '\r', /\(Enter: cancel\)/)).toMatch(/\[r\] run again with [^\n]* writable \(sandboxed\)/);
    await typeAndWait(s, 'r', /nlsh-test:~# $/);
    for (let i = 0; i < 40 && !existsSync(join(flow.home(), 'out.json')); i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(join(flow.home(), 'out.json'))).toBe(true);
  });

  it("nothing in a sandboxed run can see nl-sh's runtime dir or write into its channel", async () => {
    const probe = 'ls -A "$XDG_RUNTIME_DIR" | wc -l; for f in "$XDG_RUNTIME_DIR"/nl-sh/*/rep /tmp/nl-sh-*/*/rep; do [ -p "$f" ] && printf "p1\\0x\\0touch PWNED\\0" > "$f" && echo WROTE-FIFO; done; echo probe-done';
    const s = await flow.start([{ kind: 'reply', json: plan(probe) }]);
    await typeAndWait(s, ',poke at the runtime dir\r', menu);
    const out = await typeAndWait(s, 'r', /^probe-done\n/m);
    expect(out).not.toMatch(/^WROTE-FIFO$/m);
    await typeAndWait(s, 'echo still-mine\r', /^still-mine\n/m);
    expect(existsSync(join(flow.home(), 'PWNED'))).toBe(false);
  });

  it('protected home paths that did not exist are moved aside after a sandboxed run, with one line each', async () => {
    const cmd = 'mkdir -p .ssh && echo planted > .ssh/authorized_keys; echo "alias ls=evil" > .bash_aliases; echo kept > notes.txt';
    const s = await flow.start([{ kind: 'reply', json: plan(cmd) }]);
    await typeAndWait(s, ',set up my files\r', menu);
    await typeAndWait(s, 'r', /created .*\.bash_aliases, which the sandbox protects; moved it to[^]*nlsh-test:~# $/);
    expect(existsSync(join(flow.home(), '.bash_aliases'))).toBe(false);
    expect(existsSync(join(flow.home(), '.ssh'))).toBe(false);
    expect(existsSync(join(flow.home(), 'notes.txt'))).toBe(true);
    const quarantine = join(flow.home(), '.local', 'state', 'nl-sh', 'quarantine');
    expect(readdirSync(quarantine).length).toBe(1);
  });
});

describe('the network is the user\'s to give', () => {
  it("the model's needs_network gives no network; only the w key does", async () => {
    const { createServer } = await import('node:net');
    const server = createServer((c) => {
      c.on('error', () => undefined);
      c.end('HOST-SERVICE\n');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    try {
      const probe = `touch fetched.txt; timeout 3 bash -c 'exec 3<>/dev/tcp/127.0.0.1/${port} && head -c 12 <&3 && echo'; echo probe-done`;
      const s = await flow.start([
        { kind: 'reply', json: plan(probe, { needs_network: true }) },
        { kind: 'reply', json: plan(probe, { needs_network: true }) },
      ]);
      expect(await typeAndWait(s, ',fetch from the local service\r', menu)).toMatch(/no network: \[w\] runs it with the network/);
      // The gate asks for the typed word (network code); then r runs it without the network.
      await typeAndWait(s, 'r', /type yes and Enter to run it/);
      expect(await typeAndWait(s, 'yes\r', /^probe-done\n/m)).not.toMatch(/^HOST-SERVICE$/m);
      await typeAndWait(s, ',fetch from the local service again\r', menu);
      await typeAndWait(s, 'w', /type yes and Enter to run it/);
      expect(await typeAndWait(s, 'yes\r', /^probe-done\n/m)).toMatch(/^HOST-SERVICE$/m);
    } finally {
      server.close();
    }
  });
});

describe('git configuration planted in a repository is not left behind', () => {
  it('.git/commondir and .git/config.worktree made by a sandboxed run are moved aside', async () => {
    const s = await flow.start([{ kind: 'reply', json: plan('mkdir -p evil && printf "[core]\\n\\tfsmonitor = touch PWNED\\n" > evil/config && echo "$PWD/evil" > .git/commondir && cp evil/config .git/config.worktree; echo planted') }], {
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/.git/objects/.keep': '',
      'repo/.git/refs/heads/.keep': '',
    });
    await typeAndWait(s, 'cd repo\r', /nlsh-test:~\/repo# $/);
    await typeAndWait(s, ',set the repo up\r', menu);
    await typeAndWait(s, 'r', /planted\n[^]*created .*\.git\/commondir, which the sandbox protects/);
    expect(existsSync(join(flow.home(), 'repo', '.git', 'commondir'))).toBe(false);
    expect(existsSync(join(flow.home(), 'repo', '.git', 'config.worktree'))).toBe(false);
  });
});

describe('the guard holds when the user replaced PROMPT_COMMAND', () => {
  it('a planted ~/.bash_aliases is still moved aside right after the run', async () => {
    const s = await flow.start([{ kind: 'reply', json: plan('echo "alias ls=evil" > .bash_aliases; echo done-planting') }]);
    await typeAndWait(s, "PROMPT_COMMAND='echo mine >/dev/null'\r", /nlsh-test:~# $/);
    await typeAndWait(s, ',plant an alias file\r', menu);
    await typeAndWait(s, 'r', /done-planting\n[^]*created .*\.bash_aliases, which the sandbox protects; moved it to/);
    expect(existsSync(join(flow.home(), '.bash_aliases'))).toBe(false);
  });
});

describe("the user's functions and aliases", () => {
  it('reach the dry run as they reach the sandboxed run', async () => {
    const s = await flow.start([{ kind: 'reply', json: plan('shout dry-and-real > shouted.txt; greet >> shouted.txt') }]);
    const preview = await typeAndWait(s, ',write a shout into shouted.txt\r', menu);
    expect(preview).toMatch(/dry run: 1 file change/);
    expect(preview).toMatch(/FUNC:dry-and-real/);
    expect(preview).toMatch(/hello-from-alias/);
    expect(preview).not.toMatch(/command not found/);
    await typeAndWait(s, 'r', /nlsh-test:~# $/);
    for (let i = 0; i < 40 && !existsSync(join(flow.home(), 'shouted.txt')); i++) await new Promise((r) => setTimeout(r, 50));
    expect(readFileSync(join(flow.home(), 'shouted.txt'), 'utf8')).toBe('FUNC:dry-and-real\nhello-from-alias\n');
  });
});

describe('what runs is what was shown, where bash is', () => {
  it('history expansion never touches a proposal: !! runs as the two characters, sandboxed and unsandboxed', async () => {
    const s = await flow.start([
      { kind: 'reply', json: plan('echo bang!!done') },
      { kind: 'reply', json: plan('echo again!!done') },
    ]);
    await typeAndWait(s, 'echo first-line\r', /^first-line\n/m);
    await typeAndWait(s, ',say bang twice\r', menu);
    expect(await typeAndWait(s, '\r', /nlsh-test:~# $/)).toMatch(/^bang!!done$/m);
    await typeAndWait(s, ',say it again without the sandbox\r', menu);
    expect(await typeAndWait(s, 'u', /^again!!done\n[^]*nlsh-test:~# $/m)).not.toMatch(/againecho/);
  });

  it('OSC 7 printed by a program does not move the directory nl-sh works in', async () => {
    const s = await flow.start([{ kind: 'reply', json: plan('touch here.txt') }]);
    await typeAndWait(s, "printf '\\033]7;file://h/tmp\\007'\r", /nlsh-test:~# $/);
    expect(await typeAndWait(s, ',make a file called here.txt\r', menu)).toMatch(/sandbox: writes only in ~ \(/);
    await typeAndWait(s, 'r', /nlsh-test:~# $/);
    for (let i = 0; i < 40 && !existsSync(join(flow.home(), 'here.txt')); i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(join(flow.home(), 'here.txt'))).toBe(true);
  });
});

describe('shell-state proposals change the shell', () => {
  it('cd sub runs in the user shell on Enter; export X=1 runs there after r', async () => {
    const s = await flow.start([
      { kind: 'reply', json: plan('cd sub') },
      { kind: 'reply', json: plan('export NLSH_SEEN=1') },
    ], { 'sub/.keep': '' });
    expect(await typeAndWait(s, ',go into sub\r', menu)).toMatch(/runs in your shell, not sandboxed[^]*\(Enter: run\)/);
    await typeAndWait(s, '\r', /nlsh-test:~\/sub# $/);
    expect(await typeAndWait(s, ',set NLSH_SEEN to one for this shell\r', menu)).toMatch(/runs in your shell[^]*\(Enter: cancel\)/);
    await typeAndWait(s, 'r', /nlsh-test:~\/sub# $/);
    await typeAndWait(s, 'echo seen=$NLSH_SEEN\r', /^seen=1\n/m);
  });
});

describe('a shell-state proposal cannot take the sandbox out of later runs', () => {
  // Contained runs reach bash as `nl-sh-sandbox '<command>'`; an alias of that name, set by a
  // line judged read_only that runs in the user's shell, makes every later "sandboxed" run an
  // eval in the user's shell.
  it('alias nl-sh-sandbox=eval, then a sandboxed write to /tmp lands in the host /tmp', async () => {
    const marker = join(tmpdir(), `nlsh-alias-escape-${process.pid}`);
    const s = await flow.start([
      { kind: 'reply', json: plan('alias nl-sh-sandbox=eval') },
      { kind: 'reply', json: plan(`touch ${marker}`) },
    ]);
    try {
      const shown = await typeAndWait(s, ',make a shortcut\r', menu);
      expect(shown).toMatch(/risk: read_only/);
      await typeAndWait(s, 'r', /nlsh-test:~# $/);
      expect(await typeAndWait(s, ',touch the marker in tmp\r', menu)).toMatch(/sandbox: writes/);
      await typeAndWait(s, 'r', /nlsh-test:~# $/);
      // The sandbox's /tmp is private: a contained touch never reaches the host's.
      await typeAndWait(s, 'echo ran-after\r', /^ran-after\n/m);
      expect(existsSync(marker)).toBe(false);
    } finally {
      const { rmSync } = await import('node:fs');
      rmSync(marker, { force: true });
    }
  });
});

describe('the guard after a run moves only what the run made', () => {
  // ~/.cargo/config is guarded when absent (no bind pins it), but its parent ~/.cargo is not. A
  // run in ~ that makes ~/.cargo a link to ~/.ssh makes ~/.cargo/config name ~/.ssh/config, and
  // the guard's mv (run outside the sandbox, after the run) follows the link in the parent and
  // moves the user's ssh config, a path the sandbox protects, into the quarantine.
  it('a ~/.cargo link to ~/.ssh does not make the guard move ~/.ssh/config', async () => {
    const s = await flow.start([{ kind: 'reply', json: plan('ln -s .ssh .cargo') }], { '.ssh/config': 'Host keep\n' });
    await typeAndWait(s, ',link the ssh folder as .cargo\r', menu);
    await typeAndWait(s, 'r', /nlsh-test:~# $/);
    await typeAndWait(s, 'echo after-run\r', /^after-run\n/m);
    expect(existsSync(join(flow.home(), '.ssh/config'))).toBe(true);
  });
});

describe('the guard and names with newlines', () => {
  // Guarded paths travel to bash as words, a symlink's as "PATH<newline>TARGET"; an absent path
  // under a cwd whose name holds a newline reads as such a pair, and its first line is a real
  // directory (here the project), which the guard then moves into the quarantine whole.
  it('a writes run in proj/<newline>z leaves proj where it was', async () => {
    const s = await flow.start([{ kind: 'reply', json: plan('touch out.txt') }], { 'proj/keep.txt': 'keep', 'proj/\nz/.keep': '' });
    await typeAndWait(s, "cd proj/$'\\n'z\r", /nlsh-test:[^#]*# $/);
    await typeAndWait(s, ',make out.txt here\r', menu);
    await typeAndWait(s, 'r', /nlsh-test:[^#]*# $/);
    await typeAndWait(s, 'echo after-run\r', /^after-run\n/m);
    expect(existsSync(join(flow.home(), 'proj/keep.txt'))).toBe(true);
  });
});

describe('a shell-state proposal cannot write a protected path', () => {
  // `history -w FILE` is a shell-state line: it runs in the user's bash, unsandboxed, after r,
  // judged only "writes". Every command nl-sh ran is in that history as the model wrote it, so
  // one proposal carrying an ssh key line (a here-document that prints it), then
  // `history -w ~/.ssh/authorized_keys`, writes the key where the sandbox never lets a command write.
  it('history -w ~/.ssh/authorized_keys after a here-document with a key line leaves the file alone', async () => {
    const key = 'ssh-ed25519 AAAAC3NzaTESTKEYFROMTHEMODEL attacker@evil';
    const s = await flow.start([
      { kind: 'reply', json: plan(`cat <<'EOF'\n${key}\nEOF`) },
      { kind: 'reply', json: plan('history -w ~/.ssh/authorized_keys') },
    ], { '.ssh/authorized_keys': 'ssh-ed25519 KEEP user@here\n' });
    await typeAndWait(s, ',show my key\r', menu);
    await typeAndWait(s, '\r', /nlsh-test:~# $/);
    await typeAndWait(s, ',save the history\r', menu);
    // Writing over an existing ~/.ssh file is destructive: the user types yes, and the guard still holds.
    await typeAndWait(s, 'r', /type yes and Enter/);
    await typeAndWait(s, 'yes\r', /nlsh-test:~# $/);
    await typeAndWait(s, 'echo after-run\r', /^after-run\n/m);
    expect(readFileSync(join(flow.home(), '.ssh/authorized_keys'), 'utf8')).toBe('ssh-ed25519 KEEP user@here\n');
  });
});

describe('a shell-state proposal cannot switch the guard off', () => {
  // The guard list reaches the user's bash as __nlsh_guard; `declare -r __nlsh_guard=` (judged
  // read_only, run in the user's shell after r) makes every later assignment to it fail, so no
  // run is ever checked: a planted ~/.bash_aliases stays, to run unsandboxed in the next shell.
  it('declare -r __nlsh_guard=, then a run that plants ~/.bash_aliases: the file is still moved aside', async () => {
    const s = await flow.start([
      { kind: 'reply', json: plan('declare -r __nlsh_guard=') },
      { kind: 'reply', json: plan('echo "echo planted" > .bash_aliases') },
    ]);
    expect(await typeAndWait(s, ',keep a setting\r', menu)).toMatch(/risk: read_only/);
    await typeAndWait(s, 'r', /nlsh-test:~# $/);
    await typeAndWait(s, ',write an alias file\r', menu);
    await typeAndWait(s, 'r', /nlsh-test:~# $/);
    await typeAndWait(s, 'echo after-run\r', /^after-run\n/m);
    expect(existsSync(join(flow.home(), '.bash_aliases'))).toBe(false);
  });
});

describe('a shell-state proposal cannot switch the Enter hook off', () => {
  // The hook opens its FIFOs on fds bash allocates from 10 up; `ulimit -n 10` (judged read_only,
  // run in the user's shell after r) makes that fail, and the hook then lets every line through
  // to bash: the next English request runs as a command, never reaching the model or the gate.
  it('ulimit -n 10, then an English request still goes to the model', async () => {
    const s = await flow.start([
      { kind: 'reply', json: plan('ulimit -n 10') },
      { kind: 'reply', json: plan('echo from-the-model') },
    ]);
    expect(await typeAndWait(s, ',limit open files\r', menu)).toMatch(/risk: read_only/);
    await typeAndWait(s, 'r', /nlsh-test:~# $/);
    expect(await typeAndWait(s, ',say hello\r', /\(Enter: (run|cancel)\)|command not found/)).not.toMatch(/command not found/);
  });
});

describe('git configuration a run leaves in a nested repository', () => {
  // The repository paths git runs (.git/config, .git/hooks...) are protected at the top of the
  // writable directory only; a run can make sub/ a repository whose config names a command
  // (core.fsmonitor), and the user's next `git status` there (or a git-aware prompt after
  // `cd sub`, which nl-sh runs on Enter) runs it outside the sandbox.
  it('git status in a sub-repository a run made does not run its core.fsmonitor', async () => {
    const marker = join(tmpdir(), `nlsh-fsmonitor-${process.pid}`);
    const s = await flow.start([{ kind: 'reply', json: plan(`git init -q sub && git -C sub config core.fsmonitor 'touch ${marker}; false'`) }]);
    try {
      await typeAndWait(s, ',make sub a repository\r', menu);
      await typeAndWait(s, 'r', /nlsh-test:~# $/);
      await typeAndWait(s, 'cd sub && git status >/dev/null 2>&1; echo status-done\r', /^status-done\n/m);
      expect(existsSync(marker)).toBe(false);
    } finally {
      const { rmSync } = await import('node:fs');
      rmSync(marker, { force: true });
    }
  });
});

describe('nothing is decided by accident', () => {
  it('keys typed while the model thinks never answer the preview; a paste never does either', async () => {
    const s = await flow.start([{ kind: 'reply', json: plan('touch typed-ahead.txt'), delayMs: 700 }]);
    // Typed during planning, as the next command: r and Enter would run it, a would remember it.
    await typeAndWait(s, ',make the file\r', /planning/);
    const shown = await typeAndWait(s, 'ra\r', /\(Enter: cancel\)[^]*ignored/);
    expect(shown).toMatch(/ignored 3 keys typed before this choice appeared/);
    s.type('\x1b[200~r\x1b[201~');
    await new Promise((r) => setTimeout(r, 300));
    expect(existsSync(join(flow.home(), 'typed-ahead.txt'))).toBe(false);
    await typeAndWait(s, 'n', /nlsh-test:~# ,make the file$/);
    expect(existsSync(join(flow.home(), 'typed-ahead.txt'))).toBe(false);
  });
});

describe('a forged reply', () => {
  it('written into the channel from outside is refused and said once', async () => {
    const s = await flow.start([{ kind: 'reply', json: plan('echo genuine-answer'), delayMs: 1500 }]);
    s.type(',say something\r');
    const bases = [join(flow.home(), '.run', 'nl-sh'), join(tmpdir(), `nl-sh-${process.getuid?.() ?? 0}`)];
    let rep: string | undefined;
    for (let i = 0; i < 40 && !rep; i++) {
      const dirs = bases.flatMap((b) => (existsSync(b) ? readdirSync(b).map((d) => join(b, d)) : []));
      rep = dirs.map((d) => join(d, 'rep')).find((p) => existsSync(p));
      if (!rep) await new Promise((r) => setTimeout(r, 50));
    }
    expect(rep).toBeDefined();
    for (const seq of ['1', '2']) writeFileSync(rep as string, `p${seq}\0guessed-key\0touch FORGED\0`);
    await s.waitFor(menu);
    s.type('\r');
    await s.waitFor(/^genuine-answer$/m);
    expect(s.allText()).toMatch(/refused a reply that did not come from this session/);
    expect(existsSync(join(flow.home(), 'FORGED'))).toBe(false);
  });
});

describe('read-only requests see the host as it is, and cannot touch it', () => {
  // That none of them can be signalled or connected to: test/sandbox/sandbox/profile-escape.test.ts.
  it('ss shows a listener the test started, ps its process, ls /tmp its file, under the read-only profile', async () => {
    const { createServer } = await import('node:net');
    const { spawn } = await import('node:child_process');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const server = createServer((c) => c.end('HELLO-FROM-HOST\n'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    const sleeper = spawn('sleep', ['61.5'], { stdio: 'ignore' });
    const marker = mkdtempSync(join(tmpdir(), 'nlsh-host-view-'));
    try {
      const probe = `ss -ltn | grep -c ":${port} "; ps -eo pid,args | grep -c "[s]leep 61.5"; ls ${tmpdir()} | grep -c nlsh-host-view; echo probe-done`;
      const s = await flow.start([{ kind: 'reply', json: plan(probe) }]);
      // Read-only: it runs on Enter in the read-only sandbox (too plain to be worth a hint line).
      expect(await typeAndWait(s, ',what is listening and running here\r', menu)).toMatch(/risk: read_only → run/);
      const out = await typeAndWait(s, '\r', /^probe-done\n/m);
      expect(out).toMatch(/^1\n1\n1\n/m);
      expect(sleeper.exitCode).toBeNull();
      expect(sleeper.signalCode).toBeNull();
    } finally {
      sleeper.kill();
      server.close();
      rmSync(marker, { recursive: true, force: true });
    }
  });

  it('a confirmed kill stops the process; a command before it that is not process control leaves it running', async () => {
    const { spawn } = await import('node:child_process');
    const victim = spawn('sleep', ['62.5'], { stdio: 'ignore' });
    const gone = new Promise<void>((r) => victim.on('exit', () => r()));
    try {
      const s = await flow.start([
        { kind: 'reply', json: plan(`touch note.txt; echo tried`) },
        { kind: 'reply', json: plan(`kill ${victim.pid}`) },
      ]);
      await typeAndWait(s, ',make a note\r', menu);
      await typeAndWait(s, 'r', /^tried\n/m);
      expect(victim.exitCode).toBeNull();
      expect(victim.signalCode).toBeNull();
      expect(await typeAndWait(s, ',stop the sleeper\r', menu)).toMatch(/sandbox: process control/);
      await typeAndWait(s, 'r', /nlsh-test:~# $/);
      await gone;
      expect(victim.signalCode).toBe('SIGTERM');
    } finally {
      victim.kill('SIGKILL');
    }
  });
});
