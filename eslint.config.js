// Lint: mostly TypeScript's own checks, plus the import graph of DESIGN.md, with a zone for every
// folder of src/:
// - planner, risk, sandbox and integrations use only the leaves (top-level files of src/) and
//   never each other;
// - repl may use the public index of planner, risk, sandbox and integrations, never cli, flow or
//   preview;
// - preview (formatting) may use planner, risk and sandbox, never repl, flow, cli or integrations;
// - flow (the request flow) may use planner, risk, sandbox, preview and repl's types, never cli
//   or integrations (the composition root in cli wires them in);
// - model-server (the `nl-sh-model` process) uses only the leaves, and nothing imports it;
// - cli is the composition root; nothing imports main.ts.
// Import cycles anywhere in src/ are found by scripts/check-cycles.mjs, which `npm run lint` runs.
// Only the pty module imports node-pty and @xterm/headless; only src/risk/parse/ imports
// web-tree-sitter; only src/model-server/ imports node-llama-cpp; only src/run-git.ts runs git.
// Files are read only through src/read-file.ts (regular files, never blocking, capped) and programs run only through src/run-bounded.ts (no
// shell, own process group, time limit, output cap), with the exceptions listed at the end.
import tseslint from 'typescript-eslint';

const leaves = ['**/main.js', '**/main.ts'];
const ptyOnly = [
  { name: '@lydell/node-pty', message: 'Only src/repl/pty/ may import node-pty (one owner per hazard).' },
  { name: '@xterm/headless', message: 'Only src/repl/pty/ may import @xterm/headless (one owner per hazard).' },
  { name: 'web-tree-sitter', message: 'Only src/risk/parse/ may import web-tree-sitter.' },
];
const llamaOnly = [{ name: 'node-llama-cpp', message: 'Only src/model-server/ may import node-llama-cpp (one owner per model SDK; the model lives in the server process).' }];
const readMessage = 'Read files only through src/read-file.ts (readFileSafe): regular files only, never blocking, capped.';
const fsRead = ['node:fs', 'fs'].map((name) => ({ name, importNames: ['readFile', 'readFileSync', 'createReadStream', 'read', 'readSync', 'readv', 'readvSync', 'promises'], message: readMessage }));
const fsPromisesRead = ['node:fs/promises', 'fs/promises'].map((name) => ({ name, importNames: ['readFile', 'open'], message: readMessage }));
const childProcess = ['node:child_process', 'child_process'].map((name) => ({ name, message: 'Run programs only through src/run-bounded.ts (runBounded): no shell, own process group, time limit, output cap.' }));
const hazards = [...ptyOnly, ...llamaOnly, ...fsRead, ...fsPromisesRead, ...childProcess];
const spawners = '/^(spawn|spawnSync|execFile|execFileSync|exec|execSync|fork)$/';
const gitMessage = 'Run git only through runGit (src/run-git.ts), which hardens it against the repository.';
const gitOnlyThroughRunGit = [
  { selector: "CallExpression[arguments.0.type='ArrayExpression'][arguments.0.elements.0.value=/^(.*\\/)?git$/]", message: gitMessage },
  { selector: `CallExpression[callee.name=${spawners}][arguments.0.value=/^(\\S*\\/)?git(\\s|$)/]`, message: gitMessage },
  { selector: `CallExpression[callee.property.name=${spawners}][arguments.0.value=/^(\\S*\\/)?git(\\s|$)/]`, message: gitMessage },
];
const folders = ['planner', 'risk', 'sandbox', 'integrations', 'repl', 'cli', 'flow', 'preview', 'model-server'];
const forbid = (self, others) =>
  others.map((d) => ({ group: [`../${d}/*`, `../../${d}/*`, `../../../${d}/*`, `../${d}`, `../../${d}`], message: `src/${self} must not import src/${d} (DESIGN.md import directions).` }));
