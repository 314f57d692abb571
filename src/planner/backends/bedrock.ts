// Amazon Bedrock as a ModelBackend: Converse for whole replies, ConverseStream for streamed ones,
// structured output through one forced tool call. The only module that touches the AWS SDK, and
// only through import() on first use: the SDK takes ~90 ms to load, which nl-sh's first prompt
// must not pay.
//
// Transport: this SDK version defaults to HTTP/2 for Bedrock Runtime. We pass an HTTP/1.1
// NodeHttpHandler instead: Converse and ConverseStream (a response-only event stream) are served
// over HTTP/1.1 by the real bedrock-runtime endpoints (earlier SDK versions and boto3 use only
// HTTP/1.1 for them; only InvokeModelWithBidirectionalStream needs HTTP/2), so the same client
// works against AWS and against the local fake in the tests.
// Retries are off (maxAttempts 1): a throttled or failing tier is the tier router's cue to
// escalate, and the per-call time limit covers the whole call anyway.
import type {
  BedrockRuntimeClient,
  BedrockRuntimeClientConfig,
  ContentBlock,
  ConverseCommandInput,
  ConverseCommandOutput,
  ConverseStreamOutput,
  ToolConfiguration,
  ToolInputSchema,
  TokenUsage as SdkTokenUsage,
} from '@aws-sdk/client-bedrock-runtime';
import {
  BackendError,
  type Availability,
  type BackendFailureKind,
  type ModelBackend,
  type ModelReply,
  type ModelRequest,
  type TokenUsage,
} from '../model-backend.js';

type Env = Record<string, string | undefined>;
type RuntimeSdk = typeof import('@aws-sdk/client-bedrock-runtime');
type JsonDocument = NonNullable<ToolInputSchema.JsonMember['json']>;

/** Where and as whom to call one Bedrock model; everything but `model` has an AWS default. */
export interface BedrockBackendOptions {
  /** Model or inference-profile id (or ARN), e.g. "us.anthropic.claude-3-5-haiku-20241022-v1:0". */
  model: string;
  /** Else AWS_REGION, AWS_DEFAULT_REGION, then the profile's `region`. */
  region?: string;
  /** Else AWS_PROFILE; the SDK's default chain when neither is set. */
  profile?: string;
  /** Override the service URL (tests, VPC endpoints); default https://bedrock-runtime.<region>.amazonaws.com. */
  endpoint?: string;
  /**
   * Where AWS_REGION, AWS_DEFAULT_REGION, AWS_PROFILE and AWS_BEARER_TOKEN_BEDROCK are read;
   * default process.env. The SDK's own credential chain (keys, shared files, SSO cache, web
   * identity, container and instance metadata) always reads the process environment.
   */
  env?: Env;
  /** Fixed credentials instead of the standard AWS chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Largest reply accepted, in bytes of HTTP body or of streamed text; default 1 MiB. */
  maxReplyBytes?: number;
}

/** What each call needs to know to word its errors. */
interface CallContext {
  model: string;
  /** The region in use, once known (explicit, or the SDK's from the profile). */
  region: string | undefined;
  profile: string | undefined;
  endpoint: string | undefined;
  maxReplyBytes: number;
}

/** How to build a client: explicit settings only; the SDK fills in the rest. */
interface ClientSettings {
  region: string | undefined;
  profile: string | undefined;
  bearerToken: string | undefined;
}

/** A client with the SDK it came from. */
interface Session {
  sdk: RuntimeSdk;
  client: BedrockRuntimeClient;
}

const defaultMaxReplyBytes = 1024 * 1024;
const noCredentialsHint =
  'set AWS_PROFILE (aws configure / aws sso login) or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY';
const noRegionHint = 'set AWS_REGION (e.g. export AWS_REGION=us-east-1) or `region` in your AWS profile';

/** Marks a body that grew past maxReplyBytes (the SDK rewrites messages of errors it passes on). */
class ReplyTooLargeError extends Error {}

