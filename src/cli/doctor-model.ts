// The "model" part of `nl-sh --doctor`: the local model file nl-sh would load (`current` in the
// models folder), its size, or why there is none. No model is fine (other tiers may answer);
// a `current` that names an unusable file needs fixing.

import { currentModel, modelsDir } from '../model-store.js';

/** One line of the doctor's report (the shape doctor-command.ts prints). */
export interface ModelFinding {
  ok: boolean;
  what: string;
  detail: string;
  fix?: string;
}

/** What the doctor says about the local model. */
export function modelFindings(env: Record<string, string | undefined>): ModelFinding[] {
  const current = currentModel(env);
  if (current.ok) return [{ ok: true, what: 'model', detail: `${current.path} (${(current.size / 1e6).toFixed(1)} MB)` }];
  if (current.reason === 'none') return [{ ok: true, what: 'model', detail: `none set up in ${modelsDir(env)}: the embedded tier is off (\`nl-sh --model pull\` downloads the default)` }];
  return [{ ok: false, what: 'model', detail: `the current model is unusable: ${current.message}`, fix: 'run `nl-sh --model pull`, or `nl-sh --model use FILE.gguf` with a GGUF file you have' }];
}
