// The fault matrix: one table of faults in the user's setup, the machine and the model backends.
// For every row nl-sh still gives a working prompt, a plain command still runs (before and after
// the fault shows), the user sees one clear line about what is degraded (exactly once; on first
// use for faults that only show then), and nothing prints a stack trace. Every fault is real: a
// file on disk, an environment, a PATH without a program, a namespace that forbids user
// namespaces, a local server speaking Ollama's or Bedrock's wire protocol.

import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { accessSync, constants, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { tmpdir } from 'node:os';
import { makeHome, nlshBin, repoRoot, shellEnv, testBashrc, testPrompt } from '../support/fixtures.js';
import { fakeTierConfig } from '../support/flow-shell.js';
import { startFakeOllama, type FakeBehaviour, type FakeOllamaServer } from '../support/fake-ollama-server.js';
import { awsErrors, startFakeBedrockServer } from '../support/fake-bedrock-server.js';
import { plan } from '../support/plan-reply.js';
import { startInPty, type PtyDriver } from '../support/pty-driver.js';
import { availableOrFailInCi } from '../support/require-in-ci.js';

/** What a row's setup may change before nl-sh starts. */
interface Start {
  home: string;
  env: Record<string, string>;
  cols: number;
  /** The program the pty runs (nl-sh, or a wrapper that execs it) and its arguments. */
  file: string;
  args: string[];
  /** A healthy local model: every chat gets a plan for `ls`, unless the row says otherwise. */
  ollama: FakeOllamaServer;
  /** A fresh directory, removed after the row. */
  scratch(): string;
  /** Write (or, with undefined, remove) ~/.config/nl-sh/config.toml. */
  config(toml: string | undefined): void;
  onCleanup(fn: () => void | Promise<void>): void;
}

/** One fault. */
interface Row {
  fault: string;
  /** Whether the tools the row needs exist here (skips with a message; fails in CI). */
  needs?: () => boolean;
  /** Replies of the local model (default: a plan for `ls` to every chat). */
  chat?: FakeBehaviour[];
  setup?: (s: Start) => void | Promise<void>;
  /** How the fault shows: at start (default), on a request, or on a request run with `r`. */
  trigger?: 'request' | 'run';
  /** The one clear line, or null where nothing is degraded (then no nl-sh line may show at all). */
  expect: RegExp | null;
  /** A row-specific check once the shell is up (e.g. the fault really is in place). */
  check?: (sh: PtyDriver, s: Start) => Promise<void>;
  /** A row-specific check at the end. */
  after?: (sh: PtyDriver, s: Start) => Promise<void>;
}

const request = 'list the files here please';
const menu = /\[n\] cancel\s+\(Enter: (run|cancel)\)/;
const anyNlshLine = /^nl-sh: /m;
const stackTrace = /^ {4}at |^\s*(?:[A-Z]\w*)?Error: |node:internal/m;
const bedrockTier = (endpoint: string) => `privacy = "cloud-allowed"\n[[tiers]]\nname = "cloud"\nbackend = "bedrock"\nmodel = "anthropic.claude-test"\nregion = "us-east-1"\nendpoint = "${endpoint}"\n`;
const hasBwrap = (): boolean => spawnSync('bwrap', ['--version']).status === 0;
const hasUnshare = (): boolean => spawnSync('unshare', ['--version']).status === 0;
const asRoot = process.getuid?.() === 0;

/** A directory with a link to every program on PATH except `omit`: PATH without one program. */
function pathWithout(dir: string, omit: string): string {
  for (const d of (process.env.PATH ?? '').split(delimiter)) {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      continue;
    }
    for (const name of names) {
      const target = join(d, name);
      if (name === omit || existsSync(join(dir, name))) continue;
      try {
        if (!statSync(target).isFile()) continue;
        accessSync(target, constants.X_OK);
        symlinkSync(target, join(dir, name));
      } catch {
        // not a program
      }
    }
  }
  return dir;
}