/** A ModelBackend for one Bedrock model. Cheap to construct: nothing is loaded until first use. */
export function createBedrockBackend(opts: BedrockBackendOptions): ModelBackend {
  const env = opts.env ?? process.env;
  const settings: ClientSettings = {
    region: opts.region ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION),
    profile: opts.credentials ? undefined : (opts.profile ?? nonEmpty(env.AWS_PROFILE)),
    bearerToken: opts.credentials ? undefined : nonEmpty(env.AWS_BEARER_TOKEN_BEDROCK),
  };
  const ctx: CallContext = {
    model: opts.model,
    region: settings.region,
    profile: settings.profile,
    endpoint: opts.endpoint,
    maxReplyBytes: opts.maxReplyBytes ?? defaultMaxReplyBytes,
  };
  let session: Promise<Session> | undefined;

  const openSession = (): Promise<Session> => {
    if (session) return session;
    const opening = createSession(opts, settings, ctx.maxReplyBytes);
    opening.catch(() => {
      if (session === opening) session = undefined;
    });
    return (session = opening);
  };
  // A new client runs the credential chain afresh, so `aws sso login` and the like take effect.
  const restart = (): void => {
    const old = session;
    session = undefined;
    old?.then((s) => s.client.destroy(), () => {});
  };
  const forget = (err: BackendError): BackendError => {
    if (err.kind === 'credentials') restart();
    return err;
  };

  return {
    name: `bedrock:${opts.model}`,
    locality: 'cloud',

    // Resolves credentials and region without calling Bedrock: no Bedrock Runtime call is both
    // cheap and free of side effects (model access is only proven by invoking the model). The
    // credential chain itself may use the network (SSO, container or instance metadata); the time
    // limit bounds it.
    async checkAvailable(timeoutMs, signal) {
      try {
        return await withLimits({ timeoutMs, signal }, 'checking AWS credentials', async (): Promise<Availability> => {
          const s = await openSession();
          if (!opts.credentials && !settings.bearerToken) {
            try {
              await s.client.config.credentials();
            } catch (err) {
              restart();
              return { ok: false, ...credentialsTrouble(describe(err), ctx) };
            }
          }
          await resolveRegion(s, ctx);
          return { ok: true };
        });
      } catch (err) {
        return describeUnavailable(err, timeoutMs);
      }
    },

    complete(request) {
      return withLimits(request, 'asking Bedrock', async (signal) => {
        try {
          const s = await openSession();
          await resolveRegion(s, ctx);
          const command = new s.sdk.ConverseCommand(buildConverseInput(opts.model, request));
          const out = await s.client.send(command, { abortSignal: signal });
          return readConverseReply(out, request, ctx);
        } catch (err) {
          throw forget(toBackendError(err, ctx, 'request'));
        }
      });
    },

    stream(request, onText) {
      return withLimits(request, 'asking Bedrock', async (signal) => {
        let events: AsyncIterable<ConverseStreamOutput> | undefined;
        try {
          const s = await openSession();
          await resolveRegion(s, ctx);
          const command = new s.sdk.ConverseStreamCommand(buildConverseInput(opts.model, request));
          events = (await s.client.send(command, { abortSignal: signal })).stream;
        } catch (err) {
          throw forget(toBackendError(err, ctx, 'request'));
        }
        if (!events) throw new BackendError('protocol', 'Bedrock sent no reply stream');
        try {
          return await readConverseStream(events, request, onText, signal, ctx);
        } catch (err) {
          throw forget(toBackendError(err, ctx, 'reading'));
        }
      });
    },
  };
}

/** Loads the SDK and builds a client; fails only when the SDK itself cannot be loaded. */
async function createSession(opts: BedrockBackendOptions, settings: ClientSettings, maxReplyBytes: number): Promise<Session> {
  let sdk: RuntimeSdk;
  let http: typeof import('@smithy/node-http-handler');
  try {
    [sdk, http] = await Promise.all([import('@aws-sdk/client-bedrock-runtime'), import('@smithy/node-http-handler')]);
  } catch (err) {
    throw new BackendError('unavailable', 'cannot load the AWS SDK', 'reinstall nl-sh (npm install)', { cause: err });
  }
  const config: BedrockRuntimeClientConfig & { ignoreCache?: boolean } = {
    requestHandler: new http.NodeHttpHandler(),
    maxAttempts: 1,
    streamCollector: boundedCollector(maxReplyBytes),
    // Re-read ~/.aws files for each new client, so fixes made while nl-sh runs are seen.
    ignoreCache: true,
  };
  if (settings.region) config.region = settings.region;
  if (settings.profile) config.profile = settings.profile;
  if (opts.endpoint) config.endpoint = opts.endpoint;
  if (opts.credentials) {
    config.credentials = { ...opts.credentials };
    config.authSchemePreference = ['sigv4'];
  } else if (settings.bearerToken) {
    config.token = { token: settings.bearerToken };
    config.authSchemePreference = ['httpBearerAuth'];
  }
  return { sdk, client: new sdk.BedrockRuntimeClient(config) };
}

/** The region in use: the explicit one, or the SDK's (environment, then profile config). */
async function resolveRegion(s: Session, ctx: CallContext): Promise<string> {
  try {
    const region = await s.client.config.region();
    if (region) return (ctx.region = region);
  } catch {
    // Falls through to the error below: the SDK's own message names no remedy.
  }
  throw new BackendError('unavailable', 'no AWS region configured', noRegionHint);
}

