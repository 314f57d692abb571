// The plugin process: nl-sh forks it with --no-node-snapshot (which isolated-vm needs) and talks
// to it over IPC. It loads the plugins into isolates (plugin-engine.ts) and asks nl-sh to do
// every run/readFile. A memory bomb that V8 cannot contain kills only this process.

import { loadEngine } from './plugin-engine.js';
import type { EngineSet } from './plugin-engine.js';
import type { PluginRunResult } from './plugin-contract.js';
import type { FromWorker, ToWorker } from './plugin-ipc.js';

function main(): void {
  const send = (m: FromWorker, then?: () => void): void => {
    process.send?.(m, undefined, undefined, then);
  };
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let set: EngineSet | undefined;
  const ask = (what: 'run' | 'readFile', arg: unknown, cwd: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      send({ t: 'host', id, what, arg, cwd });
    });

  process.on('message', (m: ToWorker) => {
    if (m.t === 'host-reply') {
      const w = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.ok) w?.resolve(m.value);
      else w?.reject(new Error(m.error));
    } else if (m.t === 'load') {
      void loadEngine(m.dir, {
        limits: m.limits,
        skip: m.skip,
        warn: (line) => send({ t: 'warn', line }),
        onDisabled: (record) => send({ t: 'disabled', record }),
        onCall: (file, hook, phase) => send({ t: 'call', file, hook, phase }),
        // isolated-vm's advice: after a catastrophic error, end the process (nl-sh starts another).
        // process.exit can wait forever on the lost isolate's thread, so the end is a SIGKILL.
        onCatastrophe: () => send({ t: 'call', file: '', hook: 'load', phase: 'end' }, () => process.kill(process.pid, 'SIGKILL')),
        hostRun: (argv, cwd) => ask('run', argv, cwd) as Promise<PluginRunResult>,
        hostRead: (path, cwd) => ask('readFile', path, cwd) as Promise<string | null>,
      }).then((loaded) => {
        set = loaded;
        send({ t: 'loaded', plugins: loaded.files(), rules: loaded.rules() });
      });
    } else if (m.t === 'context') {
      void (set?.context(m.cwd, m.budgetMs) ?? Promise.resolve(undefined)).then((facts) => send({ t: 'reply', id: m.id, ...(facts ? { facts } : {}) }));
    } else if (m.t === 'done') {
      void (set?.onCommandDone(m.result) ?? Promise.resolve()).then(() => send({ t: 'reply', id: m.id }));
    }
  });
  // nl-sh went away: end too (by SIGKILL if a lost isolate holds up a normal exit).
  process.on('disconnect', () => {
    setTimeout(() => process.kill(process.pid, 'SIGKILL'), 1000).unref();
    set?.dispose();
    process.exit(0);
  });
}

main();
