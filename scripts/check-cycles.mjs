#!/usr/bin/env node
// Fails when the import graph of a source folder (default: src/) has a cycle, and lists each one.
// Specifiers are resolved by TypeScript's own resolver with the project's options, so `./x.js`
// finds `./x.ts` exactly as tsc does. Every static import and re-export counts, type-only ones
// included: those vanish at run time, but a type cycle still ties two layers together (and under
// verbatimModuleSyntax `import { type X }` stays a real, side-effect import). Dynamic `import()`
// counts too: a lazy loop is still a loop in the design.
// Usage: node scripts/check-cycles.mjs [folder] [tsconfig]

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(process.argv[2] ?? 'src');
const tsconfigPath = process.argv[3] ?? ts.findConfigFile(root, ts.sys.fileExists, 'tsconfig.json');

function compilerOptions() {
  if (!tsconfigPath) return { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
  const { config } = ts.readConfigFile(tsconfigPath, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config ?? {}, ts.sys, join(tsconfigPath, '..')).options;
}

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(m|c)?tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

// The module specifiers one file imports, re-exports or loads with import().
function specifiers(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) out.push(node.moduleSpecifier.text);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) out.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function importGraph(files, options) {
  const inside = new Set(files);
  const graph = new Map();
  for (const file of files) {
    const targets = new Set();
    for (const spec of specifiers(file)) {
      const resolved = ts.resolveModuleName(spec, file, options, ts.sys).resolvedModule?.resolvedFileName;
      if (resolved && inside.has(resolve(resolved))) targets.add(resolve(resolved));
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

// Tarjan's strongly connected components; every component with more than one file (or a file
// importing itself) holds a cycle.
function cyclicComponents(graph) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const connect = (v) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), indices.get(w)));
    }
    if (low.get(v) !== indices.get(v)) return;
    const component = [];
    for (let w = stack.pop(); ; w = stack.pop()) {
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component);
  };
  for (const v of graph.keys()) if (!indices.has(v)) connect(v);
  return components;
}

// One concrete loop through a component, for the message: a → b → … → a.
function oneCycle(graph, component) {
  const members = new Set(component);
  const start = component.toSorted()[0];
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    for (const w of graph.get(v) ?? []) {
      if (w === start) {
        const path = [v];
        for (let p = previous.get(v); p !== undefined; p = previous.get(p)) path.unshift(p);
        return [...path, start];
      }
      if (members.has(w) && !previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return component;
}

const graph = importGraph(sourceFiles(root), compilerOptions());
const cycles = cyclicComponents(graph);
const name = (file) => relative(process.cwd(), file);
if (cycles.length > 0) {
  process.stderr.write(`import cycles in ${name(root) || '.'} (${cycles.length}):\n`);
  for (const component of cycles) process.stderr.write(`  ${oneCycle(graph, component).map(name).join(' → ')}${component.length > 2 ? `  (${component.length} files in this knot)` : ''}\n`);
  process.exit(1);
}
process.stdout.write(`no import cycles among ${graph.size} files of ${name(root) || '.'}\n`);
