// What the doctor's model checks use here: the embedded tier from the config, the server's info
// over its socket, and a tiny generation through the embedded backend (16 tokens, no schema).

import { tmpdir } from 'node:os';
import type { Config } from '../config.js';
import { askServerInfo } from '../model-server-info.js';
import { modelSocketPath } from '../model-server-start.js';
import { createEmbeddedBackend } from '../planner/backends/embedded.js';
import type { ModelDoctorDeps, SpeedSample } from './doctor-model.js';

/** The doctor's model dependencies for this user (`modelSpeed`: measure even if that loads the model). */
export function modelDoctorDeps(config: Config, env: Record<string, string | undefined>, modelSpeed: boolean): ModelDoctorDeps {
  const socketPath = modelSocketPath(env, process.getuid?.() ?? 0, tmpdir());
  return {
    env,
    embeddedModel: config.tiers.find((t) => t.backend === 'embedded')?.model,
    serverInfo: async () => (socketPath ? askServerInfo(socketPath, 1000) : undefined),
    measure: (model) => measureSpeed(model, env, config.modelIdleSeconds, socketPath),
    measureSpeed: modelSpeed,
  };
}

// One short generation, timed from the request to its first piece and to its end.
async function measureSpeed(model: string, env: Record<string, string | undefined>, idleSeconds: number, socketPath: string | undefined): Promise<SpeedSample> {
  const backend = createEmbeddedBackend({ model, env, idleSeconds, ...(socketPath ? { socketPath } : {}) });
  const started = performance.now();
  let firstPieceMs: number | undefined;
  const reply = await backend.stream(
    { system: 'You answer in one short sentence.', messages: [{ role: 'user', content: 'What does the ls command do?' }], maxTokens: 16, temperature: 0, timeoutMs: 120_000 },
    () => (firstPieceMs ??= performance.now() - started),
  );
  const totalMs = performance.now() - started;
  return { firstPieceMs: firstPieceMs ?? totalMs, outputTokens: reply.usage.outputTokens, totalMs };
}
