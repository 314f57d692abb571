// The user's chosen model for `model = "default"`: the file `current` in
// $XDG_DATA_HOME/nl-sh/models/ holds one line, the absolute path of a GGUF file. (Model
// management writes it; this only reads it.)

import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { readFileSafe } from './read-file.js';

/** nl-sh's model folder: $XDG_DATA_HOME/nl-sh/models, else ~/.local/share/nl-sh/models. */
export function modelsDir(env: Readonly<Record<string, string | undefined>>): string {
  return join(env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share'), 'nl-sh', 'models');
}

/** The chosen model's path, or undefined when none is chosen (no file, empty, or not absolute). */
export async function readCurrentModel(env: Readonly<Record<string, string | undefined>>): Promise<string | undefined> {
  const read = await readFileSafe(join(modelsDir(env), 'current'), { maxBytes: 4096 });
  const line = read.ok ? read.value.split('\n')[0]?.trim() : undefined;
  return line && isAbsolute(line) ? line : undefined;
}
