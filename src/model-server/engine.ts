// The model runtime: the only code that imports node-llama-cpp (STYLE.md practice 1). It holds one
// model (memory-mapped), one context and one sequence; a request naming another file replaces the
// model. The sequence keeps what it evaluated, so the next request with the same system prompt
// evaluates only its new tokens. JSON-schema grammars are built once per schema.

import { availableParallelism } from 'node:os';
import type { Llama, LlamaChat, LlamaContext, LlamaGrammar, LlamaModel, ChatHistoryItem } from 'node-llama-cpp';
import type { GenerateRequest, WireUsage } from '../model-wire.js';
import { checkModelFile, MODEL_FILE_HINT } from '../model-store.js';
import { toGrammarSchema } from './grammar-schema.js';
import { EngineError } from './engine-error.js';


// Prompt tokens evaluated per batch. llama.cpp sizes some buffers by the batch (the default is
// the context size); 256 evaluates a plan prompt in a few batches and took the server's RSS with
// the test model from 1009 to 943 MB, at the same warm plan time (bench/model-bench.js --quick).
const PROMPT_BATCH_TOKENS = 256;
/** How the engine sizes its context and threads. */
export interface EngineOptions {
  contextTokens: number;
  /** CPU threads for evaluation (0: one less than the cores, at least one). */
  threads: number;
  log: (line: string) => void;
}

/** A finished generation. */
export interface Generated {
  text: string;
  usage: WireUsage;
  stopReason: string;
}

interface Loaded {
  path: string;
  model: LlamaModel;
  context: LlamaContext;
  chat: LlamaChat;
}

const maxGrammars = 16;
const defaultMaxTokens = 512;

/** The model runtime of the server; construct once, call `generate` one request at a time. */
export class Engine {
  private llama?: Promise<Llama>;
  private loaded?: Loaded;
  private readonly grammars = new Map<string, Promise<LlamaGrammar>>();
  /** Model loads since start. */
  loads = 0;

  constructor(private readonly opts: EngineOptions) {}

  /** The loaded model's path. */
  get modelPath(): string | undefined {
    return this.loaded?.path;
  }

  /** Generate one reply; `onPiece` gets text as it comes. Throws EngineError. */
  async generate(request: GenerateRequest, signal: AbortSignal, onPiece: (text: string) => void): Promise<Generated> {
    const started = Date.now();
    const llama = await this.runtime();
    const loaded = await this.load(llama, request.model);
    if (signal.aborted) throw new EngineError('aborted', 'the request was cancelled');
    const grammar = request.schema ? await this.grammarFor(llama, request.schema) : undefined;
    const meter = loaded.chat.sequence.tokenMeter;
    const before = { input: meter.usedInputTokens, output: meter.usedOutputTokens };
    let firstPieceMs = -1;
    try {
      const result = await loaded.chat.generateResponse(history(request), {
        grammar,
        maxTokens: request.maxTokens ?? defaultMaxTokens,
        temperature: request.temperature ?? 0,
        signal,
        onTextChunk: (text) => {
          if (firstPieceMs < 0) firstPieceMs = Date.now() - started;
          onPiece(text);
        },
      });
      if (grammar && result.metadata.stopReason === 'maxTokens') throw new EngineError('protocol', `the reply reached its limit of ${request.maxTokens ?? defaultMaxTokens} tokens before its JSON was complete`, 'raise the request\'s maxTokens');
      const outputTokens = meter.usedOutputTokens - before.output;
      const inputTokens = Math.max(0, loaded.chat.sequence.contextTokens.length - outputTokens);
      return {
        text: result.response,
        stopReason: result.metadata.stopReason,
        usage: { inputTokens, outputTokens, evaluatedTokens: meter.usedInputTokens - before.input, firstPieceMs, totalMs: Date.now() - started },
      };
    } catch (err) {
      if (signal.aborted) throw new EngineError('aborted', 'the request was cancelled');
      if (err instanceof EngineError) throw err;
      throw new EngineError('protocol', `the model failed: ${firstLine(err)}`);
    }
  }

