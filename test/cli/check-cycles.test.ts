// The lint's cycle check (scripts/check-cycles.mjs): it resolves `.js` specifiers to `.ts` files
// as tsc does, fails listing a planted cycle (value or type-only), and passes on src/ as it is.

import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const script = join(import.meta.dirname, '../../scripts/check-cycles.mjs');
const tsconfig = join(import.meta.dirname, '../../tsconfig.json');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function check(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'nlsh-cycles-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return spawnSync(process.execPath, [script, dir, tsconfig], { encoding: 'utf8', cwd: dir });
}

describe('check-cycles', () => {
  it('passes a tree without cycles', () => {
    const r = check({ 'a.ts': "import { b } from './b.js';\nexport const a = b;\n", 'b.ts': 'export const b = 1;\n' });
    expect(r.status).toBe(0);
  });

  it.each([
    ['value imports', "import { b } from './b.js';\nexport const a = () => b;\n", "import { a } from './a.js';\nexport const b = () => a;\n"],
    ['a type-only import', "import type { B } from './b.js';\nexport type A = B | 1;\n", "import { a } from './a.js';\nexport type B = string;\nexport const b = a;\n"],
    ['a re-export', "export * from './b.js';\nexport const a = 1;\n", "export { a } from './a.js';\nexport const b = 2;\n"],
  ])('fails on a cycle through %s, naming the files', (_, a, b) => {
    const r = check({ 'a.ts': a, 'b.ts': b });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/import cycles/);
    expect(r.stderr).toMatch(/a\.ts → b\.ts → a\.ts|b\.ts → a\.ts → b\.ts/);
  });

  it('finds a longer cycle across folders, as in the risk analyzers', () => {
    const r = check({
      'risk/rule-engine.ts': "import { analyzers } from './analyzers/index.js';\nexport const applyRule = () => analyzers;\n",
      'risk/analyzers/index.ts': "import { analyzeCode } from './code.js';\nexport const analyzers = [analyzeCode];\n",
      'risk/analyzers/code.ts': "import { applyRule } from '../rule-engine.js';\nexport const analyzeCode = () => applyRule;\n",
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('risk/analyzers/code.ts → risk/rule-engine.ts → risk/analyzers/index.ts → risk/analyzers/code.ts');
    expect(r.stderr).toMatch(/3 files/);
  });

  it('passes on src/', () => {
    const r = spawnSync(process.execPath, [script, join(import.meta.dirname, '../../src'), tsconfig], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
