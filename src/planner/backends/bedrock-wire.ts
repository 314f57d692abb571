// Bedrock's wire shapes: the Converse input (with the forced tool for structured replies), and
// reading whole and streamed replies, bounded in size. Types only from the SDK: it loads in
// bedrock.ts, on first use.
import type { ContentBlock, ConverseCommandInput, ConverseCommandOutput, ConverseStreamOutput, ToolConfiguration, ToolInputSchema, TokenUsage as SdkTokenUsage } from '@aws-sdk/client-bedrock-runtime';
import { BackendError, type ModelReply, type ModelRequest, type TokenUsage } from '../model-backend.js';
import { type CallContext, ReplyTooLargeError, clean, describe, tooLarge } from './bedrock-errors.js';

type JsonDocument = NonNullable<ToolInputSchema.JsonMember['json']>;

/** The Converse (and ConverseStream) request for a ModelRequest. */
export function buildConverseInput(model: string, request: ModelRequest): ConverseCommandInput {
  const input: ConverseCommandInput = {
    modelId: model,
    messages: request.messages.map((m) => ({ role: m.role, content: [{ text: m.content }] })),
  };
  if (request.system) input.system = [{ text: request.system }];
  if (request.maxTokens !== undefined || request.temperature !== undefined) {
    input.inferenceConfig = {};
    if (request.maxTokens !== undefined) input.inferenceConfig.maxTokens = request.maxTokens;
    if (request.temperature !== undefined) input.inferenceConfig.temperature = request.temperature;
  }
  if (request.schema) input.toolConfig = buildToolConfig(replyToolName(request), request.schema as JsonDocument);
  return input;
}

/** One tool whose input is the structured reply, and a tool choice that forces it. */
function buildToolConfig(name: string, schema: JsonDocument): ToolConfiguration {
  return {
    tools: [{ toolSpec: { name, description: 'Give your answer as this structured reply.', inputSchema: { json: schema } } }],
    toolChoice: { tool: { name } },
  };
}

function replyToolName(request: ModelRequest): string {
  return request.schemaName ?? 'reply';
}

/** The reply text of a Converse response: its text, or the JSON of the reply tool's input. */
export function readConverseReply(out: ConverseCommandOutput, request: ModelRequest, ctx: CallContext): ModelReply {
  const content: ContentBlock[] = out.output?.message?.content ?? [];
  let text: string;
  if (request.schema) {
    const name = replyToolName(request);
    const call = content.find((block) => block.toolUse?.name === name)?.toolUse;
    if (!call) throw missingTool(name, content.find((b) => b.toolUse)?.toolUse?.name, out.stopReason);
    text = JSON.stringify(call.input ?? {});
  } else {
    text = content.map((block) => block.text ?? '').join('');
  }
  if (Buffer.byteLength(text) > ctx.maxReplyBytes) throw tooLarge(ctx);
  return { text, usage: readUsage(out.usage), model: ctx.model };
}

/** Reads a ConverseStream event stream, passing text (or the reply tool's JSON) to `onText`. */
export async function readConverseStream(
  events: AsyncIterable<ConverseStreamOutput>,
  request: ModelRequest,
  onText: (piece: string) => void,
  signal: AbortSignal,
  ctx: CallContext,
): Promise<ModelReply> {
  const toolName = request.schema ? replyToolName(request) : undefined;
  const pieces: string[] = [];
  let size = 0;
  let tool: { index: number | undefined } | undefined;
  let otherTool: string | undefined;
  let stopReason: string | undefined;
  let usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
  const take = (piece: string): void => {
    size += Buffer.byteLength(piece);
    if (size > ctx.maxReplyBytes) throw tooLarge(ctx);
    pieces.push(piece);
    if (signal.aborted) return;
    try {
      onText(piece);
    } catch (err) {
      throw new BackendError('protocol', `the reply's reader failed (${describe(err)})`, undefined, { cause: err });
    }
  };
  for await (const event of events) {
    if (signal.aborted) break;
    const started = event.contentBlockStart?.start?.toolUse;
    if (started && toolName) {
      if (started.name === toolName && !tool) tool = { index: event.contentBlockStart?.contentBlockIndex };
      else otherTool ??= started.name;
    }
    const delta = event.contentBlockDelta?.delta;
    if (delta?.text !== undefined && !toolName) take(delta.text);
    if (delta?.toolUse?.input !== undefined && tool && event.contentBlockDelta?.contentBlockIndex === tool.index) take(delta.toolUse.input);
    if (event.messageStop) stopReason = event.messageStop.stopReason ?? 'unknown';
    if (event.metadata) usage = readUsage(event.metadata.usage);
  }
  if (signal.aborted) throw new BackendError('aborted', 'cancelled while asking Bedrock');
  if (stopReason === undefined) throw new BackendError('protocol', 'the Bedrock reply stream ended before the reply was complete');
  let text = pieces.join('');
  if (toolName) {
    if (!tool) throw missingTool(toolName, otherTool, stopReason);
    text = normaliseJson(text, stopReason);
  }
  return { text, usage, model: ctx.model };
}

/** Streamed tool input re-serialised like Converse's, or a protocol error when it is not JSON. */
function normaliseJson(text: string, stopReason: string): string {
  try {
    return JSON.stringify(JSON.parse(text === '' ? '{}' : text));
  } catch (err) {
    const why = stopReason === 'max_tokens' ? ' (cut off by the maxTokens limit)' : '';
    throw new BackendError('protocol', `the structured reply from Bedrock is not valid JSON${why}`, undefined, { cause: err });
  }
}

function missingTool(name: string, other: string | undefined, stopReason: string | undefined): BackendError {
  const got = other ? `called tool "${clean(other)}" instead` : `stopped (${clean(stopReason ?? 'no reason given')}) without it`;
  return new BackendError('protocol', `the model did not give the structured reply (tool "${name}"): it ${got}`);
}


function readUsage(usage: SdkTokenUsage | undefined): TokenUsage {
  return { inputTokens: usage?.inputTokens ?? 0, outputTokens: usage?.outputTokens ?? 0 };
}

/** A body collector for the SDK that stops reading past `limit` bytes. */
export function boundedCollector(limit: number): (body: unknown) => Promise<Uint8Array> {
  return async (body) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (body instanceof Uint8Array) return body;
    if (body === null || body === undefined) return new Uint8Array();
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += bytes.byteLength;
      if (size > limit) {
        (body as { destroy?: () => void }).destroy?.();
        throw new ReplyTooLargeError('reply too large');
      }
      chunks.push(bytes);
    }
    return new Uint8Array(Buffer.concat(chunks));
  };
}
