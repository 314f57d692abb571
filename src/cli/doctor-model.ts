// The "model" part of `nl-sh --doctor`: the local model file nl-sh would load (the embedded tier's
// GGUF, or `current` in the models folder) and its size, whether the model server is running
// (pid, memory, loaded model) and how fast it generates. The doctor stays fast: the speed is
// measured only on a server that is already running, or when asked (`--doctor --model-speed`,
// which loads the model); nothing else starts a server. No model is fine (other tiers may answer);
// a model file that cannot be used needs fixing.

import { checkModelFile, currentModel, modelsDir, MODEL_FILE_HINT } from '../model-store.js';
import type { ServerInfo } from '../model-wire.js';

/** One line of the doctor's report (the shape doctor-command.ts prints). */
export interface ModelFinding {
  ok: boolean;
  what: string;
  detail: string;
  fix?: string;
}

/** One tiny generation's timing: time to its first piece and its rate. */
export interface SpeedSample {
  firstPieceMs: number;
  outputTokens: number;
  totalMs: number;
}

/** What the model checks need from outside (injected: tests give fakes). */
export interface ModelDoctorDeps {
  env: Record<string, string | undefined>;
  /** The first embedded tier's `model` ("default" or a GGUF path), if one is configured. */
  embeddedModel?: string;
  /** The server's info, or undefined when none answers. */
  serverInfo: () => Promise<ServerInfo | undefined>;
  /** Generate a few tokens with `model` (starting the server when none runs); throws on failure. */
  measure: (model: string) => Promise<SpeedSample>;
  /** `--model-speed`: measure even when that loads the model. */
  measureSpeed: boolean;
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

// The model file nl-sh would load, and the finding about it.
function modelFile(deps: ModelDoctorDeps): { path?: string; finding: ModelFinding } {
  const named = deps.embeddedModel && deps.embeddedModel !== 'default' ? deps.embeddedModel : undefined;
  if (named) {
    const file = checkModelFile(named);
    if (file.ok) return { path: named, finding: { ok: true, what: 'model', detail: `${named} (${mb(file.size)}), the embedded tier's` } };
    return { finding: { ok: false, what: 'model', detail: `the embedded tier's model is unusable: ${file.message}`, fix: MODEL_FILE_HINT } };
  }
  const current = currentModel(deps.env);
  if (current.ok) return { path: current.path, finding: { ok: true, what: 'model', detail: `${current.path} (${mb(current.size)})` } };
  if (current.reason === 'none') {
    const finding = { ok: deps.embeddedModel === undefined, what: 'model', detail: `none set up in ${modelsDir(deps.env)}: the embedded tier is off (\`nl-sh --model pull\` downloads the default)` };
    return { finding: deps.embeddedModel === undefined ? finding : { ...finding, detail: `none set up in ${modelsDir(deps.env)}, but an embedded tier asks for the default`, fix: MODEL_FILE_HINT } };
  }
  return { finding: { ok: false, what: 'model', detail: `the current model is unusable: ${current.message}`, fix: 'run `nl-sh --model pull`, or `nl-sh --model use FILE.gguf` with a GGUF file you have' } };
}

/** The server's line: running (pid, memory, loaded model) or not, which is fine. */
export function serverFinding(info: ServerInfo | undefined): ModelFinding {
  if (!info) return { ok: true, what: 'model server', detail: 'not running (the first request starts it; it exits when idle)' };
  const loaded = info.model ? `, ${info.model.split('/').pop()} loaded` : ', no model loaded';
  return { ok: true, what: 'model server', detail: `running: pid ${info.pid}, RSS ${mb(info.rssBytes)}${loaded}, ${info.served} request${info.served === 1 ? '' : 's'} served` };
}

/** The speed line from a sample (cold when the server had to start and load the model). */
export function speedFinding(sample: SpeedSample, cold: boolean): ModelFinding {
  const generating = Math.max(1, sample.totalMs - sample.firstPieceMs);
  const rate = sample.outputTokens > 1 ? `, ${(((sample.outputTokens - 1) * 1000) / generating).toFixed(1)} tokens/s` : '';
  return { ok: true, what: 'model speed', detail: `first token in ${Math.round(sample.firstPieceMs)} ms${cold ? ' (cold: the server started and loaded the model)' : ''}${rate} (${sample.outputTokens} tokens)` };
}

/** What the doctor says about the local model, the server and its speed. */
export async function modelFindings(deps: ModelDoctorDeps): Promise<ModelFinding[]> {
  const { path, finding } = modelFile(deps);
  if (!path && deps.embeddedModel === undefined) return [finding];
  const info = await deps.serverInfo();
  const findings = [finding, serverFinding(info)];
  if (!path) return findings;
  if (!info && !deps.measureSpeed) {
    findings.push({ ok: true, what: 'model speed', detail: 'not measured: the server is not running (`nl-sh --doctor --model-speed` loads the model and measures)' });
    return findings;
  }
  try {
    findings.push(speedFinding(await deps.measure(path), !info || info.model !== path));
  } catch (err) {
    findings.push({ ok: false, what: 'model speed', detail: `a test generation failed: ${(err as Error).message}`, fix: "see model.log in nl-sh's runtime directory" });
  }
  return findings;
}
