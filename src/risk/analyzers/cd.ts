// cd and pushd: follow the working directory, so that later relative paths in the line resolve
// where they will really point (`cd /etc && echo x > hosts` writes /etc/hosts).

import { resolvePath } from '../paths.js';
import type { Analyzer } from './analyzer.js';

/** The `cd` analyzer. */
export const analyzeCd: Analyzer = ({ parsed, ctx }) => {
  const facts = ctx.env.facts;
  const target = parsed.positionals[0];
  if (!target) ctx.scope.cwd = facts?.home ?? '~';
  else if (target.value === undefined || target.value === '-') ctx.scope.cwd = undefined;
  else {
    const base = ctx.scope.cwd ?? facts?.cwd;
    const next = resolvePath(target.value, base, facts?.home);
    ctx.scope.cwd = next.startsWith('/') || next.startsWith('~') ? next : undefined;
  }
  return undefined;
};
