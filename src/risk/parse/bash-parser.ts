// The only owner of web-tree-sitter: a real bash parser (the tree-sitter-bash grammar as WASM),
// initialised once, lazily, off the path to the first prompt. Parsing is synchronous once
// loaded. Every tree lives only inside `withTree`, which frees its WASM memory afterwards.

import { createRequire } from 'node:module';

/** The subset of a tree-sitter node that nl-sh walks (tree-sitter's Node satisfies it). */
export interface SyntaxNode {
  readonly type: string;
  readonly text: string;
  readonly isNamed: boolean;
  readonly isMissing: boolean;
  readonly hasError: boolean;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly children: (SyntaxNode | null)[];
  readonly namedChildren: (SyntaxNode | null)[];
  readonly parent: SyntaxNode | null;
  childForFieldName(field: string): SyntaxNode | null;
  childrenForFieldName(field: string): (SyntaxNode | null)[];
}

/** A loaded parser. */
export interface BashParser {
  /** Parse `source` and hand the root to `use`; the tree is freed when `use` returns. */
  withTree<T>(source: string, use: (root: SyntaxNode) => T): T;
}

let loading: Promise<BashParser> | undefined;

/** Load the parser (once per process); the promise is shared by every caller. */
export function loadBashParser(): Promise<BashParser> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const { Parser, Language } = (await import('web-tree-sitter')) as typeof import('web-tree-sitter');
    await Parser.init();
    const language = await Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    return {
      withTree<T>(source: string, use: (root: SyntaxNode) => T): T {
        const tree = parser.parse(source);
        if (!tree) throw new Error('the bash parser returned no tree');
        try {
          return use(tree.rootNode as unknown as SyntaxNode);
        } finally {
          tree.delete();
        }
      },
    };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
