// The floor of nl-sh's architecture: a bare node-pty passthrough of bash. Raw stdin to the
// pty, pty output (Buffers) to stdout with backpressure, resizes, exit status. Nothing else.
import { spawn } from '@lydell/node-pty';

const args = process.argv.slice(2);
const pty = spawn('bash', args.length ? args : ['--norc', '-i'], {
  name: process.env.TERM || 'xterm-256color',
  cols: process.stdout.columns || 80,
  rows: process.stdout.rows || 24,
  cwd: process.cwd(),
  env: process.env,
  encoding: null,
});
if (process.stdin.isTTY) process.stdin.setRawMode(true);
process.stdin.on('data', (d) => pty.write(d));
pty.onData((d) => {
  if (!process.stdout.write(d)) {
    pty.pause();
    process.stdout.once('drain', () => pty.resume());
  }
});
process.stdout.on('resize', () => pty.resize(process.stdout.columns, process.stdout.rows));
process.on('SIGHUP', () => pty.kill('SIGHUP'));
pty.onExit(({ exitCode, signal }) => {
  if (process.stdin.isTTY) process.stdin.setRawMode(false);
  process.exit(signal ? 128 + signal : exitCode);
});
