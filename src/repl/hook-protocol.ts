// The wire format between bash's Enter hook and nl-sh: NUL-separated fields (bash strings
// cannot hold NUL, so no escaping is needed). See share/bash/integration.bash. Every request
// carries the session's secret, which bash made and holds only in its memory; every reply
// carries it back, so bash obeys nothing that merely reached the channel.

import { StringDecoder } from 'node:string_decoder';

/** What the hook sends: a line to decide on, or the facts nl-sh asked for. */
export type HookRequest =
  | { kind: 'line'; id: string; key: string; line: string; firstWordType: string; path: string; cwd: string }
  | { kind: 'facts'; id: string; key: string; types: string[] }
  | { kind: 'definitions'; id: string; key: string; script: string };

/** What nl-sh answers for a line. */
export type HookVerb = 'run' | 'replace' | 'contained' | 'drop' | 'edit' | 'hold' | 'facts' | 'definitions';

/** A contained run as bash receives it: the line to show and run, history's line, the wrapper, the guarded paths. */
export interface ContainedReply {
  line: string;
  history: string;
  wrapper: readonly string[];
  guard: readonly string[];
}

// Fields after the record's letter: Q seq key line PATH PWD type; F seq key types; D seq key script.
const fieldsOf: Record<string, number> = { Q: 7, F: 4, D: 4 };

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
      const need = fieldsOf[fields[0] ?? ''] ?? -1;
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
      const [head, id = '', key = ''] = fields;
      if (head === 'Q') {
        out.push({ kind: 'line', id, key, line: fields[3] ?? '', path: fields[4] ?? '', cwd: fields[5] ?? '', firstWordType: (fields[6] ?? '').trim() });
      } else if (head === 'D') {
        out.push({ kind: 'definitions', id, key, script: fields[3] ?? '' });
      } else {
        const types = (fields[3] ?? '').split('\n');
        if (types.length > 0 && types[types.length - 1] === '') types.pop();
        out.push({ kind: 'facts', id, key, types });
      }
    }
  }
}

const verbCodes: Record<HookVerb, string> = { run: 'r', replace: 'p', contained: 'c', drop: 'd', edit: 'e', hold: 'h', facts: 'f', definitions: 'v' };

/** Encode an answer for the hook: a verb byte, the id, the key, and its fields (NULs removed). */
export function encodeReply(id: string, key: string, verb: HookVerb, arg = '', contained?: ContainedReply): Buffer {
  const code = verbCodes[verb];
  const clean = (t: string): string => t.replaceAll('\0', '');
  const fields = [id, key];
  if (code === 'p' || code === 'e' || code === 'f' || code === 'v') fields.push(arg);
  if (code === 'c') {
    const c = contained ?? { line: arg, history: arg, wrapper: [], guard: [] };
    fields.push(c.line, c.history, String(c.wrapper.length), ...c.wrapper, String(c.guard.length), ...c.guard);
  }
  return Buffer.from(`${code}${fields.map((f) => `${clean(f)}\0`).join('')}`, 'utf8');
}