/** Runs `work` under the call's time limit and the caller's abort signal, tearing down on either. */
function withLimits<T>(
  limits: { timeoutMs: number; signal?: AbortSignal | undefined },
  doing: string,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const cancelled = (): BackendError => new BackendError('aborted', `cancelled while ${doing}`);
  if (limits.signal?.aborted) return Promise.reject(cancelled());
  return new Promise<T>((resolve, reject) => {
    const controller = new AbortController();
    let settled = false;
    const finish = (settle: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      limits.signal?.removeEventListener('abort', onAbort);
      controller.abort(); // closes any HTTP request still open (NodeHttpHandler destroys it)
      settle();
    };
    const onAbort = (): void => finish(() => reject(cancelled()));
    const timer = setTimeout(() => {
      const message = `no answer from Bedrock within ${limits.timeoutMs} ms`;
      finish(() => reject(new BackendError('timeout', message, 'try again, or raise the time limit')));
    }, timerDelay(limits.timeoutMs));
    limits.signal?.addEventListener('abort', onAbort, { once: true });
    work(controller.signal).then(
      (value) => finish(() => resolve(value)),
      (err: unknown) => finish(() => reject(err instanceof BackendError ? err : new BackendError('protocol', describe(err), undefined, { cause: err }))),
    );
  });
}

/** A delay setTimeout honours (it fires at once for values past 2^31 - 1 ms, or NaN). */
function timerDelay(ms: number): number {
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 2_147_483_647) : ms > 0 ? 2_147_483_647 : 0;
}

