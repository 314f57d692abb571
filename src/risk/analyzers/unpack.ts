// Unpacking a download (`curl ... | tar xz`, `wget x.zip && unzip x.zip`) puts fetched files on
// disk; running any local program afterwards in the same line runs fetched code.

import { posix } from 'node:path';
import type { Analyzer } from './analyzer.js';

/** The `unpack` analyzer for tar and unzip. */
export const analyzeUnpack: Analyzer = ({ name, parsed, ctx }) => {
  const extracting = name !== 'tar' || parsed.flags.has('-x') || parsed.flags.has('--extract') || parsed.flags.has('--get');
  if (!extracting) return undefined;
  const archives = [...(parsed.flags.get('-f') ?? []), ...(parsed.flags.get('--file') ?? []), ...parsed.positionals.map((w) => w.value ?? '')];
  const d = ctx.scope.downloads;
  const fromDownload = archives.some((a) => a !== '' && (d.has(a) || d.has(posix.basename(a))));
  if (ctx.input.kind === 'fetched' || fromDownload) ctx.scope.fetchedTree.value = true;
  return undefined;
};
