import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFsFacts, loadRiskClassifier, type Level, type RiskClassifier } from '../../src/risk/index.js';

let classifier: RiskClassifier;
beforeAll(async () => {
  classifier = await loadRiskClassifier();
});

// Each allowed form: read-only because every name, member and call in it is on the allow-list.
const pure: string[] = [
  "python3 -c 'print(1+2)'",
  "python3 -c 'print(len(\"abc\"), sum(range(10)), sorted([3,1,2]))'",
  "python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin), indent=2))'",
  "python3 -c 'import math; print(math.sqrt(2), math.pi)'",
  "python3 -c 'import sys; print(sys.version)'",
  "python3 -c 'import sys; [print(l.strip().upper()) for l in sys.stdin]'",
  "python3 -c 'from json import loads; print(loads(\"[1]\"))'",
  "python3 -c 'x = [1, 2]; print(x)'",
  "python3 -c 'print(f\"{1+1:>4}\")'",
  "python3 -c 'print(open(\"a.txt\").read())'",
  "python3 -c 'print(open(\"a.txt\", \"rb\").read())'",
  "python3 -c 'import sys; sys.stdout.write(\"hi\")'",
  "python3 -c 'print(list(map(lambda s: s.split(\",\"), [\"a,b\"])))'",
  "node -e 'console.log(1+1)'",
  "node -e 'console.log(JSON.stringify({a: 1}))'",
  "node -e \"console.log(require('./package.json').version)\"",
  "node -e \"console.log(require('fs').readFileSync('a.txt', 'utf8').split('\\n').length)\"",
  "node -e \"const fs = require('fs'); console.log(fs.existsSync('x'))\"",
  "node -e \"const { readFileSync } = require('node:fs'); console.log(readFileSync(0, 'utf8'))\"",
  "node -e 'process.stdout.write(process.argv.slice(1).join(\" \"))'",
  "node -e 'console.log(process.env.HOME, Math.max(1, 2))'",
  "node -e 'console.log(`${1 + 2} items`)'",
  "node -e 'console.log([1,2,3].map(x => x * 2).filter(x => x > 2))'",
  "node -e 'console.log(/a+/.test(\"aa\"), new Date().toISOString())'",
  "perl -ne 'print if /x/' file.txt",
  "perl -le 'print for @INC'",
  "perl -e 'use strict; my @a = split /,/, \"a,b\"; print join(\"-\", sort @a), \"\\n\"'",
  "perl -ne 'print uc $_' f",
  "awk '{print $1}' f",
  "awk -F: '{s+=$3} END {print s}' f",
  "sed -n '1,5p' f",
];

// Each trick: outside the allow-list, so at least writes; destructive where the danger is visible, or where
// the code builds what it runs at run time (`eval`, `getattr`, `__import__`, computed calls): however
// harmless the literal in the row, the same form reaches anything.
const rejected: [string, Level][] = [
  ["python3 -c 'import os; f=os.system; f(\"rm -rf ~\")'", 'destructive'],
  ["python3 -c 'import os; getattr(os,\"sys\"+\"tem\")(\"ls\")'", 'destructive'],
  ["python3 -c '__import__(\"o\"+\"s\").system(\"ls\")'", 'destructive'],
  ["python3 -c 'exec(bytes.fromhex(\"7072696e74\"))'", 'destructive'],
  ["python3 -c 'eval(\"1\")'", 'destructive'],
  ["python3 -c 'compile(\"1\", \"x\", \"exec\")'", 'destructive'],
  ["python3 -c 'import importlib; importlib.import_module(\"os\")'", 'destructive'],
  ["python3 -c 'print(().__class__.__bases__)'", 'writes'],
  ["python3 -c 'print(\"{0.__class__}\".format(1))'", 'writes'],
  ["python3 -c 'import sys; sys.modules[\"os\"].system(\"x\")'", 'writes'],
  ["python3 -c 'open(\"x\", \"w\").write(\"a\")'", 'writes'],
  ["python3 -c 'open(\"x\", mode=\"a\")'", 'writes'],
  ["python3 -c 'print = len; print(1)'", 'writes'],
  ["python3 -c 'f = print; f(1)'", 'writes'],
  ["python3 -c 'from json import loads as print; print(1)'", 'writes'],
  ["python3 -c 'import json as len'", 'writes'],
  ["python3 -c 'print(f\"{getattr(1, \\\"real\\\")}\")'", 'destructive'],
  ["python3 -c 'import json; json.dumps = 1'", 'writes'],
  ["python3 -c 'import foo'", 'writes'],
  ["python3 -c 'import os; print(os.getcwd())'", 'writes'],
  ["python3 -c 'help()'", 'writes'],
  ["python3 -c 'breakpoint()'", 'writes'],
  ["python3 -c 'ｅｘｅｃ(\"1\")'", 'writes'],
  ["node -e 'require(\"f\"+\"s\").rmSync(\"x\")'", 'destructive'],
  ["node -e 'globalThis[\"ev\"+\"al\"](\"1\")'", 'destructive'],
  ["node -e 'process.binding(\"fs\")'", 'writes'],
  ["node -e 'process.mainModule.require(\"child_process\")'", 'writes'],
  ["node -e 'Function(\"return 1\")()'", 'destructive'],
  ["node -e '\"\".constructor.constructor(\"return 1\")()'", 'writes'],
  ["node -e 'const k = \"constructor\"; const d = {}; console.log(d[k][k])'", 'writes'],
  ["node -e 'const c=require(\"child_\"+\"process\"); c.execSync(\"ls\")'", 'writes'],
  ["node -e 'const {execSync: e} = require(\"child_process\"); e(\"ls\")'", 'destructive'],
  ["node -e 'import(\"fs\").then(f => f.rmSync(\"x\"))'", 'destructive'],
  ["node -e 'require(\"fs\").writeFileSync(\"x\", \"a\")'", 'writes'],
  ["node -e 'const fs = require(\"fs\"); fs.appendFileSync(\"x\", \"a\")'", 'writes'],
  ["node -e 'require(\"./lib\")'", 'writes'],
  ["node -e 'console.log = 1'", 'writes'],
  ["node -e 'String.raw`x`'", 'writes'],
  ["node -e 'setTimeout(\"1\")'", 'writes'],
  ["perl -e '$f=\"sys\".\"tem\"; &$f(\"ls\")'", 'destructive'],
  ["perl -e 'CORE::system(\"ls\")'", 'writes'],
  ["perl -e '$x->()'", 'writes'],
  ["perl -e 'eval \"1\"'", 'destructive'],
  ["perl -pe 's/x/system(\"ls\")/e' f", 'writes'],
  ["perl -e 'print \"@{[ 1 ]}\"'", 'writes'],
  ["perl -e 'print /(?{ 1 })/'", 'writes'],
  ["perl -e 'open(F, \">x\")'", 'writes'],
  ["ruby -e 'Kernel.send(:system, \"ls\")'", 'destructive'],
  ["ruby -e 'Kernel.public_send(\"sys\"+\"tem\", \"ls\")'", 'destructive'],
  ["ruby -e 'puts 1'", 'writes'],
  ["php -r 'echo 1;'", 'writes'],
  ["awk 'BEGIN{print \"rm -rf ~\" | \"sh\"}'", 'destructive'],
  ["awk '{print > \"out.txt\"}' f", 'writes'],
  ["awk '{print | \"sort\"}' f", 'writes'],
  ["awk 'BEGIN{system(\"rm -rf x\")}'", 'destructive'],
  ["awk 'BEGIN{cmd=\"ls\"; cmd | getline x}'", 'destructive'],
  ["awk '@load \"x\"; BEGIN{}'", 'writes'],
  ["lua -e 'print(1)'", 'writes'],
  ["lua -e 'os.execute(\"rm -rf x\")'", 'destructive'],
  ["luajit -e 'os.execute(\"rm -rf x\")'", 'destructive'],
];