/** The Converse (and ConverseStream) request for a ModelRequest. */
function buildConverseInput(model: string, request: ModelRequest): ConverseCommandInput {
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
function readConverseReply(out: ConverseCommandOutput, request: ModelRequest, ctx: CallContext): ModelReply {
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
async function readConverseStream(
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

function tooLarge(ctx: CallContext): BackendError {
  return new BackendError('protocol', `the Bedrock reply is larger than ${ctx.maxReplyBytes} bytes`, 'lower maxTokens');
}

function readUsage(usage: SdkTokenUsage | undefined): TokenUsage {
  return { inputTokens: usage?.inputTokens ?? 0, outputTokens: usage?.outputTokens ?? 0 };
}

/** A body collector for the SDK that stops reading past `limit` bytes. */
function boundedCollector(limit: number): (body: unknown) => Promise<Uint8Array> {
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

/** The facts of a thrown SDK or network error that decide its kind. */
interface ErrorFacts {
  code: string;
  status: number | undefined;
  message: string;
}

function readErrorFacts(err: unknown): ErrorFacts {
  const e = (err ?? {}) as { name?: unknown; code?: unknown; message?: unknown; $metadata?: { httpStatusCode?: unknown } };
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  const code = typeof e.code === 'string' ? e.code : typeof e.name === 'string' ? e.name : 'Error';
  const message = typeof e.message === 'string' ? e.message : String(err);
  return { code, status, message: clean(message.split('\n')[0] ?? '') };
}

const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED']);
const signatureCodes = new Set([
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'IncompleteSignature',
  'MissingAuthenticationTokenException',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
]);

/** Any failure of a call as a BackendError with a kind for the router and a hint for the user. */
function toBackendError(err: unknown, ctx: CallContext, phase: 'request' | 'reading'): BackendError {
  if (err instanceof BackendError) return err;
  if (err instanceof ReplyTooLargeError) return tooLarge(ctx);
  const facts = readErrorFacts(err);
  const fail = (kind: BackendFailureKind, message: string, hint?: string): BackendError =>
    new BackendError(kind, message, hint, { cause: err });
  const said = `${facts.code}: ${facts.message}`;
  const service = classifyServiceError(facts, ctx);
  if (service) return fail(service.kind, `${service.message} (${said})`, service.hint);
  if (facts.code === 'CredentialsProviderError' || facts.code === 'TokenProviderError') {
    const { reason, hint } = credentialsTrouble(facts.message, ctx);
    return fail('credentials', reason, hint);
  }
  if (facts.code === 'TimeoutError' || facts.code === 'ETIMEDOUT') return fail('timeout', `Bedrock timed out (${said})`, 'try again');
  if (facts.status !== undefined && facts.status >= 500) return fail('http', `Bedrock failed with HTTP ${facts.status} (${said})`, 'try again shortly');
  if (facts.status !== undefined && facts.status >= 400) return fail('http', `Bedrock refused the request with HTTP ${facts.status} (${said})`);
  if (networkCodes.has(facts.code) && phase === 'request' && facts.status === undefined) {
    const where = ctx.endpoint ?? `bedrock-runtime.${ctx.region ?? '<region>'}.amazonaws.com`;
    return fail('unavailable', `cannot reach Bedrock (${said})`, `check the network connection to ${where}`);
  }
  return fail('protocol', `Bedrock sent a reply nl-sh cannot read (${said})`);
}

/** The kind, words and hint for an error the Bedrock service itself returned, if it is one. */
function classifyServiceError(facts: ErrorFacts, ctx: CallContext): { kind: BackendFailureKind; message: string; hint?: string } | undefined {
  const who = ctx.profile ? ` --profile ${ctx.profile}` : '';
  const region = ctx.region ?? 'your region';
  switch (facts.code) {
    case 'ExpiredTokenException':
    case 'ExpiredToken':
      return {
        kind: 'credentials',
        message: 'the AWS credentials have expired',
        hint: ctx.profile ? `run: aws sso login${who}` : 'refresh your AWS credentials (aws sso login, or new AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN)',
      };
    case 'AccessDeniedException':
      return {
        kind: 'credentials',
        message: `access to ${ctx.model} was denied`,
        hint: `request access to ${ctx.model} in the Bedrock console (Model access, ${region}) and check that your IAM policy allows bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream`,
      };
    case 'ResourceNotFoundException':
      return { kind: 'model-missing', message: `model ${ctx.model} is not available`, hint: modelHint(ctx) };
    case 'ValidationException':
      if (/model (identifier|id)|inference profile|on-demand throughput/i.test(facts.message)) {
        return { kind: 'model-missing', message: `Bedrock does not accept the model id ${ctx.model}`, hint: modelHint(ctx) };
      }
      return { kind: 'http', message: 'Bedrock rejected the request as invalid' };
    case 'ThrottlingException':
    case 'ServiceQuotaExceededException':
      return { kind: 'http', message: 'Bedrock is throttling requests', hint: 'wait a moment and try again, or ask AWS for a higher quota' };
    case 'ModelNotReadyException':
      return { kind: 'unavailable', message: `model ${ctx.model} is not ready yet`, hint: 'try again in a minute' };
    case 'ModelTimeoutException':
      return { kind: 'timeout', message: `model ${ctx.model} took too long to answer`, hint: 'try again' };
    case 'InternalServerException':
    case 'ServiceUnavailableException':
    case 'ModelErrorException':
    case 'ModelStreamErrorException':
      return { kind: 'http', message: 'Bedrock failed to answer', hint: 'try again shortly' };
  }
  if (signatureCodes.has(facts.code)) {
    return {
      kind: 'credentials',
      message: 'AWS did not accept the credentials',
      hint: ctx.profile ? `check profile ${ctx.profile} (aws configure${who} or aws sso login${who})` : 'check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, or set AWS_PROFILE',
    };
  }
  return undefined;
}

function modelHint(ctx: CallContext): string {
  return `check the model id (aws bedrock list-foundation-models --region ${ctx.region ?? '<region>'}); newer models need an inference-profile id such as us.<model-id>, and access granted in the Bedrock console`;
}

/** Why the credential chain found nothing usable, and what to do. */
function credentialsTrouble(message: string, ctx: CallContext): { reason: string; hint: string } {
  const who = ctx.profile ? ` --profile ${ctx.profile}` : '';
  if (/sso/i.test(message) && /expired|invalid|refresh/i.test(message)) {
    return { reason: 'the AWS SSO session has expired', hint: `run: aws sso login${who}` };
  }
  if (ctx.profile) {
    return { reason: 'no AWS credentials found', hint: `run: aws configure${who} (or aws sso login${who}), or unset AWS_PROFILE` };
  }
  return { reason: 'no AWS credentials found', hint: noCredentialsHint };
}

/** checkAvailable's answer for any failure (it never rejects, like the Ollama backend's). */
function describeUnavailable(err: unknown, timeoutMs: number): Availability {
  if (err instanceof BackendError && err.kind === 'aborted') return { ok: false, reason: 'the availability check was cancelled', hint: 'try again' };
  if (err instanceof BackendError && err.kind === 'timeout') {
    return {
      ok: false,
      reason: `no AWS credentials found within ${timeoutMs} ms`,
      hint: `${noCredentialsHint} (off EC2, AWS_EC2_METADATA_DISABLED=true skips the instance-metadata probe)`,
    };
  }
  if (err instanceof BackendError) return { ok: false, reason: err.message, hint: err.hint ?? '' };
  return { ok: false, reason: `cannot check AWS credentials (${describe(err)})`, hint: noCredentialsHint };
}

/** One line for any thrown value. */
function describe(err: unknown): string {
  return readErrorFacts(err).message;
}

/** Text from the network with control characters (terminal escapes) removed, kept short. */
function clean(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