/** An install of nl-sh (its own launcher, dist and share) whose tree-sitter-bash has no grammar. */
function installWithoutGrammar(dir: string): string {
  for (const part of ['bin', 'dist', 'share', 'package.json']) cpSync(join(repoRoot, part), join(dir, part), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(repoRoot, 'node_modules'))) {
    if (name !== 'tree-sitter-bash') symlinkSync(join(repoRoot, 'node_modules', name), join(dir, 'node_modules', name));
  }
  // The package is there; its grammar is not.
  mkdirSync(join(dir, 'node_modules', 'tree-sitter-bash'));
  cpSync(join(repoRoot, 'node_modules', 'tree-sitter-bash', 'package.json'), join(dir, 'node_modules', 'tree-sitter-bash', 'package.json'));
  return join(dir, 'bin', 'nl-sh');
}

const rows: Row[] = [
  {
    fault: 'config unreadable (config.toml is a directory: EISDIR, unreadable even as root)',
    setup: (s) => {
      s.config(undefined);
      mkdirSync(join(s.home, '.config/nl-sh/config.toml'));
    },
    expect: /^nl-sh: .*config\.toml: not a regular file \(a directory\); using defaults$/m,
  },
  {
    fault: 'config invalid TOML',
    setup: (s) => s.config('this is = = not toml [[[\n'),
    expect: /^nl-sh: .*config\.toml:1:6: not valid TOML: .*; using defaults$/m,
  },
  {
    fault: 'config wrong type: capture_bytes = "big"',
    setup: (s) => s.config(`capture_bytes = "big"\n${fakeTierConfig(s.ollama.url)}`),
    expect: /^nl-sh: .*config\.toml:1: capture_bytes: expected a whole number of bytes .*, found "big"; using \d+$/m,
  },
  {
    fault: 'config wrong type: [[tiers]] backend = 3',
    setup: (s) => s.config('[[tiers]]\nname = "small"\nbackend = 3\nmodel = "small"\n'),
    expect: /^nl-sh: .*config\.toml:3: tiers\[0\]\.backend: expected "ollama", "bedrock", "embedded" or "replay", found 3; using the default tier$/m,
  },
  {
    fault: 'HOME read-only (bind-mounted read-only in a mount namespace; works as root too)',
    needs: hasUnshare,
    setup: (s) => {
      s.args = [...(asRoot ? ['-m'] : ['-r', '-m']), '--propagation', 'private', 'sh', '-c', 'mount --bind -o ro "$HOME" "$HOME" && exec "$0"', nlshBin];
      s.file = 'unshare';
    },
    trigger: 'run',
    expect: /^nl-sh: cannot write the request history .*history\.jsonl \(read-only file system\); requests still work but are not recorded$/m,
    check: async (sh) => {
      sh.type('touch ~/probe 2>/dev/null || echo home-is-read-only\r');
      await sh.waitFor(/^home-is-read-only$/m);
    },
  },
  {
    fault: asRoot ? 'state dir cannot be created (XDG_STATE_HOME under a regular file: ENOTDIR; root bypasses chmod)' : 'HOME read-only (chmod 0555 after .bashrc)',
    setup: (s) => {
      if (asRoot) {
        writeFileSync(join(s.home, 'not-a-dir'), '');
        s.env.XDG_STATE_HOME = join(s.home, 'not-a-dir', 'state');
      } else {
        s.env.XDG_RUNTIME_DIR = s.scratch();
        spawnSync('chmod', ['0555', s.home]);
        s.onCleanup(() => void spawnSync('chmod', ['0755', s.home]));
      }
    },
    trigger: 'run',
    expect: /^nl-sh: cannot write the request history .*history\.jsonl \((not a directory|permission denied)\); requests still work but are not recorded: check that path's owner and permissions$/m,
  },
  {
    fault: 'XDG dirs missing (config, state, cache and runtime dirs do not exist yet)',
    setup: (s) => {
      const gone = join(s.scratch(), 'gone');
      s.config(undefined);
      Object.assign(s.env, {
        XDG_CONFIG_HOME: join(gone, 'config'),
        XDG_STATE_HOME: join(gone, 'state'),
        XDG_CACHE_HOME: join(gone, 'cache'),
        XDG_RUNTIME_DIR: join(gone, 'run'),
        OLLAMA_HOST: s.ollama.url,
      });
    },
    trigger: 'run',
    expect: null,
    after: async (sh, s) => {
      // nl-sh created its state directory and recorded the request there.
      const history = join(s.env.XDG_STATE_HOME!, 'nl-sh', 'history.jsonl');
      for (let i = 0; i < 100 && !existsSync(history); i++) await new Promise((r) => setTimeout(r, 50));
      expect(existsSync(history), sh.logicalText()).toBe(true);
    },
  },
  {
    fault: 'state disk full (history.jsonl and audit.jsonl are /dev/full: ENOSPC)',
    setup: (s) => {
      mkdirSync(join(s.home, '.local/state/nl-sh'), { recursive: true });
      symlinkSync('/dev/full', join(s.home, '.local/state/nl-sh/history.jsonl'));
      symlinkSync('/dev/full', join(s.home, '.local/state/nl-sh/audit.jsonl'));
    },
    trigger: 'run',
    expect: /^nl-sh: cannot write the request history .*history\.jsonl \(no space left on device\); requests still work but are not recorded: free some space on that disk$/m,
  },
  {
    fault: 'audit log unwritable on its own (audit.jsonl is /dev/full: ENOSPC)',
    setup: (s) => {
      mkdirSync(join(s.home, '.local/state/nl-sh'), { recursive: true });
      symlinkSync('/dev/full', join(s.home, '.local/state/nl-sh/audit.jsonl'));
    },
    trigger: 'run',
    expect: /^nl-sh: cannot write the audit log .*audit\.jsonl \(no space left on device\); requests still work but are not recorded: free some space on that disk$/m,
  },
  {
    fault: 'Ollama down (nothing listens on the configured port)',
    setup: (s) => s.config(fakeTierConfig('http://127.0.0.1:47')),
    trigger: 'request',
    // Tiers are configured, so the line is the cause, not "set a model up".
    expect: /^nl-sh: no model tier could answer: small: unavailable \(Ollama is not running at http:\/\/127\.0\.0\.1:47; start it with `ollama serve`/m,
  },
  {
    fault: 'Ollama slow (never answers; timeout_ms = 1500)',
    chat: [{ kind: 'hang' }, { kind: 'hang' }],
    setup: (s) => s.config(`${fakeTierConfig(s.ollama.url)}timeout_ms = 1500\n`),
    trigger: 'request',
    expect: /^nl-sh: no model tier could answer: small: timeout \(Ollama did not answer within 1500 ms; /m,
  },
  {
    fault: 'Ollama returns 500',
    chat: [
      { kind: 'error', status: 500, error: 'boom' },
      { kind: 'error', status: 500, error: 'boom' },
    ],
    trigger: 'request',
    expect: /^nl-sh: no model tier could answer: small: error \(Ollama answered HTTP 500: boom; check the Ollama server log\)\. The line did not run; `nl-sh --doctor` checks each tier\.$/m,
  },
  {
    fault: 'Ollama returns garbage (HTTP 200, not JSON)',
    chat: [{ kind: 'garbage' }, { kind: 'garbage' }],
    trigger: 'request',
    expect: /^nl-sh: no model tier could answer: small: error \(Ollama sent a reply that is not JSON: <html>this is not JSON<\/html>; /m,
  },
  {
    fault: 'Bedrock credentials missing (cloud-allowed, no AWS env or files)',
    setup: async (s) => {
      const bedrock = await startFakeBedrockServer();
      s.onCleanup(() => bedrock.close());
      s.config(bedrockTier(bedrock.url));
      Object.assign(s.env, { AWS_CONFIG_FILE: join(s.home, 'no-aws-config'), AWS_SHARED_CREDENTIALS_FILE: join(s.home, 'no-aws-credentials'), AWS_REGION: 'us-east-1' });
    },
    trigger: 'request',
    // Tiers are configured, so the line is the cause, not "set a model up".
    expect: /^nl-sh: no model tier could answer: cloud: unavailable \(no AWS credentials found/m,
  },
  {
    fault: 'Bedrock credentials expired (ExpiredTokenException)',
    setup: async (s) => {
      const bedrock = await startFakeBedrockServer({ fallback: awsErrors.expiredToken });
      s.onCleanup(() => bedrock.close());
      s.config(bedrockTier(bedrock.url));
      Object.assign(s.env, { AWS_ACCESS_KEY_ID: 'AKIDFAKEFORTESTS0000', AWS_SECRET_ACCESS_KEY: 'fake/secret/for/tests', AWS_SESSION_TOKEN: 'expired-session-token', AWS_REGION: 'us-east-1' });
    },
    trigger: 'request',
    expect: /^nl-sh: no model tier could answer: cloud: unavailable \(the AWS credentials have expired \(ExpiredTokenException/m,
  },
  {
    fault: 'bwrap missing (PATH has every program but bwrap)',
    setup: (s) => {
      s.env.PATH = pathWithout(s.scratch(), 'bwrap');
    },
    trigger: 'run',
    expect: /^ {2}the sandbox cannot run here: cannot sandbox this command: bubblewrap \(bwrap\) is not installed$/m,
    check: async (sh) => {
      sh.type('type bwrap >/dev/null 2>&1 || echo no-bwrap-here\r');
      await sh.waitFor(/^no-bwrap-here$/m);
    },
  },
  {
    fault: 'user namespaces blocked (nl-sh inside bwrap --disable-userns)',
    needs: hasBwrap,
    setup: (s) => {
      s.file = 'bwrap';
      s.args = ['--dev-bind', '/', '/', '--unshare-user', '--disable-userns', '--', nlshBin];
    },
    trigger: 'run',
    expect: /^ {2}the sandbox cannot run here: cannot sandbox this command: unprivileged user namespaces are blocked, so bwrap cannot start$/m,
    check: async (sh) => {
      sh.type('unshare -U true 2>/dev/null || echo userns-blocked\r');
      await sh.waitFor(/^userns-blocked$/m);
    },
  },
  {
    fault: 'tree-sitter grammar missing (an install whose tree-sitter-bash has no .wasm)',
    setup: (s) => {
      s.file = installWithoutGrammar(s.scratch());
    },
    trigger: 'request',
    expect: /^nl-sh: the bash parser did not load \(Cannot find module 'tree-sitter-bash\/tree-sitter-bash\.wasm'\); routing uses simpler checks$/m,
    after: async (sh) => {
      // Requests need the parser (the risk gate): the line is given back, saying why.
      expect(sh.logicalText()).toMatch(/^nl-sh: requests need the bash parser, which did not load \(.*\); the line was left for you to edit$/m);
    },
  },
  {
    fault: 'TERM unset',
    // node-pty sets TERM from the pty's name, so env(1) takes it away.
    setup: (s) => {
      s.file = 'env';
      s.args = ['-u', 'TERM', nlshBin];
    },
    trigger: 'run',
    expect: null,
  },
  {
    fault: 'TERM=dumb (by design plain bash, no line: a request goes to bash as typed)',
    setup: (s) => {
      s.file = 'env';
      s.args = ['TERM=dumb', nlshBin];
    },
    expect: null,
    check: async (sh) => {
      sh.type(`${request}\r`);
      await sh.waitFor(/list: command not found$/m);
    },
  },
  {
    fault: 'terminal 20 columns wide (prompt, command and a request preview)',
    setup: (s) => {
      s.cols = 20;
    },
    trigger: 'run',
    expect: null,
  },
  {
    fault: 'non-UTF-8 locale (LANG=C, LC_ALL=C)',
    setup: (s) => Object.assign(s.env, { LANG: 'C', LC_ALL: 'C' }),
    trigger: 'run',
    expect: null,
  },
  {
    fault: 'non-UTF-8 locale (LANG=de_DE.ISO-8859-1, not installed)',
    setup: (s) => Object.assign(s.env, { LANG: 'de_DE.ISO-8859-1', LC_ALL: 'de_DE.ISO-8859-1' }),
    trigger: 'run',
    expect: null,
  },
];

const cleanups: (() => void | Promise<void>)[] = [];
let sh: PtyDriver | undefined;
afterEach(async () => {
  sh?.kill();
  sh = undefined;
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** How often `pattern` matches in `text`. */
const count = (text: string, pattern: RegExp): number => text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))?.length ?? 0;

/** Wait until the screen, wrapped rows joined, matches `pattern`. */
async function waitLogical(driver: PtyDriver, pattern: RegExp, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(driver.logicalText())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; screen was:\n${driver.logicalText().split('\n').slice(-40).join('\n')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A plain command runs and prints its result. */
async function plainCommandWorks(driver: PtyDriver, n: number): Promise<void> {
  driver.type(`echo ok-$((6*${n}))\r`);
  await waitLogical(driver, new RegExp(`^ok-${6 * n}$`, 'm'), 10_000);
}

describe('fault matrix: a working prompt, plain commands, one clear line, no stack trace', () => {
  it('has at least 15 faults', () => {
    expect(rows.length).toBeGreaterThanOrEqual(15);
  });

  it.each(rows.map((r) => [r.fault, r] as const))('%s', async (_name, row) => {
    if (row.needs && !availableOrFailInCi(row.needs(), `${row.fault}: a tool it needs`)) return;
    const ollama = await startFakeOllama({ script: { models: ['small:latest'], chat: row.chat ?? [], fallback: { kind: 'reply', json: plan('ls') } } });
    cleanups.push(() => ollama.close());
    const h = makeHome({ '.bashrc': testBashrc, '.config/nl-sh/config.toml': fakeTierConfig(ollama.url), 'a-file-here.txt': 'x' });
    cleanups.push(h.cleanup);
    const start: Start = {
      home: h.home,
      env: shellEnv(h.home),
      cols: 200,
      file: nlshBin,
      args: [],
      ollama,
      scratch: () => {
        const dir = mkdtempSync(join(tmpdir(), 'nlsh-fault-'));
        cleanups.push(() => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));
        return dir;
      },
      config: (toml) => {
        const path = join(h.home, '.config/nl-sh/config.toml');
        if (toml === undefined) rmSync(path, { force: true });
        else writeFileSync(path, toml);
      },
      onCleanup: (fn) => void cleanups.push(fn),
    };
    await row.setup?.(start);

    sh = startInPty(start.file, start.args, { env: start.env, cwd: h.home, cols: start.cols });
    // (1) a prompt, (2) a plain command works.
    await sh.waitFor(testPrompt, 15_000);
    await plainCommandWorks(sh, 7);
    await row.check?.(sh, start);

    if (row.trigger) {
      sh.type(`${request}\r`);
      if (row.trigger === 'run') {
        await waitLogical(sh, menu);
        sh.type('r');
        // `ls` ran (contained, or plainly where the sandbox cannot run) and the prompt is back: keys
        // typed while a command runs would be type-ahead, which is not what this row checks.
        await waitLogical(sh, /^a-file-here\.txt\b[^]*\nnlsh-test:~# $/m, 10_000);
      } else {
        await waitLogical(sh, row.expect ?? menu);
      }
    }
    if (row.expect) await waitLogical(sh, row.expect);
    // Back at a prompt (the request may have been given back for editing), a plain command still works.
    sh.type('\x15');
    await plainCommandWorks(sh, 8);
    await new Promise((r) => setTimeout(r, 200)); // late lines would show by now

    const text = sh.logicalText();
    // (3) the one clear line, exactly once (or no line from nl-sh at all where nothing is degraded).
    if (row.expect) expect(count(text, row.expect), text).toBe(1);
    else expect(text, text).not.toMatch(anyNlshLine);
    // (4) no stack trace, no error from node.
    expect(text, text).not.toMatch(stackTrace);
    await row.after?.(sh, start);
  });
});
