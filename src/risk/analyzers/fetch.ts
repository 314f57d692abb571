// Downloads: remember files fetched earlier in the line (curl -o, curl -O, wget), so that running
// them later (`bash setup.sh`, `./tool.sh`) is network_exec; a clone makes its scripts fetched
// code too. What reaches stdout is fetched content.

import { posix } from 'node:path';
import { report } from '../walk-context.js';
import type { Analyzer } from './analyzer.js';

/** The `fetch` analyzer for curl, wget and clones. */
export const analyzeFetch: Analyzer = ({ name, parsed, ctx }) => {
  const downloads = ctx.scope.downloads;
  const urls = parsed.positionals.map((w) => w.value).filter((v): v is string => v !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(v));
  if (name === 'tee') {
    if (ctx.input.kind === 'fetched') for (const w of parsed.positionals) if (w.value !== undefined) downloads.add(w.value).add(posix.basename(w.value));
    return undefined;
  }
  if (name.startsWith('git')) {
    ctx.scope.fetchedTree.value = true;
    const target = parsed.positionals[1]?.value ?? (urls[0] ? posix.basename(urls[0]).replace(/\.git$/, '') : undefined);
    if (target) downloads.add(target);
    return undefined;
  }
  const remember = (file: string): void => {
    downloads.add(file);
    downloads.add(posix.normalize(file));
    downloads.add(posix.basename(file));
  };
  const basenameOf = (url: string): string => posix.basename(url.replace(/[?#].*$/, '')) || 'index.html';
  if (name === 'curl') {
    const outputs = [...(parsed.flags.get('-o') ?? []), ...(parsed.flags.get('--output') ?? [])];
    for (const file of outputs) if (file !== '-') remember(file);
    const remote = parsed.flags.has('-O') || parsed.flags.has('--remote-name') || parsed.flags.has('--remote-name-all');
    if (remote) for (const url of urls) remember(basenameOf(url));
    if (outputs.some((o) => o !== '-') || remote) return { kind: 'none' };
    return { kind: 'fetched', from: ctx.span };
  }
  // wget and similar: -O FILE, else the URL's basename under -P DIR.
  const outputs = [...(parsed.flags.get('-O') ?? []), ...(parsed.flags.get('--output-document') ?? [])];
  if (outputs.includes('-')) return { kind: 'fetched', from: ctx.span };
  for (const file of outputs) remember(file);
  const prefix = parsed.flags.get('-P')?.[0] ?? parsed.flags.get('--directory-prefix')?.[0];
  if (outputs.length === 0) for (const url of urls) remember(prefix ? posix.join(prefix, basenameOf(url)) : basenameOf(url));
  report(ctx, 'writes', 'rule', ctx.span, `saves the download to ${outputs[0] ?? (urls[0] ? basenameOf(urls[0]) : 'a file')}`);
  return { kind: 'none' };
};
