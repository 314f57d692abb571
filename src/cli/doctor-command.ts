// `nl-sh --doctor`: what nl-sh can use here, and for each problem what nl-sh does without it and
// how to fix it. Runs nothing that changes the system; each check is bounded in time.

import { accessSync, constants, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cacheDir, configDir, configPath, stateDir, type Config } from '../config.js';
import { pluginFiles } from '../integrations/plugins/plugin-files.js';
import { spawnInPty } from '../repl/pty/pty-host.js';
import { runBounded } from '../run-bounded.js';
import { modelFindings } from './doctor-model.js';
import { modelDoctorDeps } from './doctor-model-deps.js';
import { tiersFrom } from './planner-wiring.js';
import { sandboxFacts } from './sandbox-facts.js';

/** One line of the report. */
interface Finding {
  ok: boolean;
  what: string;
  detail: string;
  fix?: string;
}

async function run(file: string, args: string[]): Promise<string | undefined> {
  const r = await runBounded([file, ...args], { timeoutMs: 3000, maxBytes: 64 * 1024 });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

// A pty opens and a shell in it exits cleanly, within 3 s.
function ptyWorks(bash: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (problem: string | undefined): void => {
      if (!done) resolve(problem);
      done = true;
    };
    try {
      const pty = spawnInPty({ file: bash, args: ['--norc', '--noprofile', '-c', 'exit 7'], cwd: process.cwd(), env: { PATH: process.env.PATH ?? '' }, cols: 80, rows: 24, name: 'xterm' });
      pty.onExit(({ exitCode }) => finish(exitCode === 7 ? undefined : `the shell in it exited ${exitCode}`));
      setTimeout(() => finish('no answer within 3 s'), 3000).unref();
    } catch (err) {
      finish((err as Error).message);
    }
  });
}

