// Hostile user plugins: loops, memory bombs, throws, huge or unserialisable answers, reaching for
// Node, the network or files outside cwd. Each is disabled with one line, within a bounded time,
// while a well-behaved plugin loaded beside it keeps answering and the host process lives on.
// Runs in nl-sh's own Node (run-harness.ts); measured times are printed.

import { describe, expect, it } from 'vitest';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { disabledOf, makeWorkspace, playScenario, printTimes, type Report } from './run-harness.js';

const good = `export default {
  name: 'good',
  detect(cwd) { return true; },
  async context({ cwd }) { const text = await readFile('marker.txt'); return { marker: (text ?? 'none').trim(), cwd }; },
  rules() { return [{ program: 'terraform', verbs: ['apply', 'state rm'], level: 'destructive', why: 'changes real infrastructure' }]; },
};`;

const plugin = (name: string, body: string): string => `export default { name: '${name}', ${body} };`;
const goodFacts = (cwd: string): Record<string, string> => ({ 'good marker': 'here', 'good cwd': cwd });
const contextTwice = (cwd: string) => [
  { op: 'context' as const, cwd, budgetMs: 3000 },
  { op: 'context' as const, cwd, budgetMs: 3000 },
];
const factsOf = (report: Report, i: number): { facts: Record<string, string>; omitted: string[] } => report.answers[i]!.answer as { facts: Record<string, string>; omitted: string[] };
const line = (file: string, why: RegExp): RegExp => new RegExp(`^nl-sh: plugin ${file.replace('.', '\\.')}: disabled \\(${why.source}`);

// A memory bomb ends in one of three ways, all contained: isolated-vm's limit, its catastrophic
// out-of-memory handler (the plugin process then ends itself), or V8 aborting the plugin process.
const memoryWhy = /exceeded its 32 MB memory limit|isolated-vm lost control of its isolate: Catastrophic out-of-memory error|crashed the plugin process/;

function expectDisabled(report: Report, file: string, why: RegExp, boundMs = 2000): void {
  const d = disabledOf(report, file);
  expect(d.why).toMatch(why);
  expect(d.msToDisable).toBeLessThan(boundMs);
  expect(report.warns.filter((w) => w.line.includes(`plugin ${file}:`)).map((w) => w.line)).toEqual([expect.stringMatching(line(file, why))]);
}

