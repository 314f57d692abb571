import { beforeAll, describe, expect, it } from 'vitest';
import { loadRiskClassifier, type Level, type RiskClassifier } from '../../src/risk/index.js';

let classifier: RiskClassifier;
beforeAll(async () => {
  classifier = await loadRiskClassifier();
});

// The machine (init, /proc, /sys, crontab, namespaces, containers) and other shells, applets and interpreters judged as what they run.
const rows: [string, Level][] = [
  ["kill -9 1","privileged"],
  ["kill 1","privileged"],
  ["kill -TERM 1","privileged"],
  ["echo b > /proc/sysrq-trigger","privileged"],
  ["echo 1 > /sys/x","privileged"],
  ["crontab -","destructive"],
  ["crontab f","destructive"],
  ["echo x | crontab -","destructive"],
  ["crontab -l","read_only"],
  ["unshare ls","writes"],
  ["unshare rm -rf x","destructive"],
  ["unshare -r ls","writes"],
  ["nsenter -t 1 ls","privileged"],
  ["machinectl shell","privileged"],
  ["machinectl login","privileged"],
  ["ksh -c 'rm -rf x'","destructive"],
  ["ksh93 -c 'rm -rf x'","destructive"],
  ["mksh -c 'rm -rf x'","destructive"],
  ["csh -c 'rm -rf x'","destructive"],
  ["tcsh -c 'rm -rf x'","destructive"],
  ["yash -c 'rm -rf x'","destructive"],
  ["posh -c 'rm -rf x'","destructive"],
  ["rc -c 'rm -rf x'","destructive"],
  ["es -c 'rm -rf x'","destructive"],
  ["busybox sh -c 'rm -rf x'","destructive"],
  ["busybox ash -c 'rm -rf x'","destructive"],
  ["busybox hush -c 'rm -rf x'","destructive"],
  ["busybox rm -rf x","destructive"],
  ["toybox rm -rf x","destructive"],
  ["busybox ls","read_only"],
  ["lua -e 'print(1)'","writes"],
  ["lua -e 'os.execute(\"rm -rf x\")'","destructive"],
  ["luajit -e 'os.execute(\"rm -rf x\")'","destructive"],
  ["tclsh","read_only"],
  ["tclsh x.tcl","writes"],
  ["expect -c 'spawn ls'","writes"],
  ["gdb -ex 'shell rm -rf x' -batch","destructive"],
  ["gdb -batch -ex 'run' ./a","writes"],
  ["rlwrap rm -rf x","destructive"],
  ["script -c 'rm -rf x'","destructive"],
  ["setsid rm -rf x","destructive"],
  ["echo ls | at now","writes"],
  ["echo 'rm -rf x' | at now","destructive"],
  ["systemd-run ls","privileged"],
  ["systemd-run --user ls","writes"],
  ["crontab -u bob -e","privileged"],
  ["crontab -e","writes"],
  ["kill 1234","writes"],
  ["echo hi > /proc/self/fd/1","read_only"],
];

describe('The machine (init, /proc, /sys, crontab, namespaces, containers) and other shells, applets and interpreters judged as what they run.', () => {
  it.each(rows)('%s is %s', (cmd, level) => {
    const a = classifier.classify(cmd);
    expect(a.level, JSON.stringify(a.reasons)).toBe(level);
  });
});
