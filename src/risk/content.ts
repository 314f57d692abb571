// What a command writes to stdout (or a substitution yields), as far as nl-sh can tell without
// running anything. Interpreters that read code from a pipe, a here-doc or `<(...)` are judged
// by this: known text is classified as code, anything fetched is network_exec.

/** The content of a stream or a substitution's output. */
export type Content =
  /** Known text (an echo of literals, a here-doc, a decoded literal). */
  | { kind: 'text'; text: string; from: string }
  /** Bytes that came from the network (curl, wget to stdout), even after filters. */
  | { kind: 'fetched'; from: string }
  /** A decoded payload nl-sh cannot read (base64 -d of something not literal). */
  | { kind: 'decoded'; from: string }
  /** The contents of a local file. */
  | { kind: 'file'; path: string; from: string }
  /** Shell setup code printed by a known tool (`ssh-agent -s`, `pyenv init -`). */
  | { kind: 'shell-setup'; from: string }
  /** Output of a program nl-sh cannot predict. */
  | { kind: 'generated'; from: string }
  /** Nothing: the terminal, or output that went elsewhere. */
  | { kind: 'none' };

/** The terminal or an empty stream. */
export const noContent: Content = Object.freeze({ kind: 'none' });

/** Combine the outputs of commands that write to the same stream in turn. */
export function concatContent(parts: readonly Content[], from: string): Content {
  const real = parts.filter((p) => p.kind !== 'none');
  if (real.length === 0) return noContent;
  if (real.length === 1) return real[0] as Content;
  const fetched = real.find((p) => p.kind === 'fetched');
  if (fetched) return fetched;
  const decoded = real.find((p) => p.kind === 'decoded');
  if (decoded) return decoded;
  if (real.every((p) => p.kind === 'text')) return { kind: 'text', text: real.map((p) => (p.kind === 'text' ? p.text : '')).join(''), from };
  return { kind: 'generated', from };
}