  /** Unload everything (at exit). */
  async close(): Promise<void> {
    await this.unload();
    const llama = await this.llama?.catch(() => undefined);
    await llama?.dispose().catch(() => undefined);
  }

  // The native runtime: prebuilt binaries only, never a build from source at run time.
  private runtime(): Promise<Llama> {
    this.llama ??= import('node-llama-cpp')
      .then((m) => m.getLlama({ build: 'never', gpu: false, progressLogs: false, logLevel: m.LlamaLogLevel.warn, logger: (level, text) => this.opts.log(`llama.cpp ${level}: ${text.trimEnd()}`) }))
      .catch((err: unknown) => {
        this.llama = undefined;
        throw new EngineError('unavailable', `the embedded model is unavailable on this machine (${(err as Error).name === 'NoBinaryFoundError' ? 'no prebuilt llama.cpp binary for this platform' : firstLine(err)})`, 'reinstall nl-sh (`npm run setup`), or use an Ollama or Bedrock tier');
      });
    return this.llama;
  }

  private async load(llama: Llama, path: string): Promise<Loaded> {
    if (this.loaded?.path === path) return this.loaded;
    // Checked before the loaded model goes: a request naming a bad file leaves it for the others.
    const file = checkModelFile(path);
    if (!file.ok) throw new EngineError('model-missing', file.message, MODEL_FILE_HINT);
    await this.unload();
    const t0 = Date.now();
    let model: LlamaModel | undefined;
    try {
      model = await llama.loadModel({ modelPath: path, useMmap: true });
      const context = await model.createContext({ contextSize: { max: this.opts.contextTokens }, sequences: 1, threads: this.threads(), batchSize: PROMPT_BATCH_TOKENS });
      const { LlamaChat } = await import('node-llama-cpp');
      const chat = new LlamaChat({ contextSequence: context.getSequence() });
      this.loaded = { path, model, context, chat };
      this.loads += 1;
      this.opts.log(`loaded ${path} in ${Date.now() - t0} ms (context ${context.contextSize} tokens, ${this.threads()} threads, chat format ${chat.chatWrapper.wrapperName})`);
      return this.loaded;
    } catch (err) {
      await model?.dispose().catch(() => undefined);
      throw new EngineError('model-missing', `the model file ${path} could not be loaded (${firstLine(err)}); it may be corrupt or truncated`, 'download it again (`nl-sh --model pull`), or set the tier\'s `model` to another GGUF file');
    }
  }

  private async unload(): Promise<void> {
    const old = this.loaded;
    this.loaded = undefined;
    if (!old) return;
    await old.context.dispose().catch(() => undefined);
    await old.model.dispose().catch(() => undefined);
  }

  private threads(): number {
    return this.opts.threads > 0 ? this.opts.threads : Math.max(1, availableParallelism() - 1);
  }

  private grammarFor(llama: Llama, schema: Record<string, unknown>): Promise<LlamaGrammar> {
    const mapped = toGrammarSchema(schema);
    const key = JSON.stringify(mapped);
    const cached = this.grammars.get(key);
    if (cached) return cached;
    if (this.grammars.size >= maxGrammars) this.grammars.delete(this.grammars.keys().next().value as string);
    const made = llama.createGrammarForJsonSchema(mapped as Parameters<Llama['createGrammarForJsonSchema']>[0]).catch((err: unknown) => {
      this.grammars.delete(key);
      throw new EngineError('protocol', `the reply schema cannot be made into a grammar (${firstLine(err)})`);
    });
    this.grammars.set(key, made);
    return made;
  }
}

// The request as node-llama-cpp's chat history, ending with the model's (empty) turn.
function history(request: GenerateRequest): ChatHistoryItem[] {
  const items: ChatHistoryItem[] = request.system ? [{ type: 'system', text: request.system }] : [];
  for (const m of request.messages) items.push(m.role === 'user' ? { type: 'user', text: m.content } : { type: 'model', response: [m.content] });
  items.push({ type: 'model', response: [] });
  return items;
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}