// The model server is a process of its own: no file of the shell imports it.
const noModelServer = { group: ['./model-server/*', '../model-server/*', '../../model-server/*', '../../../model-server/*'], message: 'src/model-server/ is the nl-sh-model process: nothing else imports it (talk to it over src/model-wire.ts).' };
const siblingsOf = (self) => forbid(self, folders.filter((d) => d !== self));
const indexOnly = ['planner', 'risk', 'sandbox', 'integrations'].map((d) => ({
  // gitignore syntax: every file of the folder, then the index taken back out.
  group: [`../${d}/*`, `../${d}/*/**`, `!../${d}/index.js`, `../../${d}/*`, `../../${d}/*/**`, `!../../${d}/index.js`],
  message: `src/repl may import only the public index of src/${d}.`,
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/fixtures/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: hazards, patterns: [noModelServer, { group: leaves, message: 'Nothing imports main.ts.' }] }],
    },
  },
  ...['planner', 'risk', 'sandbox', 'integrations'].map((d) => ({
    files: [`src/${d}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { paths: hazards, patterns: [...siblingsOf(d), { group: leaves, message: 'Nothing imports main.ts.' }] }],
    },
  })),
  {
    files: ['src/repl/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: hazards, patterns: [...indexOnly, ...forbid('repl', ['cli', 'flow', 'preview', 'model-server']), { group: leaves, message: 'Nothing imports main.ts.' }] }],
    },
  },
  {
    files: ['src/preview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: hazards, patterns: [...forbid('preview', ['repl', 'flow', 'cli', 'integrations', 'model-server']), { group: leaves, message: 'Nothing imports main.ts.' }] }],
    },
  },
  {
    files: ['src/flow/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: hazards, patterns: [...forbid('flow', ['cli', 'integrations', 'model-server']), { group: leaves, message: 'Nothing imports main.ts.' }] }],
    },
  },
  {
    // The model server is its own process: the leaves only, and the one owner of node-llama-cpp.
    files: ['src/model-server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...ptyOnly, ...fsRead, ...fsPromisesRead, ...childProcess], patterns: [...siblingsOf('model-server'), { group: leaves, message: 'Nothing imports main.ts.' }] }],
    },
  },
  { files: ['src/repl/pty/**/*.ts'], rules: { 'no-restricted-imports': ['error', { paths: [...llamaOnly, ...fsRead, ...fsPromisesRead, ...childProcess] }] } },
  {
    // A repository's config can name programs git runs; only src/run-git.ts runs git, hardened.
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...gitOnlyThroughRunGit] },
  },
  {
    files: ['src/risk/parse/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [...llamaOnly, ...fsRead, ...fsPromisesRead, ...childProcess], patterns: [...siblingsOf('risk')] }] },
  },
  // The owners of the two hazards.
  {
    files: ['src/read-file.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [...ptyOnly, ...llamaOnly, ...childProcess], patterns: [noModelServer, { group: leaves, message: 'Nothing imports main.ts.' }] }] },
  },
  {
    files: ['src/run-bounded.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [...ptyOnly, ...llamaOnly, ...fsRead, ...fsPromisesRead], patterns: [noModelServer, { group: leaves, message: 'Nothing imports main.ts.' }] }] },
  },
  // The only other processes nl-sh starts (the pty's bash goes through node-pty, above):
  // - src/entry.ts: the login-shell fallback runs bash with the terminal inherited and waits
  //   for it, with no limits: it is the user's shell, not a helper;
  // - src/integrations/plugins/plugin-host.ts: forks nl-sh's own plugin worker, a Node process
  //   with an IPC channel that lives as long as the session;
  // - src/model-server-start.ts: starts the per-user model server detached, not waited for: it
  //   outlives the session by design (it serves every session and exits when idle), which
  //   runBounded's time limit and process-group kill exist to prevent.
  {
    files: ['src/entry.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [...ptyOnly, ...llamaOnly, ...fsRead, ...fsPromisesRead], patterns: [noModelServer, { group: leaves, message: 'Nothing imports main.ts.' }] }] },
  },
  {
    files: ['src/integrations/plugins/plugin-host.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [...ptyOnly, ...llamaOnly, ...fsRead, ...fsPromisesRead], patterns: [...siblingsOf('integrations'), { group: leaves, message: 'Nothing imports main.ts.' }] }] },
  },
  {
    files: ['src/model-server-start.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [...ptyOnly, ...llamaOnly, ...fsRead, ...fsPromisesRead], patterns: [noModelServer, { group: leaves, message: 'Nothing imports main.ts.' }] }] },
  },
);
