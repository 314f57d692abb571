// One Ollama call's guard: its time limit, its abort, and the checks on every reply body and
// stream line before the client sees them.

import { BackendError } from '../model-backend.js';
import { abortedError, connectionError, isRecord, modelMissingError, protocolError, serverErrorText, serverLogHint, shorten, timeoutError, toBackendError, tooLargeError } from './ollama-errors.js';

export type ReplyMode = 'json' | 'ndjson';

export interface CallLimits {
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

interface GuardSettings {
  model: string;
  host: string;
  baseFetch: typeof fetch;
  maxBytes: number;
}

// One call's time limit, abort and reply checks. The call's promise settles as soon as either
// fires (not when the client gets round to it), and the HTTP request is torn down at once.
export class CallGuard {
  private readonly controller = new AbortController();
  private failure: unknown;
  private settle: ((outcome: { ok: true; value: unknown } | { ok: false; error: unknown }) => void) | undefined;

  constructor(
    private readonly settings: GuardSettings,
    private readonly mode: ReplyMode,
    private readonly limits: CallLimits,
  ) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const { signal } = this.limits;
      if (signal?.aborted) return reject(abortedError());
      const timeoutMs = Math.min(Math.max(0, this.limits.timeoutMs || 0), 2_147_483_647);
      const timer = setTimeout(() => this.fail(timeoutError(timeoutMs)), timeoutMs);
      const onAbort = (): void => void this.fail(abortedError());
      signal?.addEventListener('abort', onAbort, { once: true });
      this.settle = (outcome) => {
        this.settle = undefined;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (outcome.ok) resolve(outcome.value as T);
        else reject(outcome.error);
        // Then end whatever is left of the HTTP exchange, right after the caller has heard:
        // undici's first abort in a process takes ~10 ms of synchronous work.
        setImmediate(() => this.controller.abort());
      };
      work().then(
        (value) => this.settle?.({ ok: true, value }),
        (err: unknown) => this.fail(err),
      );
    });
  }

  /** Whether the call is still running (streamed pieces go to the caller only while it is). */
  get live(): boolean {
    return this.settle !== undefined;
  }

  /** Hands a piece to the caller; an exception from the caller ends the call with it. */
  deliver(give: () => void): void {
    if (!this.live) return;
    try {
      give();
    } catch (err) {
      this.failure ??= err; // the caller's own exception, passed back unchanged
      this.fail(err);
    }
  }

  // Ends the call with the first failure seen; later ones (a torn-down stream) are ignored.
  private fail(err: unknown): unknown {
    this.failure ??= toBackendError(err);
    this.settle?.({ ok: false, error: this.failure });
    return this.failure;
  }

  /** The fetch the client uses: joins the call's signal, checks status, bounds and checks the body. */
  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    if (this.controller.signal.aborted) throw this.failure ?? abortedError();
    const signal = init?.signal ? AbortSignal.any([init.signal, this.controller.signal]) : this.controller.signal;
    let response: Response;
    try {
      response = await this.settings.baseFetch(input, { ...init, signal });
    } catch (err) {
      throw this.fail(this.failure ?? connectionError(err, this.settings.host));
    }
    if (!response.ok) throw this.fail(await this.statusError(response));
    if (!response.body) throw this.fail(protocolError('Ollama sent an empty reply'));
    const passOn = { status: response.status, statusText: response.statusText, headers: response.headers };
    if (this.mode === 'json') return new Response(await this.readJson(response.body), passOn);
    return new Response(this.checkLines(response.body), passOn);
  };

  // Reads a whole JSON body within the bound and checks that it parses.
  private async readJson(body: ReadableStream<Uint8Array>): Promise<string> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let size = 0;
    for (;;) {
      const chunk = await this.read(reader);
      if (chunk.done) break;
      size += chunk.value.byteLength;
      if (size > this.settings.maxBytes) throw this.fail(tooLargeError(this.settings.maxBytes));
      text += decoder.decode(chunk.value, { stream: true });
    }
    text += decoder.decode();
    const parsed = parseReplyJson(text, this.settings.model);
    if ('problem' in parsed) throw this.fail(parsed.problem);
    return text;
  }

  // Passes a NDJSON stream on as complete, checked lines. A bad line, an error line, too many
  // bytes, or an end without `done: true` fails the call, after the good lines before it.
  private checkLines(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const encoder = new TextEncoder();
    let pending = '';
    let size = 0;
    let sawDone = false;
    let problem: BackendError | undefined;
    // The good lines among `lines`, up to the first problem (which is kept for later).
    const take = (lines: string[]): string => {
      let good = '';
      for (const line of lines) {
        if (line.trim() === '') continue;
        const parsed = parseReplyJson(line, this.settings.model);
        if ('problem' in parsed) {
          problem = parsed.problem;
          break;
        }
        sawDone ||= parsed.value.done === true;
        good += `${line}\n`;
      }
      return good;
    };
    // Reads until there is something to hand on (a pull that enqueues nothing is not repeated).
    const pull = async (controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> => {
      for (;;) {
        if (problem) throw problem;
        const chunk = await this.read(reader);
        let good = '';
        if (chunk.done) {
          good = take([pending + decoder.decode()]);
          if (!sawDone) problem ??= protocolError('the reply stream ended before Ollama said it was done');
        } else {
          size += chunk.value.byteLength;
          if (size > this.settings.maxBytes) throw tooLargeError(this.settings.maxBytes);
          const text = decoder.decode(chunk.value, { stream: true });
          if (!text.includes('\n')) pending += text; // no line ended: nothing new to look at
          else {
            const lines = (pending + text).split('\n');
            pending = lines.pop() ?? '';
            good = take(lines);
          }
        }
        if (good) controller.enqueue(encoder.encode(good));
        else if (problem) throw problem;
        if (chunk.done && !problem) controller.close();
        if (good || chunk.done) return;
      }
    };
    return new ReadableStream<Uint8Array>(
      {
        pull: (controller) => pull(controller).catch((err: unknown) => controller.error(this.fail(err))),
        cancel: (reason) => reader.cancel(reason).catch(() => undefined),
      },
      { highWaterMark: 0 }, // no read-ahead: a later problem must not overtake pieces not yet taken
    );
  }

  // One read; a failure that is not ours (the server went away) is a broken reply.
  private async read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<ReadableStreamReadResult<Uint8Array>> {
    try {
      return await reader.read();
    } catch (err) {
      throw this.failure ?? protocolError('Ollama closed the connection in the middle of the reply', err);
    }
  }

  // An HTTP error status, with the server's error text (bounded).
  private async statusError(response: Response): Promise<BackendError> {
    let text = '';
    try {
      const reader = response.body?.getReader();
      const decoder = new TextDecoder();
      while (reader && text.length < 4096) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += decoder.decode(chunk.value, { stream: true });
      }
      void reader?.cancel().catch(() => undefined);
    } catch {
      if (this.failure) return toBackendError(this.failure);
    }
    const said = serverErrorText(text) || response.statusText;
    if (response.status === 404 && /model/i.test(said) && /not found/i.test(said)) return modelMissingError(this.settings.model);
    return new BackendError('http', `Ollama answered HTTP ${response.status}: ${shorten(said)}`, serverLogHint);
  }
}

// One reply object (a body or a stream line); not JSON, or Ollama's {"error": ...}, is a problem.
function parseReplyJson(text: string, model: string): { value: Record<string, unknown> } | { problem: BackendError } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: protocolError(`Ollama sent a reply that is not JSON: ${shorten(text, 60)}`) };
  }
  if (!isRecord(value)) return { problem: protocolError('Ollama sent a reply that is not a JSON object') };
  if (typeof value.error !== 'string') return { value };
  if (/model/i.test(value.error) && /not found/i.test(value.error)) return { problem: modelMissingError(model) };
  return { problem: new BackendError('http', `Ollama reported an error: ${shorten(value.error)}`, serverLogHint) };
}
