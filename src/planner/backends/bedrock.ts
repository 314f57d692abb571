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
import type { BedrockRuntimeClient, BedrockRuntimeClientConfig, ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { BackendError, type Availability, type ModelBackend } from '../model-backend.js';
import { type CallContext, credentialsTrouble, describe, describeUnavailable, noRegionHint, nonEmpty, toBackendError } from './bedrock-errors.js';
import { boundedCollector, buildConverseInput, readConverseReply, readConverseStream } from './bedrock-wire.js';

type Env = Record<string, string | undefined>;
type RuntimeSdk = typeof import('@aws-sdk/client-bedrock-runtime');
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