// Variables that make an interpreter load code from elsewhere.
const loadPaths: [string, Level][] = [
  ["PYTHONPATH=. python3 -c 'import json'", 'writes'],
  ["env PYTHONPATH=. python3 -c 'print(1)'", 'writes'],
  ["export PYTHONPATH=.; python3 -c 'print(1)'", 'writes'],
  ["PYTHONHOME=. python3 -c 'print(1)'", 'writes'],
  ["PYTHONSTARTUP=x.py python3 -c 'print(1)'", 'destructive'],
  ["NODE_OPTIONS='--require ./x.js' node -e 'console.log(1)'", 'writes'],
  ["NODE_PATH=. node -e 'console.log(1)'", 'writes'],
  ["PERL5OPT=-Mx perl -e 'print 1'", 'destructive'],
  ["PERL5LIB=. perl -e 'print 1'", 'writes'],
  ["RUBYOPT=-rx ruby -e 'p 1'", 'destructive'],
  ["RUBYLIB=. ruby -e 'p 1'", 'writes'],
];

// Judged as in a session: with the facts of a working directory that holds no planted module.
describe('interpreter code in the allow-list of pure forms is read-only', () => {
  let clean: string;
  beforeAll(() => {
    clean = mkdtempSync(join(tmpdir(), 'nlsh-clean-'));
  });
  afterAll(() => rmSync(clean, { recursive: true, force: true }));
  it.each(pure)('%s', (cmd) => {
    const a = classifier.classify(cmd, createFsFacts({ cwd: clean, home: clean }));
    expect(a.level, JSON.stringify(a.reasons)).toBe('read_only');
  });
});

// Without facts nothing shows the directory is clean: only modules the interpreter has built in
// (or frozen), which no file can replace, leave a one-liner read-only.
describe('without filesystem facts, an import the working directory could replace is unknown', () => {
  it.each([
    ["python3 -c 'import json; print(json.dumps(1))'", 'writes'],
    ["python3 -c 'from json import loads; print(loads(\"[1]\"))'", 'writes'],
    ["python3 -c 'import math; print(math.pi)'", 'writes'],
    ["python3 -c 'import sys; print(sys.version)'", 'read_only'],
    ["python3 -c 'print(2+3)'", 'read_only'],
  ] as const)('%s is %s', (cmd, level) => {
    expect(classifier.classify(cmd).level).toBe(level);
  });
});

describe('interpreter code outside the allow-list is not read-only', () => {
  it.each(rejected)('%s is %s', (cmd, level) => {
    const a = classifier.classify(cmd);
    expect(a.level, JSON.stringify(a.reasons)).toBe(level);
  });
});

describe('module search path variables make interpreter runs unknown', () => {
  it.each(loadPaths)('%s is %s', (cmd, level) => {
    const a = classifier.classify(cmd);
    expect(a.level, JSON.stringify(a.reasons)).toBe(level);
  });
});

describe('a module planted in the working directory', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nlsh-pure-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('python3 -c "import json" is read-only when the directory holds no json.py', () => {
    expect(classifier.classify("python3 -c 'import json; print(json.dumps(1))'", createFsFacts({ cwd: dir, home: dir })).level).toBe('read_only');
  });
  it('python3 -c "import json" is unknown when the directory holds json.py', () => {
    writeFileSync(join(dir, 'json.py'), '');
    const a = classifier.classify("python3 -c 'import json; print(json.dumps(1))'", createFsFacts({ cwd: dir, home: dir }));
    expect(a.level).toBe('writes');
    expect(a.unknown).toBe(true);
  });
});
