// Where `nl-sh --model pull` gets the model, and the checksum it must match. The default is
// Qwen2.5-Coder-1.5B-Instruct in Q4_K_M from Qwen's own GGUF repository on Hugging Face. A mirror
// may replace the address (NLSH_MODEL_URL), but never the verification: a mirror must come with
// the sha256 of its file (NLSH_MODEL_SHA256), or nothing is downloaded.

/** What to download and what it must hash to. */
export interface ModelSource {
  /** The file name in the models folder. */
  name: string;
  url: string;
  /** Lowercase hex sha256 the finished file must have. */
  sha256: string;
  /** Bytes of the finished file, when known in advance. */
  size?: number;
  /** Plain http is allowed only for a mirror named by the user (its sha256 still binds it). */
  allowHttp: boolean;
  /** True when NLSH_MODEL_URL chose it. */
  mirror: boolean;
}

/** The pinned default. The size and sha256 are those of the Git LFS object the repository lists
 *  for this file (the same pin is published independently by other projects that ship this
 *  model); a file that hashes differently is deleted, never used. */
export const DEFAULT_MODEL: ModelSource = {
  name: 'qwen2.5-coder-1.5b-instruct-q4_k_m.gguf',
  url: 'https://huggingface.co/Qwen/Qwen2.5-Coder-1.5B-Instruct-GGUF/resolve/main/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf',
  sha256: 'cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046',
  size: 1_117_320_768,
  allowHttp: false,
  mirror: false,
};

/** The environment variable naming a mirror of the model file. */
export const MIRROR_URL_ENV = 'NLSH_MODEL_URL';
/** The sha256 a mirror's file must have (required with a mirror). */
export const MIRROR_SHA256_ENV = 'NLSH_MODEL_SHA256';

/** The source for this environment: the default, or a mirror with its checksum; else why not. */
export function modelSource(env: Record<string, string | undefined>): { ok: true; source: ModelSource } | { ok: false; message: string } {
  const url = env[MIRROR_URL_ENV];
  if (!url) return { ok: true, source: DEFAULT_MODEL };
  const sha = env[MIRROR_SHA256_ENV]?.trim().toLowerCase() ?? '';
  if (!/^[0-9a-f]{64}$/.test(sha)) return { ok: false, message: `${MIRROR_URL_ENV} names a mirror, so ${MIRROR_SHA256_ENV} must give its file's sha256 (64 hex digits): nl-sh never installs a model it cannot verify` };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, message: `${MIRROR_URL_ENV}: not a URL: ${url}` };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { ok: false, message: `${MIRROR_URL_ENV}: only https (or http, for a local mirror) is supported: ${url}` };
  let name: string;
  try {
    name = decodeURIComponent(parsed.pathname.split('/').pop() ?? '');
  } catch {
    name = '';
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*\.gguf$/.test(name)) return { ok: false, message: `${MIRROR_URL_ENV}: the address must end in a .gguf file name: ${url}` };
  return { ok: true, source: { name, url: parsed.href, sha256: sha, allowHttp: true, mirror: true } };
}
