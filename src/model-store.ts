// The user's model files: the folder `$XDG_DATA_HOME/nl-sh/models/` and its file `current` (one
// line: the absolute path of the chosen GGUF). The one module that reads and writes them; the
// embedded backend, `--model` and `--doctor` all ask it. Synchronous: every read is a few bytes.

import { lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { readFileSafeSync } from './read-file.js';

type Env = Record<string, string | undefined>;

/** A model file: where it is and how many bytes it has. */
export interface ModelFile {
  path: string;
  size: number;
}

/** The model `current` names, or why there is none: not set, or set to something unusable. */
export type CurrentModel = ({ ok: true } & ModelFile) | { ok: false; reason: 'none' | 'broken'; message: string; path?: string };

/** One file of the models folder; `partial` for an unfinished download (`NAME.gguf.part`). */
export interface ListedModel extends ModelFile {
  name: string;
  partial: boolean;
}

/** Where nl-sh keeps model files: $XDG_DATA_HOME/nl-sh/models, else ~/.local/share/nl-sh/models. */
export function modelsDir(env: Env): string {
  return join(env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share'), 'nl-sh', 'models');
}

const currentFile = (env: Env): string => join(modelsDir(env), 'current');

/** True when `path` is a regular file that starts with the GGUF magic ("GGUF"). */
export function isGguf(path: string): boolean {
  const head = readFileSafeSync(path, { maxBytes: 4, overCap: 'head' });
  return head.ok && head.value === 'GGUF';
}

/** What to do about a missing or broken model file. */
export const MODEL_FILE_HINT = 'run `nl-sh --model pull` for the default model, or set the tier\'s `model` to a GGUF file';

/** `path` as a usable model file (regular, GGUF), or one line saying why not; the model server checks with it before a load. */
export function checkModelFile(path: string): { ok: true; size: number } | { ok: false; message: string } {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return { ok: false, message: `the model file ${path} is not a regular file` };
    size = st.size;
  } catch {
    return { ok: false, message: `the model file ${path} does not exist` };
  }
  if (!isGguf(path)) return { ok: false, message: `the model file ${path} is not a GGUF model file (corrupt, or another format)` };
  return { ok: true, size };
}

/** The chosen model: `current` read and its file checked. */
export function currentModel(env: Env): CurrentModel {
  const read = readFileSafeSync(currentFile(env), { maxBytes: 8192 });
  if (!read.ok && read.problem === 'missing') return { ok: false, reason: 'none', message: 'no model is set up' };
  if (!read.ok) return { ok: false, reason: 'broken', message: read.message };
  const path = read.value.split('\n')[0]?.trim() ?? '';
  if (!isAbsolute(path)) return { ok: false, reason: 'broken', message: `${currentFile(env)} does not name an absolute path` };
  const file = checkModelFile(path);
  return file.ok ? { ok: true, path, size: file.size } : { ok: false, reason: 'broken', message: file.message, path };
}

/** Record `path` (made absolute) as the chosen model; written whole, then renamed into place. */
export function setCurrent(env: Env, path: string): string {
  const dir = modelsDir(env);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const absolute = resolve(path);
  const temp = join(dir, `.current.${process.pid}`);
  writeFileSync(temp, `${absolute}\n`, { mode: 0o600 });
  renameSync(temp, currentFile(env));
  return absolute;
}

/** Forget the chosen model (the file itself stays). */
export function clearCurrent(env: Env): void {
  try {
    unlinkSync(currentFile(env));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

const isModelName = (name: string): boolean => name.endsWith('.gguf') || name.endsWith('.gguf.part');

/** The model files in the folder (finished and partial), by name. */
export function listModels(env: Env): ListedModel[] {
  const dir = modelsDir(env);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const models: ListedModel[] = [];
  for (const name of names.filter(isModelName).sort()) {
    try {
      const st = statSync(join(dir, name));
      if (st.isFile()) models.push({ name, path: join(dir, name), size: st.size, partial: name.endsWith('.part') });
    } catch {
      // Gone since the listing, or a dangling link: not a model.
    }
  }
  return models;
}

function sameDir(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** Delete a model file of the folder, named by its file name or a path to it. Files elsewhere are
 *  never touched. `current` is cleared when it named the file. */
export function removeModel(env: Env, target: string): { ok: true; path: string; size: number; wasCurrent: boolean } | { ok: false; message: string } {
  const dir = modelsDir(env);
  const path = target.includes('/') ? resolve(target) : join(dir, target);
  const name = basename(path);
  if (!isModelName(name) || !sameDir(dirname(path), dir)) return { ok: false, message: `${target}: not a model file in ${dir} (see 'nl-sh --model list'); nl-sh removes only its own model files` };
  let size: number;
  try {
    const st = lstatSync(path);
    if (!st.isFile() && !st.isSymbolicLink()) return { ok: false, message: `${path} is not a regular file` };
    size = st.isFile() ? st.size : 0;
  } catch {
    return { ok: false, message: `${target}: no such model in ${dir} (see 'nl-sh --model list')` };
  }
  const named = currentModel(env).path;
  const wasCurrent = named !== undefined && (named === path || (sameDir(dirname(named), dir) && basename(named) === name));
  unlinkSync(path);
  if (wasCurrent) clearCurrent(env);
  return { ok: true, path, size, wasCurrent };
}
