// The wire between nl-sh and its model server (`nl-sh-model`): newline-delimited JSON over a unix
// socket, one connection per request. The client writes one request line; the server answers with
// pieces (streamed text) and then one `done` or `error` line. Closing the connection, or sending
// `{"op":"cancel"}`, cancels the request. Shared by the server and the embedded backend.

/** The kinds a failure can have; the same words as the planner's BackendFailureKind. */
export type WireFailureKind = 'unavailable' | 'timeout' | 'aborted' | 'http' | 'protocol' | 'credentials' | 'model-missing';

/** One chat turn. */
export interface WireMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** Generate a reply with the model in the GGUF file `model`. */
export interface GenerateRequest {
  op: 'generate';
  /** Absolute path of the GGUF file; a different path than the loaded one replaces the model. */
  model: string;
  system: string;
  messages: WireMessage[];
  /** A JSON schema: the reply is grammar-constrained to it. */
  schema?: Record<string, unknown>;
  maxTokens?: number;
  temperature?: number;
  /** Send text pieces as they come (else only the final reply). */
  stream: boolean;
}

/** Every request a client can send as its first line. */
export type WireRequest = GenerateRequest | { op: 'info' } | { op: 'cancel' };

/** What the server reports about itself (for tests, --doctor and the bench). */
export interface ServerInfo {
  pid: number;
  /** How many times a model was loaded since the server started. */
  loads: number;
  /** The loaded model's path, if any. */
  model?: string;
  /** Requests answered since the server started. */
  served: number;
  rssBytes: number;
}

/** The reply's timing and token counts. */
export interface WireUsage {
  inputTokens: number;
  outputTokens: number;
  /** Prompt tokens evaluated now (the rest was reused from the previous request). */
  evaluatedTokens: number;
  /** Time from the request's start (after its turn in the queue) to the first piece, in ms. */
  firstPieceMs: number;
  totalMs: number;
}

/** One line from the server. */
export type WireReply =
  | { type: 'piece'; text: string }
  | { type: 'done'; text: string; model: string; usage: WireUsage; stopReason: string }
  | { type: 'error'; error: { kind: WireFailureKind; message: string; hint?: string } }
  | { type: 'info'; info: ServerInfo };

/** The longest line either side accepts; a longer one is a protocol error. */
export const MAX_WIRE_LINE = 4 * 1024 * 1024;

/** The file name of the socket in nl-sh's runtime directory. */
export const MODEL_SOCKET_NAME = 'model.sock';

/** The file name of the server's log in the same directory. */
export const MODEL_LOG_NAME = 'model.log';

/** One value as a wire line. */
export function encodeLine(value: WireRequest | WireReply): string {
  return `${JSON.stringify(value)}\n`;
}

/** Splits a byte stream into lines; `push` returns the complete lines, or throws past MAX_WIRE_LINE. */
export class LineSplitter {
  private pending = '';

  /** Add received text; returns the lines it completed. */
  push(chunk: string): string[] {
    this.pending += chunk;
    const lines = this.pending.split('\n');
    this.pending = lines.pop() ?? '';
    if (this.pending.length > MAX_WIRE_LINE) throw new Error(`a line longer than ${MAX_WIRE_LINE} bytes`);
    return lines.filter((l) => l.trim() !== '');
  }
}

const kinds: readonly string[] = ['unavailable', 'timeout', 'aborted', 'http', 'protocol', 'credentials', 'model-missing'];
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parse a server line; undefined when it is not a reply this side knows. */
export function parseReply(line: string): WireReply | undefined {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isRecord(v)) return undefined;
  if (v.type === 'piece' && typeof v.text === 'string') return { type: 'piece', text: v.text };
  if (v.type === 'done' && typeof v.text === 'string' && isRecord(v.usage)) return v as WireReply;
  if (v.type === 'error' && isRecord(v.error) && typeof v.error.message === 'string' && kinds.includes(String(v.error.kind))) return v as WireReply;
  if (v.type === 'info' && isRecord(v.info) && typeof v.info.pid === 'number') return v as WireReply;
  return undefined;
}

/** Parse a client line; a string says what is wrong with it. */
export function parseRequest(line: string): WireRequest | string {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return 'the request is not JSON';
  }
  if (!isRecord(v)) return 'the request is not a JSON object';
  if (v.op === 'info' || v.op === 'cancel') return { op: v.op };
  if (v.op !== 'generate') return `unknown op ${JSON.stringify(v.op)}`;
  if (typeof v.model !== 'string' || v.model === '') return 'generate: "model" must name a GGUF file';
  if (typeof v.system !== 'string') return 'generate: "system" must be a string';
  if (!Array.isArray(v.messages) || !v.messages.every((m) => isRecord(m) && (m.role === 'user' || m.role === 'assistant') && typeof m.content === 'string')) return 'generate: "messages" must be a list of {role, content}';
  if (v.schema !== undefined && !isRecord(v.schema)) return 'generate: "schema" must be an object';
  if (v.maxTokens !== undefined && !(Number.isInteger(v.maxTokens) && (v.maxTokens as number) > 0)) return 'generate: "maxTokens" must be a positive whole number';
  if (v.temperature !== undefined && !(typeof v.temperature === 'number' && v.temperature >= 0 && v.temperature <= 2)) return 'generate: "temperature" must be from 0 to 2';
  return {
    op: 'generate',
    model: v.model,
    system: v.system,
    messages: (v.messages as WireMessage[]).map((m) => ({ role: m.role, content: m.content })),
    ...(v.schema ? { schema: v.schema as Record<string, unknown> } : {}),
    ...(v.maxTokens !== undefined ? { maxTokens: v.maxTokens as number } : {}),
    ...(v.temperature !== undefined ? { temperature: v.temperature as number } : {}),
    stream: v.stream === true,
  };
}
