// Every way a Bedrock call can fail, as a BackendError with a short message and a hint (the
// SDK's error shapes mapped to kinds), and how availability problems are worded.
import { BackendError, type Availability, type BackendFailureKind } from '../model-backend.js';

/** What each call needs to know to word its errors. */
export interface CallContext {
  model: string;
  /** The region in use, once known (explicit, or the SDK's from the profile). */
  region: string | undefined;
  profile: string | undefined;
  endpoint: string | undefined;
  maxReplyBytes: number;
}

const noCredentialsHint =
  'set AWS_PROFILE (aws configure / aws sso login) or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY';
export const noRegionHint = 'set AWS_REGION (e.g. export AWS_REGION=us-east-1) or `region` in your AWS profile';

/** Marks a body that grew past maxReplyBytes (the SDK rewrites messages of errors it passes on). */
export class ReplyTooLargeError extends Error {}

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
export function toBackendError(err: unknown, ctx: CallContext, phase: 'request' | 'reading'): BackendError {
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
export function credentialsTrouble(message: string, ctx: CallContext): { reason: string; hint: string } {
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
export function describeUnavailable(err: unknown, timeoutMs: number): Availability {
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
export function describe(err: unknown): string {
  return readErrorFacts(err).message;
}

/** Text from the network with control characters (terminal escapes) removed, kept short. */
export function clean(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

export function tooLarge(ctx: CallContext): BackendError {
  return new BackendError('protocol', `the Bedrock reply is larger than ${ctx.maxReplyBytes} bytes`, 'lower maxTokens');
}
