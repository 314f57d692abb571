// Whether a path holds a usable model file: a regular file that starts with the GGUF magic. Cheap
// (four bytes read, no model loaded); the embedded backend's availability check and the model
// server's check before a load share it, so both say the same thing about a bad file.

import { readBytesSafe } from './read-file.js';

/** The first four bytes of every GGUF file. */
export const GGUF_MAGIC = 'GGUF';

/** What to do about a missing or broken model file. */
export const MODEL_FILE_HINT = 'run `nl-sh --model pull` for the default model, or set the tier\'s `model` to a GGUF file';

/** The file is usable, or one line naming it and what is wrong. */
export type ModelFileCheck = { ok: true } | { ok: false; message: string; hint: string };

/** Check the model file at `path` (missing, not a regular file, unreadable, or not GGUF). */
export async function checkModelFile(path: string): Promise<ModelFileCheck> {
  const read = await readBytesSafe(path, { maxBytes: 4, overCap: 'head' });
  if (!read.ok) {
    const why = read.problem === 'missing' ? 'does not exist' : read.problem === 'not-a-file' ? 'is not a regular file' : 'cannot be read';
    return { ok: false, message: `the model file ${path} ${why}`, hint: MODEL_FILE_HINT };
  }
  if (read.value.toString('latin1') !== GGUF_MAGIC) return { ok: false, message: `the model file ${path} is not a GGUF model (corrupt, or another format)`, hint: MODEL_FILE_HINT };
  return { ok: true };
}
