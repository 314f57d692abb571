// The one narrow interface every model backend implements (Ollama, Bedrock, embedded, and the
// record/replay decorators), after gemini-cli's ContentGenerator. The planner sees only this.

/** One turn of a conversation. */
export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** A JSON schema (draft 2020-12 subset) for structured output. */
export type JsonSchema = Record<string, unknown>;

/** What the planner asks of a model. */
export interface ModelRequest {
  system: string;
  messages: ChatMessage[];
  /** When set, the reply must be JSON matching this schema (Ollama `format`, Bedrock tool use). */
  schema?: JsonSchema;
  /** Name of the structured reply (the Bedrock tool's name); default "reply". */
  schemaName?: string;
  maxTokens?: number;
  temperature?: number;
  /** Aborts the call (Ctrl-C); a backend stops within 100 ms and rejects with an abort error. */
  signal?: AbortSignal;
  /** Time limit for the whole call, in ms; a backend rejects with a timeout error after it. */
  timeoutMs: number;
}

/** Token counts as the backend reported them (0 when it did not). */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** A complete reply. For structured requests `text` is the JSON text of the reply. */
export interface ModelReply {
  text: string;
  usage: TokenUsage;
  /** The model that answered, as the backend names it. */
  model: string;
}

/** Whether a backend can be used now, and if not, what to do about it. */
export type Availability = { ok: true } | { ok: false; reason: string; hint: string };

/** Why a backend call failed; the tier router escalates on every kind. */
export type BackendFailureKind = 'unavailable' | 'timeout' | 'aborted' | 'http' | 'protocol' | 'credentials' | 'model-missing';

/** The error a backend throws: a kind for the router, a message and a hint for the user. */
export class BackendError extends Error {
  constructor(
    readonly kind: BackendFailureKind,
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BackendError';
  }
}

/** A model behind one narrow interface. */
export interface ModelBackend {
  /** Stable name, e.g. "ollama:qwen2.5-coder:7b" or "bedrock:anthropic.claude-3-5-haiku". */
  readonly name: string;
  /** Local backends never send data off the machine; cloud ones do (privacy setting, redaction). */
  readonly locality: 'local' | 'cloud';
  /** "compact": a small model is asked only for the command, a short explanation and its confidence
   * (fewer tokens to generate; the parts are explained by nl-sh's own grounding). Default "full". */
  readonly replyStyle?: 'full' | 'compact';
  /** Cheap check (server reachable, model present, credentials found), within `timeoutMs`. */
  checkAvailable(timeoutMs: number, signal?: AbortSignal): Promise<Availability>;
  /** One complete reply. */
  complete(request: ModelRequest): Promise<ModelReply>;
  /** A streamed reply: `onText` gets each piece as it arrives; resolves with the whole reply. */
  stream(request: ModelRequest, onText: (piece: string) => void): Promise<ModelReply>;
}
