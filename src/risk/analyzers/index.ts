// The registry of analyzers: one table from the names rules use to the code that runs.

import type { AnalyzerName } from '../rules/rule-types.js';
import type { Analyzer } from './analyzer.js';
import { analyzeAlias, analyzeEnable, analyzeHash, analyzeNames, analyzeSet, analyzeUnalias } from './bash-builtins.js';
import { analyzeCd } from './cd.js';
import { analyzeCode } from './code.js';
import { analyzeFetch } from './fetch.js';
import { analyzeFind } from './find.js';
import { analyzeUnpack } from './unpack.js';
import { analyzeKill } from './kill.js';
import { analyzeEval, analyzeShell, analyzeSource, analyzeTrap } from './shell.js';
import { analyzeParallel, analyzeXargs } from './xargs.js';

/** Every analyzer, by the name rules refer to it with. */
export const analyzers: Readonly<Record<AnalyzerName, Analyzer>> = Object.freeze({
  find: analyzeFind,
  xargs: analyzeXargs,
  parallel: analyzeParallel,
  shell: analyzeShell,
  eval: analyzeEval,
  source: analyzeSource,
  trap: analyzeTrap,
  code: analyzeCode,
  kill: analyzeKill,
  fetch: analyzeFetch,
  cd: analyzeCd,
  unpack: analyzeUnpack,
  names: analyzeNames,
  alias: analyzeAlias,
  unalias: analyzeUnalias,
  hash: analyzeHash,
  enable: analyzeEnable,
  set: analyzeSet,
});
