// The public face of src/sandbox: the bash parser today; the risk gate and the sandbox next.

export { loadBashParser, type BashParser, type SyntaxNode } from './parse/bash-parser.js';