function writable(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Check everything and print the report; exit 1 when something needs fixing. */
export async function runDoctorCommand(opts: { config: Config; configProblems: string[]; env: Record<string, string | undefined>; bash: string; output: NodeJS.WritableStream; modelSpeed?: boolean }): Promise<number> {
  const { config, env } = opts;
  const findings: Finding[] = [];
  const [major] = process.versions.node.split('.').map(Number);
  findings.push({ ok: (major ?? 0) >= 22, what: 'node', detail: `${process.version} at ${process.execPath}`, fix: 'run `npm run setup` (it brings Node 24)' });
  const bashVersion = await run(opts.bash, ['-c', 'echo "$BASH_VERSION"']);
  findings.push({ ok: bashVersion !== undefined, what: 'bash', detail: bashVersion ? `${bashVersion} at ${opts.bash}` : `${opts.bash} does not run`, fix: 'install bash' });
  const ptyProblem = await ptyWorks(opts.bash);
  findings.push({ ok: ptyProblem === undefined, what: 'pty', detail: ptyProblem ? `cannot host bash: ${ptyProblem}; nl-sh starts plain bash instead` : 'bash runs in a pseudo-terminal', fix: 'run `npm run setup` again (node-pty) and check /dev/pts is mounted' });
  findings.push({ ok: opts.configProblems.length === 0, what: 'config', detail: opts.configProblems.length ? opts.configProblems.join('; ') : `${configPath(env)} (or defaults)`, fix: 'fix the named keys; nl-sh uses the defaults until then' });
  for (const [what, dir] of [['state directory', stateDir(env)], ['cache directory', cacheDir(env)]] as const) {
    findings.push({ ok: writable(dir), what, detail: dir, fix: `make ${dir} writable (history, cached plans and the cloud budget need it)` });
  }
  const { probeCapabilities, createNodeProbeIo, bundledConfinePath } = await import('../sandbox/index.js');
  const caps = probeCapabilities(createNodeProbeIo(env), { confinePath: bundledConfinePath() });
  findings.push({ ok: Boolean(caps.bwrap), what: 'bubblewrap', detail: caps.bwrap ? `${caps.bwrap.version} at ${caps.bwrap.path}${caps.bwrap.overlay ? ' (with --overlay)' : ''}` : 'not found: generated commands cannot run contained', fix: 'install bubblewrap (apt install bubblewrap)' });
  findings.push({ ok: caps.userNamespaces, what: 'user namespaces', detail: caps.userNamespaces ? 'available' : 'blocked: no dry runs, and no sandbox unless root; nl-sh asks for explicit confirmation instead', fix: 'allow unprivileged user namespaces (Ubuntu 24.04: an AppArmor profile for bwrap, or sysctl kernel.apparmor_restrict_unprivileged_userns=0)' });
  findings.push({ ok: caps.overlayInUserNamespace, what: 'overlayfs', detail: caps.overlayInUserNamespace ? 'mountable in a user namespace (dry runs work)' : 'not mountable in a user namespace: no dry runs; nl-sh asks for explicit confirmation instead', fix: 'a kernel of 5.11 or later with overlayfs' });
  const { probeSandboxedRun } = await import('./doctor-sandbox.js');
  const probe = await probeSandboxedRun({ bash: opts.bash, env, cwd: process.cwd(), facts: sandboxFacts(env, () => caps) });
  findings.push({ ok: probe.problem === undefined, what: 'sandboxed run', detail: probe.problem === undefined ? `\`true\` ran contained (${probe.mechanism}) through your ~/.bashrc, as a session runs it, in ${probe.ms} ms` : `\`true\` did not run contained (${probe.problem}): generated commands cannot run either`, fix: 'fix what it names (often a line in ~/.bashrc); until then only `u` (run unsandboxed, on your key) runs a proposal' });
  findings.push({ ok: true, what: 'resource limits', detail: caps.systemdUser ? 'systemd-run --user scopes' : caps.prlimit ? `prlimit at ${caps.prlimit} (no systemd user manager)` : 'none: commands run without memory/CPU limits' });
  const { confineGaps } = await import('../sandbox/index.js');
  const gaps = confineGaps(caps.confine, { write: [], network: false, signalOut: false, bestEffort: true });
  const helper = caps.confine ? `nl-sh-confine: Landlock ABI ${caps.confine.landlockAbi}, seccomp ${caps.confine.seccomp ? 'yes' : 'no'}, pids cgroup ${caps.confine.pidsCgroup ? 'yes' : 'no'}` : 'nl-sh-confine is not built';
  findings.push({ ok: gaps.length === 0, what: 'sandbox helper', detail: gaps.length ? `${helper}: ${gaps.join('; ')}; read-only commands see a private view instead of the host` : `${helper}: every profile is enforced from inside, and read-only commands see the host's processes, /tmp and listeners`, fix: 'install gcc and run npm run setup again (it builds nl-sh-confine); the host view needs Landlock ABI 6 (Linux 6.12 or later)' });
  const pluginDir = join(configDir(env), 'plugins');
  const plugins = await pluginFiles(pluginDir);
  if (plugins.length === 0) findings.push({ ok: true, what: 'plugins', detail: `none in ${pluginDir}` });
  else {
    // Loaded in a separate process, as the plugin process does (it may abort one that fails).
    let ivm: string | undefined;
    try {
      const path = createRequire(import.meta.url).resolve('isolated-vm');
      ivm = await run(process.execPath, ['--no-node-snapshot', '-e', `require(${JSON.stringify(path)}); console.log('ok')`]);
    } catch {
      ivm = undefined;
    }
    findings.push({ ok: ivm === 'ok', what: 'plugins', detail: `${plugins.length} in ${pluginDir}${ivm === 'ok' ? ' (isolated-vm loads)' : ': isolated-vm does not load, so they are off'}`, fix: 'run `npm run setup` again (it rebuilds isolated-vm for nl-sh\'s Node)' });
  }
  // The local model file, the model server's state and (on a running server, or asked) its speed.
  findings.push(...(await modelFindings(modelDoctorDeps(config, env, opts.modelSpeed ?? false))));
  const tiers = tiersFrom(config, env);
  if (tiers.length === 0) findings.push({ ok: false, what: 'model tiers', detail: 'none configured', fix: 'add [[tiers]] to the config (README: Models)' });
  const checks = await Promise.all(tiers.map(async (t) => [t, await t.backend.checkAvailable(5000)] as const));
  for (const [tier, availability] of checks) {
    const skipped = tier.backend.locality === 'cloud' && config.privacy === 'local-only';
    if (availability.ok) findings.push({ ok: !skipped, what: `tier ${tier.name}`, detail: `${tier.backend.name} ready${skipped ? ', but privacy is local-only, so it is never used' : ''}`, fix: 'set privacy = "cloud-allowed" to use it' });
    else findings.push({ ok: false, what: `tier ${tier.name}`, detail: `${tier.backend.name}: ${availability.reason}; nl-sh escalates past it`, fix: availability.hint });
  }
  for (const f of findings) {
    opts.output.write(`${f.ok ? 'ok  ' : 'FIX '} ${f.what.padEnd(16)} ${f.detail}\n`);
    if (!f.ok && f.fix) opts.output.write(`     ${''.padEnd(16)} → ${f.fix}\n`);
  }
  opts.output.write(findings.every((f) => f.ok) ? '\neverything nl-sh can use is ready\n' : '\nnl-sh works without the items marked FIX; fixing them enables more\n');
  return findings.every((f) => f.ok) ? 0 : 1;
}
