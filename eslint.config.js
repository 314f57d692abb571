// Lint: mostly TypeScript's own checks, plus the import graph of DESIGN.md.
// repl may use the public index of planner, sandbox and integrations; those three use only the
// leaves (config, errors, events) and never each other; nothing imports main.ts; only the pty
// module imports node-pty and @xterm/headless; only the bash-parser module imports web-tree-sitter.
import tseslint from 'typescript-eslint';

const leaves = ['**/main.js', '**/main.ts'];
const ptyOnly = [
  { name: '@lydell/node-pty', message: 'Only src/repl/pty/ may import node-pty (one owner per hazard).' },
  { name: '@xterm/headless', message: 'Only src/repl/pty/ may import @xterm/headless (one owner per hazard).' },
  { name: 'web-tree-sitter', message: 'Only src/sandbox/parse/ may import web-tree-sitter.' },
];
const spawners = '/^(spawn|spawnSync|execFile|execFileSync|exec|execSync|fork)$/';
const gitMessage = 'Run git only through runGit (src/run-git.ts), which hardens it against the repository.';
const gitOnlyThroughRunGit = [
  { selector: "CallExpression[arguments.0.type='ArrayExpression'][arguments.0.elements.0.value=/^(.*\\/)?git$/]", message: gitMessage },
  { selector: `CallExpression[callee.name=${spawners}][arguments.0.value=/^(\\S*\\/)?git(\\s|$)/]`, message: gitMessage },
  { selector: `CallExpression[callee.property.name=${spawners}][arguments.0.value=/^(\\S*\\/)?git(\\s|$)/]`, message: gitMessage },
];
const siblingsOf = (self) =>
  ['planner', 'sandbox', 'integrations', 'repl', 'cli']
    .filter((d) => d !== self)
    .map((d) => ({ group: [`../${d}/*`, `../../${d}/*`, `../../../${d}/*`, `../${d}`, `../../${d}`], message: `src/${self} must not import src/${d} (DESIGN.md import directions).` }));
const indexOnly = ['planner', 'sandbox', 'integrations'].map((d) => ({
  group: [`../${d}/*/**`, `../${d}/!(index.js)`, `../../${d}/*/**`, `../../${d}/!(index.js)`],
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
      'no-restricted-imports': ['error', { paths: ptyOnly, patterns: [{ group: leaves, message: 'Nothing imports main.ts.' }] }],
    },
  },
  ...['planner', 'sandbox', 'integrations'].map((d) => ({
    files: [`src/${d}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { paths: ptyOnly, patterns: [...siblingsOf(d), { group: leaves, message: 'Nothing imports main.ts.' }] }],
    },
  })),
  {
    files: ['src/repl/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ptyOnly, patterns: [...indexOnly, { group: ['../cli/*', '../../cli/*'], message: 'src/repl must not import src/cli.' }, { group: leaves, message: 'Nothing imports main.ts.' }] }],
    },
  },
  { files: ['src/repl/pty/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    // A repository's config can name programs git runs; only src/run-git.ts runs git, hardened.
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...gitOnlyThroughRunGit] },
  },
  {
    files: ['src/sandbox/parse/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...siblingsOf('sandbox')] }] },
  },
);
