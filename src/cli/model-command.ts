// `nl-sh --model pull|list|use|rm`: the user's local models. The files and `current` belong to
// src/model-store.ts, the transfer to src/model-download.ts; this file says what happened.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { downloadVerified } from '../model-download.js';
import { modelSource, type ModelSource } from '../model-source.js';
import { checkModelFile, currentModel, listModels, modelsDir, removeModel, setCurrent } from '../model-store.js';
import { createProgress } from './download-progress.js';
import type { ModelAction } from './model-args.js';

type Env = Record<string, string | undefined>;

/** Where the command writes, and whether stderr is a terminal (for the progress bar). */
export interface ModelCommandIo {
  env: Env;
  output: NodeJS.WritableStream;
  errors: NodeJS.WritableStream & { isTTY?: boolean };
}

const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
const say = (stream: NodeJS.WritableStream, line: string): void => void stream.write(`nl-sh: ${line}\n`);

/** Run one action; resolves with the exit status. */
export async function runModelCommand(action: ModelAction, io: ModelCommandIo): Promise<number> {
  switch (action.verb) {
    case 'pull':
      return pull(action.ifMissing, io);
    case 'list':
      return list(io);
    case 'use':
      return use(action.path, io);
    case 'rm':
      return rm(action.target, io);
  }
}

// Make `path` the current model when none (or a broken one) is set; the words that say so.
function adoptIfUnset(env: Env, path: string): string {
  if (currentModel(env).ok) return '';
  setCurrent(env, path);
  return '; nl-sh uses it now';
}

async function pull(ifMissing: boolean, io: ModelCommandIo): Promise<number> {
  const chosen = modelSource(io.env);
  if (!chosen.ok) {
    say(io.errors, chosen.message);
    return 2;
  }
  const source = chosen.source;
  const current = currentModel(io.env);
  if (ifMissing && current.ok) {
    say(io.errors, `a model is already set up: ${current.path} (${mb(current.size)}); nothing downloaded`);
    return 0;
  }
  const dir = modelsDir(io.env);
  const dest = join(dir, source.name);
  const existing = checkModelFile(dest);
  if (existing.ok) {
    say(io.errors, `the model is already there: ${dest} (${mb(existing.size)})${adoptIfUnset(io.env, dest)}`);
    return 0;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return download(source, dest, io);
}

async function download(source: ModelSource, dest: string, io: ModelCommandIo): Promise<number> {
  const host = new URL(source.url).host;
  const progress = createProgress(io.errors, Boolean(io.errors.isTTY));
  const outcome = await downloadVerified({
    url: source.url,
    allowHttp: source.allowHttp,
    sha256: source.sha256,
    ...(source.size !== undefined ? { size: source.size } : {}),
    part: `${dest}.part`,
    dest,
    onProgress: (received, total) => progress.update(received, total),
    onStart: (from, total) => say(io.errors, `downloading ${source.name}${total ? ` (${mb(total)})` : ''} from ${source.mirror ? `the mirror at ${host}` : host} into ${modelsDir(io.env)}${from > 0 ? `, resuming at ${mb(from)}` : ''}`),
  });
  progress.finish();
  switch (outcome.kind) {
    case 'done':
      say(io.errors, `${source.name} downloaded and verified (sha256 matches): ${outcome.path}${adoptIfUnset(io.env, outcome.path)}`);
      return 0;
    case 'unreachable':
      say(io.errors, `cannot reach ${outcome.host} (${outcome.why}), so the model was not downloaded; with a GGUF file you already have, run: nl-sh --model use FILE.gguf`);
      return 1;
    case 'mismatch':
      say(io.errors, `the downloaded file's sha256 is ${outcome.actual}, not the expected ${outcome.expected}: it was deleted and nothing was installed`);
      return 1;
    case 'failed':
      say(io.errors, `${outcome.message}${outcome.kept ? '; run `nl-sh --model pull` again to resume' : ''}`);
      return 1;
  }
}

function list(io: ModelCommandIo): number {
  const dir = modelsDir(io.env);
  const models = listModels(io.env);
  const current = currentModel(io.env);
  const currentPath = current.path;
  if (models.length === 0 && !currentPath) {
    io.output.write(`no models in ${dir}; get the default with \`nl-sh --model pull\`, or use a file you have with \`nl-sh --model use FILE.gguf\`\n`);
    return 0;
  }
  io.output.write(`models in ${dir}:\n`);
  for (const m of models) {
    const note = m.partial ? '  (unfinished download: `nl-sh --model pull` resumes it)' : m.path === currentPath ? '  (current)' : '';
    io.output.write(`  ${m.name}  ${mb(m.size)}${note}\n`);
  }
  if (currentPath && !models.some((m) => m.path === currentPath)) io.output.write(`current: ${currentPath}${current.ok ? `  ${mb(current.size)}` : ''}\n`);
  if (!current.ok && current.reason === 'broken') io.output.write(`the current model is unusable: ${current.message}\n`);
  return 0;
}

function use(path: string, io: ModelCommandIo): number {
  const file = checkModelFile(path);
  if (!file.ok) {
    say(io.errors, `${file.message}; nothing changed`);
    return 1;
  }
  const absolute = setCurrent(io.env, path);
  io.output.write(`nl-sh now uses ${absolute} (${mb(file.size)})\n`);
  return 0;
}

function rm(target: string, io: ModelCommandIo): number {
  const removed = removeModel(io.env, target);
  if (!removed.ok) {
    say(io.errors, removed.message);
    return 1;
  }
  io.output.write(`removed ${removed.path} (${mb(removed.size)})${removed.wasCurrent ? '; it was the current model, so none is set now' : ''}\n`);
  return 0;
}
