// The wire format between bash's Enter hook and nl-sh: NUL-separated fields (bash strings
// cannot hold NUL, so no escaping is needed). See share/bash/integration.bash.

import { StringDecoder } from 'node:string_decoder';

/** What the hook sends: a line to decide on, or the facts nl-sh asked for. */
export type HookRequest =
  | { kind: 'line'; id: string; line: string; firstWordType: string; path: string }
  | { kind: 'facts'; id: string; types: string[] };

/** What nl-sh answers for a line. */
export type HookVerb = 'run' | 'replace' | 'run-as' | 'drop' | 'edit' | 'hold' | 'facts';

/** Splits a byte stream into complete requests; keeps the unfinished rest. */
export class HookRequestReader {
  private pending = '';
  private readonly decoder = new StringDecoder('utf8');

  /** Feed bytes; returns every complete request they finish. */
  feed(chunk: Buffer): HookRequest[] {
    this.pending += this.decoder.write(chunk);
    const out: HookRequest[] = [];
    for (;;) {
      const fields = this.pending.split('\0');
      const head = fields[0];
      const need = head === 'Q' ? 5 : head === 'F' ? 3 : -1;
      if (need < 0) {
        // Garbage (a stale or foreign writer): drop up to the next record start.
        const next = this.pending.indexOf('\0');
        if (next < 0) return out;
        this.pending = this.pending.slice(next + 1);
        continue;
      }
      if (fields.length <= need) return out;
      const used = fields.slice(0, need).reduce((n, f) => n + f.length + 1, 0);
      this.pending = this.pending.slice(used);
      const id = fields[1] ?? '';
      if (head === 'Q') {
        out.push({ kind: 'line', id, line: fields[2] ?? '', path: fields[3] ?? '', firstWordType: (fields[4] ?? '').trim() });
      } else {
        const types = (fields[2] ?? '').split('\n');
        if (types.length > 0 && types[types.length - 1] === '') types.pop();
        out.push({ kind: 'facts', id, types });
      }
    }
  }
}

const verbCodes: Record<HookVerb, string> = { run: 'r', replace: 'p', 'run-as': 's', drop: 'd', edit: 'e', hold: 'h', facts: 'f' };

/** Encode an answer for the hook: a verb byte, the id, and its arguments (NULs removed). */
export function encodeReply(id: string, verb: HookVerb, arg = '', arg2 = ''): Buffer {
  const code = verbCodes[verb];
  const clean = (t: string): string => t.replaceAll('\0', '');
  if (code === 's') return Buffer.from(`${code}${id}\0${clean(arg)}\0${clean(arg2)}\0`, 'utf8');
  const withArg = code === 'p' || code === 'e' || code === 'f';
  return Buffer.from(withArg ? `${code}${id}\0${clean(arg)}\0` : `${code}${id}\0`, 'utf8');
}