describe('hostile user plugins', () => {
  it('infinite loops in detect, context, after awaiting the host and in a never-settling promise: disabled in bounded time', async () => {
    const ws = makeWorkspace(
      {
        'good.js': good,
        'loop-detect.js': plugin('loop-detect', 'detect() { while (true) {} }, context() { return {}; }'),
        'loop-context.js': plugin('loop-context', 'context() { for (;;) {} }'),
        'loop-after-await.js': plugin('loop-after-await', "async context() { await readFile('marker.txt'); while (true) {} }"),
        'loop-microtask.js': plugin('loop-microtask', 'async context() { await null; while (true) {} }'),
        'never-settles.js': plugin('never-settles', 'context() { return new Promise(() => {}); }'),
      },
      { 'marker.txt': 'here\n' },
    );
    try {
      const report = await playScenario(ws.dir, contextTwice(ws.cwd));
      printTimes('infinite loops', report);
      expectDisabled(report, 'loop-detect.js', /timed out/);
      expectDisabled(report, 'loop-context.js', /timed out/);
      expectDisabled(report, 'loop-after-await.js', /timed out/);
      expectDisabled(report, 'loop-microtask.js', /timed out/);
      expectDisabled(report, 'never-settles.js', /timed out: no answer/);
      expect(factsOf(report, 0).facts).toEqual(goodFacts(ws.cwd));
      expect(factsOf(report, 0).omitted.sort()).toEqual(['loop-after-await', 'loop-context', 'loop-detect', 'loop-microtask', 'never-settles']);
      expect(factsOf(report, 1)).toEqual({ facts: goodFacts(ws.cwd), omitted: [] });
      expect(report.warns).toHaveLength(5);
    } finally {
      ws.cleanup();
    }
  });

  it('memory bombs exceed the isolate limit and are disabled; the host keeps its memory and serves the good plugin', async () => {
    const ws = makeWorkspace(
      {
        'good.js': good,
        'bomb-array.js': plugin('bomb-array', "context() { const a = []; for (let i = 0; ; i++) a.push('x'.repeat(1024) + i); }"),
        'bomb-string.js': plugin('bomb-string', "context() { let s = 'x'; const keep = []; for (;;) { s = s + s; keep.push(s + '.'); } }"),
        'bomb-arrays.js': plugin('bomb-arrays', 'context() { const a = []; for (;;) a.push(new Array(1e6).fill(1.5)); }'),
        'bomb-top-level.js': "const hoard = []; for (;;) hoard.push({ a: Math.random(), b: 'y'.repeat(100) + Math.random() }); export default { name: 'bomb-top-level' };",
        'bomb-buffer.js': plugin('bomb-buffer', 'context() { return { n: String(new ArrayBuffer(2 ** 31).byteLength) }; }'),
        // Garbage by size, here with the raised time limit: on a busy machine building 10 MB can
        // take more CPU than the usual 50 ms, and then it would be stopped for time instead.
        'huge-string.js': plugin('huge-string', "context() { return { big: 'x'.repeat(10 * 1024 * 1024) }; }"),
      },
      { 'marker.txt': 'here\n' },
    );
    try {
      const report = await playScenario(ws.dir, contextTwice(ws.cwd), { contextMs: 5000, loadMs: 5000 });
      printTimes('memory bombs (time limits raised to 5 s so memory is what stops them)', report);
      expectDisabled(report, 'bomb-array.js', memoryWhy, 5000);
      expectDisabled(report, 'bomb-string.js', new RegExp(`${memoryWhy.source}|threw RangeError: Invalid string length`), 5000);
      expectDisabled(report, 'bomb-arrays.js', memoryWhy, 5000);
      expectDisabled(report, 'bomb-top-level.js', memoryWhy, 5000);
      expectDisabled(report, 'bomb-buffer.js', new RegExp(`${memoryWhy.source}|threw RangeError: Array buffer allocation failed`), 5000);
      expectDisabled(report, 'huge-string.js', /returned garbage: \d+ characters of output, more than 65536|exceeded its 32 MB memory limit/, 5000);
      expect(factsOf(report, 1)).toEqual({ facts: goodFacts(ws.cwd), omitted: [] });
      expect(report.rssPeakMb - report.rssBeforeMb).toBeLessThan(200);
    } finally {
      ws.cleanup();
    }
  });

  it('throwing plugins, at load and in each hook, with hostile error objects: disabled with the error named', async () => {
    const ws = makeWorkspace(
      {
        'good.js': good,
        'throw-context.js': plugin('throw-context', "context() { throw new Error('boom'); }"),
        'throw-detect.js': plugin('throw-detect', "detect() { throw new TypeError('bad detect'); }, context() { return {}; }"),
        'throw-number.js': plugin('throw-number', 'context() { throw 42; }'),
        'reject.js': plugin('reject', "async context() { throw new RangeError('async boom'); }"),
        'throw-looping-tostring.js': plugin('throw-looping-tostring', 'context() { throw { toString() { for (;;) {} } }; }'),
        'throw-looping-message.js': plugin('throw-looping-message', "context() { const e = new Error('x'); Object.defineProperty(e, 'message', { get() { for (;;) {} } }); throw e; }"),
        'throw-top-level.js': "throw new Error('top-level boom'); export default { name: 'x' };",
        'throw-rules.js': plugin('throw-rules', "rules() { throw new Error('no rules'); }"),
        'throw-done.js': plugin('throw-done', "onCommandDone() { throw new Error('done boom'); }"),
        'syntax.js': 'export default { name: ',
        'not-a-plugin.js': 'export default 42;',
        'no-default.js': "export const plugin = { name: 'x' };",
        'bad-name.js': plugin('has spaces!', 'context() { return {}; }'),
        'twin.js': plugin('good', 'context() { return {}; }'),
      },
      { 'marker.txt': 'here\n' },
    );
    try {
      const done = { op: 'onCommandDone' as const, result: { words: ['ls'], status: 0, cwd: ws.cwd } };
      const report = await playScenario(ws.dir, [...contextTwice(ws.cwd), done, { op: 'names' }]);
      printTimes('throwing', report);
      expectDisabled(report, 'throw-context.js', /threw boom/);
      expectDisabled(report, 'throw-detect.js', /threw TypeError: bad detect/);
      expectDisabled(report, 'throw-number.js', /threw 42/);
      expectDisabled(report, 'reject.js', /threw RangeError: async boom/);
      expectDisabled(report, 'throw-looping-tostring.js', /threw .*object/);
      expectDisabled(report, 'throw-looping-message.js', /timed out/);
      expectDisabled(report, 'throw-top-level.js', /threw top-level boom/);
      expectDisabled(report, 'throw-rules.js', /threw no rules/);
      expectDisabled(report, 'throw-done.js', /threw done boom/);
      expectDisabled(report, 'syntax.js', /failed to load: threw SyntaxError/);
      expectDisabled(report, 'not-a-plugin.js', /not a plugin/);
      expectDisabled(report, 'no-default.js', /not a plugin/);
      expectDisabled(report, 'bad-name.js', /not a plugin: its name/);
      expectDisabled(report, 'twin.js', /another plugin \(good\.js\) already has the name 'good'/);
      expect(factsOf(report, 1)).toEqual({ facts: goodFacts(ws.cwd), omitted: [] });
      expect(report.answers[3]!.answer).toEqual(['good']);
    } finally {
      ws.cleanup();
    }
  });

  it('huge, unserialisable or malformed answers are garbage: disabled without copying them into the host', async () => {
    const ws = makeWorkspace(
      {
        'good.js': good,
        'huge-object.js': "const o = {}; for (let i = 0; i < 1e6; i++) o['k' + i] = 'v'; export default { name: 'huge-object', context() { return o; } };",
        'huge-array-rules.js': "const r = new Array(1e6).fill(0); export default { name: 'huge-array-rules', rules() { return r; } };",
        'function-value.js': plugin('function-value', 'context() { return { f() {} }; }'),
        'symbol-value.js': plugin('symbol-value', "context() { return { s: Symbol('x') }; }"),
        'cyclic.js': plugin('cyclic', 'context() { const o = { a: 1 }; o.self = o; return o; }'),
        'bigint.js': plugin('bigint', 'context() { return { n: 10n }; }'),
        'number-fact.js': plugin('number-fact', 'context() { return { n: 1 }; }'),
        'too-many.js': plugin('too-many', "context() { const o = {}; for (let i = 0; i < 21; i++) o['k' + i] = 'v'; return o; }"),
        'long-fact.js': plugin('long-fact', "context() { return { k: 'v'.repeat(201) }; }"),
        'escape-fact.js': plugin('escape-fact', "context() { return { k: 'red \\u001b[31m' }; }"),
        'array-facts.js': plugin('array-facts', "context() { return ['a']; }"),
        'detect-string.js': plugin('detect-string', "detect() { return 'yes'; }, context() { return {}; }"),
        'rule-extra.js': plugin('rule-extra', "rules() { return [{ program: 'x', level: 'destructive', why: 'w', run: 'rm -rf /' }]; }"),
        'rule-level.js': plugin('rule-level', "rules() { return [{ program: 'x', level: 'read_only', why: 'lower it' }]; }"),
        'proxy.js': plugin('proxy', 'context() { return new Proxy({}, { ownKeys() { for (;;) {} } }); }'),
      },
      { 'marker.txt': 'here\n' },
    );
    try {
      const report = await playScenario(ws.dir, [...contextTwice(ws.cwd), { op: 'rules' }], { loadMs: 2000 });
      printTimes('garbage', report);
      expectDisabled(report, 'huge-object.js', new RegExp(`returned garbage|timed out|${memoryWhy.source}`));
      expectDisabled(report, 'huge-array-rules.js', /threw TypeError: not serialisable: an array of 1000000 items/);
      expectDisabled(report, 'function-value.js', /threw TypeError: not serialisable: "f" is a function/);
      expectDisabled(report, 'symbol-value.js', /threw TypeError: not serialisable: "s" is a symbol/);
      expectDisabled(report, 'cyclic.js', /threw TypeError: Converting circular structure to JSON/);
      expectDisabled(report, 'bigint.js', /threw TypeError: not serialisable: "n" is a bigint/);
      expectDisabled(report, 'number-fact.js', /returned garbage: fact 'n' is a number, not a string/);
      expectDisabled(report, 'too-many.js', /returned garbage: context returned 21 facts, more than 20/);
      expectDisabled(report, 'long-fact.js', /returned garbage: fact 'k' is longer than 200 characters/);
      expectDisabled(report, 'escape-fact.js', /returned garbage: fact 'k' .*control characters/);
      expectDisabled(report, 'array-facts.js', /returned garbage: context returned an array/);
      expectDisabled(report, 'detect-string.js', /returned garbage: detect returned a string/);
      expectDisabled(report, 'rule-extra.js', /returned garbage from rules: rule 0 has an unknown field 'run'/);
      expectDisabled(report, 'rule-level.js', /returned garbage from rules: rule 0: level must be/);
      expectDisabled(report, 'proxy.js', /timed out/);
      expect(factsOf(report, 1)).toEqual({ facts: goodFacts(ws.cwd), omitted: [] });
      expect(report.answers[2]!.answer).toEqual([{ plugin: 'good', program: 'terraform', verbs: ['apply', 'state rm'], level: 'destructive', why: 'changes real infrastructure' }]);
      expect(report.rssPeakMb - report.rssBeforeMb).toBeLessThan(200);
    } finally {
      ws.cleanup();
    }
  });

  it('a plugin running when the plugin process dies is disabled; the process is started again and the rest carry on', async () => {
    const ws = makeWorkspace(
      {
        'good.js': good,
        'busy.js': plugin('busy', 'context() { const end = Date.now() + 1500; while (Date.now() < end) {} return {}; }'),
        'later.js': plugin('later', "context() { return { ok: 'yes' }; }"),
      },
      { 'marker.txt': 'here\n' },
    );
    try {
      const report = await playScenario(ws.dir, [{ op: 'context', cwd: ws.cwd, budgetMs: 3000, killWorkerAfterMs: 400 }, ...contextTwice(ws.cwd), { op: 'rules' }], { contextMs: 5000 });
      printTimes('plugin process killed mid-call', report);
      expectDisabled(report, 'busy.js', /crashed the plugin process \(killed by SIGKILL\)/);
      expect(factsOf(report, 0).omitted).toContain('busy');
      expect(factsOf(report, 2)).toEqual({ facts: { ...goodFacts(ws.cwd), 'later ok': 'yes' }, omitted: [] });
      expect(report.answers[3]!.answer).toHaveLength(1);
      expect(report.warns).toHaveLength(1);
    } finally {
      ws.cleanup();
    }
  });

  it('Node, require, the network and import() are not there: probes see nothing, direct use is disabled', async () => {
    const probe = `export default { name: 'probe', async context() {
      const t = (f) => { try { const v = f(); return v === undefined ? 'undefined' : typeof v; } catch (e) { return 'error ' + e.name; } };
      let dyn; try { await import('node:fs'); dyn = 'loaded'; } catch (e) { dyn = 'refused ' + e.message; }
      return {
        process: typeof process, require: typeof require, fetch: typeof fetch, xhr: typeof XMLHttpRequest,
        setTimeout: typeof setTimeout, Buffer: typeof Buffer, module: typeof module,
        'global process': t(() => globalThis.process), 'Function this': t(() => Function('return this')().process),
        'constructor chain': t(() => this.constructor.constructor('return typeof process')() === 'undefined' ? undefined : 1),
        'import()': dyn,
      };
    } };`;
    const ws = makeWorkspace(
      {
        'good.js': good,
        'probe.js': probe,
        'use-process.js': plugin('use-process', 'context() { return { home: process.env.HOME }; }'),
        'use-require.js': plugin('use-require', "context() { return { x: require('fs').readFileSync('/etc/passwd', 'utf8') }; }"),
        'use-global-process.js': plugin('use-global-process', 'context() { globalThis.process.exit(1); }'),
        'use-function-this.js': plugin('use-function-this', "context() { return Function('return this')().process.mainModule.require('child_process').execSync('id'); }"),
        'use-constructor.js': plugin('use-constructor', "context() { return this.constructor.constructor('return process')().exit(3); }"),
        'use-fetch.js': plugin('use-fetch', "async context() { await fetch('http://127.0.0.1:47/'); return {}; }"),
        'use-xhr.js': plugin('use-xhr', 'context() { new XMLHttpRequest(); return {}; }'),
        'use-import.js': plugin('use-import', "async context() { const fs = await import('node:fs'); return { x: String(fs) }; }"),
        'static-import.js': "import fs from 'node:fs'; export default { name: 'static-import' };",
        'use-wasm-net.js': plugin('use-wasm-net', 'context() { return { ws: typeof WebSocket, net: typeof Deno + typeof Bun }; }'),
      },
      { 'marker.txt': 'here\n' },
    );
    try {
      const report = await playScenario(ws.dir, contextTwice(ws.cwd));
      printTimes('reaching for Node', report);
      expect(factsOf(report, 0).facts).toMatchObject({
        'probe process': 'undefined',
        'probe require': 'undefined',
        'probe fetch': 'undefined',
        'probe xhr': 'undefined',
        'probe setTimeout': 'undefined',
        'probe Buffer': 'undefined',
        'probe module': 'undefined',
        'probe global process': 'undefined',
        'probe Function this': 'undefined',
        'probe constructor chain': 'undefined',
        'probe import()': 'refused Not supported',
      });
      expectDisabled(report, 'use-process.js', /threw ReferenceError: process is not defined/);
      expectDisabled(report, 'use-require.js', /threw ReferenceError: require is not defined/);
      expectDisabled(report, 'use-global-process.js', /threw TypeError: Cannot read properties of undefined/);
      expectDisabled(report, 'use-function-this.js', /threw TypeError: Cannot read properties of undefined/);
      expectDisabled(report, 'use-constructor.js', /threw ReferenceError: process is not defined/);
      expectDisabled(report, 'use-fetch.js', /threw ReferenceError: fetch is not defined/);
      expectDisabled(report, 'use-xhr.js', /threw ReferenceError: XMLHttpRequest is not defined/);
      expectDisabled(report, 'use-import.js', /threw Not supported/);
      expectDisabled(report, 'static-import.js', /failed to load: threw imports are not available to plugins \(node:fs\)/);
      expect(factsOf(report, 0).facts).toMatchObject({ 'use-wasm-net ws': 'undefined', 'use-wasm-net net': 'undefinedundefined' });
      expect(factsOf(report, 1).facts).toMatchObject(goodFacts(ws.cwd));
    } finally {
      ws.cleanup();
    }
  });

  it('readFile outside cwd and run of anything but the read-only list are refused', async () => {
    const catcher = `export default { name: 'catcher', async context() {
      const tryRead = async (p) => { try { const t = await readFile(p); return t === null ? 'null' : 'read ' + t.length; } catch (e) { return e.message.slice(0, 150); } };
      const tryRun = async (a) => { try { const r = await run(a); return 'ran ' + r.status; } catch (e) { return e.message.slice(0, 150); } };
      return {
        passwd: await tryRead('/etc/passwd'), up: await tryRead('../../x'), dotdot: await tryRead('sub/../../x'),
        link: await tryRead('link-out'), missing: await tryRead('missing.txt'), ok: await tryRead('marker.txt'), dir: await tryRead('.'),
        rm: await tryRun(['rm', '-rf', '/']), 'git push': await tryRun(['git', 'push']), 'git status': await tryRun(['git', 'status', '--porcelain']),
        shell: await tryRun(['sh', '-c', 'id']),
      };
    } };`;
    const ws = makeWorkspace(
      {
        'good.js': good,
        'catcher.js': catcher,
        'read-passwd.js': plugin('read-passwd', "async context() { return { p: (await readFile('/etc/passwd')).slice(0, 100) }; }"),
        'read-up.js': plugin('read-up', "async context() { return { p: String(await readFile('../../x')) }; }"),
        'run-rm.js': plugin('run-rm', "async context() { await run(['rm', '-rf', 'marker.txt']); return {}; }"),
        'read-at-load.js': "await readFile('marker.txt'); export default { name: 'read-at-load' };",
      },
      { 'marker.txt': 'here\n' },
    );
    symlinkSync('/etc/passwd', join(ws.cwd, 'link-out'));
    try {
      const report = await playScenario(ws.dir, contextTwice(ws.cwd));
      printTimes('filesystem and run', report);
      expect(factsOf(report, 0).facts).toMatchObject({
        'catcher passwd': expect.stringMatching(/^readFile refused "\/etc\/passwd": absolute paths are not allowed/),
        'catcher up': expect.stringMatching(/^readFile refused "\.\.\/\.\.\/x": '\.\.' is not allowed/),
        'catcher dotdot': expect.stringMatching(/'\.\.' is not allowed/),
        'catcher link': 'readFile refused "link-out": it leads outside the working directory',
        'catcher missing': 'null',
        'catcher ok': 'read 5',
        'catcher dir': expect.stringMatching(/not a regular file/),
        'catcher rm': expect.stringMatching(/^run refused \["rm","-rf","\/"\]: not a read-only command/),
        'catcher git push': expect.stringMatching(/^run refused/),
        'catcher shell': expect.stringMatching(/^run refused/),
        'catcher git status': expect.stringMatching(/^ran \d+$/),
      });
      expectDisabled(report, 'read-passwd.js', /threw readFile refused "\/etc\/passwd"/);
      expectDisabled(report, 'read-up.js', /threw readFile refused "\.\.\/\.\.\/x"/);
      expectDisabled(report, 'run-rm.js', /threw run refused/);
      expectDisabled(report, 'read-at-load.js', /failed to load: threw readFile is only available while a hook runs/);
      expect(factsOf(report, 1).facts).toMatchObject(goodFacts(ws.cwd));
      expect(report.disabled.map((d) => d.file).sort()).toEqual(['read-at-load.js', 'read-passwd.js', 'read-up.js', 'run-rm.js']);
    } finally {
      ws.cleanup();
    }
  });
});
