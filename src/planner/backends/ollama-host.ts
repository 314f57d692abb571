// Where an Ollama server is and what its model names mean: OLLAMA_HOST read as Ollama's own
// CLI reads it, and model names compared as Ollama compares them.

import { BackendError } from '../model-backend.js';
import { isRecord, protocolError, shorten } from './ollama-errors.js';

/** Where Ollama listens when nothing says otherwise (Ollama's own default). */
export const OLLAMA_DEFAULT_HOST = 'http://127.0.0.1:11434';

/** Ollama's reading of OLLAMA_HOST ("host:port", "http://host:port", ":port", "0.0.0.0"), as a URL. */
export function resolveOllamaHost(value: string | undefined): string {
  const raw = (value ?? '').trim().replace(/^["']+|["']+$/g, '');
  if (raw === '') return OLLAMA_DEFAULT_HOST;
  const sep = raw.indexOf('://');
  const scheme = sep >= 0 ? raw.slice(0, sep).toLowerCase() : 'http';
  const rest = sep >= 0 ? raw.slice(sep + 3) : raw;
  const defaultPort = sep < 0 ? '11434' : scheme === 'https' ? '443' : '80';
  const slash = rest.indexOf('/');
  const hostPort = slash >= 0 ? rest.slice(0, slash) : rest;
  const path = slash >= 0 ? rest.slice(slash).replace(/\/+$/, '') : '';
  let [hostname, port] = splitHostPort(hostPort) ?? [hostPort.replace(/^\[|\]$/g, ''), defaultPort];
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) [hostname, port] = ['127.0.0.1', defaultPort];
  // A server listening on every address is reached on loopback, as Ollama's CLI does.
  if (hostname === '' || hostname === '0.0.0.0') hostname = '127.0.0.1';
  if (hostname === '::') hostname = '::1';
  const url = `${scheme}://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}${path}`;
  if ((scheme !== 'http' && scheme !== 'https') || !URL.canParse(url)) {
    throw new BackendError('unavailable', `"${shorten(raw, 80)}" is not an address of an Ollama server`, 'use host:port or http://host:port, e.g. 127.0.0.1:11434');
  }
  return url;
}

// "host:port" and "[v6]:port" split; anything else (no port, bare IPv6) is undefined.
function splitHostPort(hostPort: string): [string, string] | undefined {
  const bracketed = /^\[([^\]]*)\]:(.*)$/.exec(hostPort);
  if (bracketed) return [bracketed[1] ?? '', bracketed[2] ?? ''];
  const colon = hostPort.indexOf(':');
  if (colon < 0 || colon !== hostPort.lastIndexOf(':')) return undefined;
  return [hostPort.slice(0, colon), hostPort.slice(colon + 1)];
}

// Ollama's model names: "llama3" is "registry.ollama.ai/library/llama3:latest"; case-insensitive.
function normalizeModelName(name: string): string {
  const lower = name.trim().toLowerCase();
  const slash = lower.lastIndexOf('/');
  const hasTag = lower.lastIndexOf(':') > slash;
  const parts = (hasTag ? lower : `${lower}:latest`).split('/');
  if (parts.length === 1) parts.unshift('registry.ollama.ai', 'library');
  else if (parts.length === 2) parts.unshift('registry.ollama.ai');
  return parts.join('/');
}

export function listsModel(list: unknown, model: string): boolean {
  if (!isRecord(list) || !Array.isArray(list.models)) throw protocolError('Ollama sent a model list without models');
  const wanted = normalizeModelName(model);
  return list.models.some((m: unknown) => isRecord(m) && [m.name, m.model].some((n) => typeof n === 'string' && normalizeModelName(n) === wanted));
}
