// The backstop behind isolated-vm's own `timeout`, which does not cover code that runs after
// a plugin awaits a host function. While one call is in flight it watches the isolate's CPU
// time and the wall time not spent waiting on the host; past the limit it fires `expire` once
// (the caller disposes the isolate, which ends whatever the plugin is doing).

/** The clocks a guard reads: wall time in ms and the isolate's CPU time in ms. */
export interface GuardClocks {
  now(): number;
  cpuMs(): number;
}

/** One call's guard: the host wraps each host-function wait in hostStart/hostEnd. */
export interface CallGuard {
  readonly startedAt: number;
  hostStart(): void;
  hostEnd(): void;
  /** Stop watching (the call settled). */
  stop(): void;
  /** Why it fired, or undefined. */
  expired(): string | undefined;
}

/**
 * Watch one call limited to `limitMs` of the plugin's own time. It fires at about twice the limit
 * (so isolated-vm's timeout, at the limit, names plain loops first) when the isolate has used that
 * much CPU, or when that much wall time has passed outside host-function waits.
 */
export function startGuard(limitMs: number, clocks: GuardClocks, expire: (why: string) => void): CallGuard {
  const allowed = 2 * limitMs;
  const startedAt = clocks.now();
  const cpuAtStart = clocks.cpuMs();
  let pending = 0;
  let pendingSince = 0;
  let hostMs = 0;
  let why: string | undefined;
  const check = (): void => {
    if (why !== undefined) return;
    const cpu = clocks.cpuMs() - cpuAtStart;
    const own = clocks.now() - startedAt - hostMs - (pending > 0 ? clocks.now() - pendingSince : 0);
    if (cpu > allowed) why = `timed out: used ${Math.round(cpu)} ms of CPU, limit ${limitMs} ms`;
    else if (own > allowed) why = `timed out: no answer within ${limitMs} ms`;
    if (why === undefined) return;
    clearInterval(timer);
    expire(why);
  };
  const timer = setInterval(check, Math.max(5, Math.min(limitMs, 50)));
  return {
    startedAt,
    hostStart() {
      if (pending++ === 0) pendingSince = clocks.now();
    },
    hostEnd() {
      if (pending > 0 && --pending === 0) hostMs += clocks.now() - pendingSince;
    },
    stop: () => clearInterval(timer),
    expired: () => why,
  };
}
