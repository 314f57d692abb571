// Types of bench/pathological-inputs.js for the tests that share its inputs.

/** The model's limit on a command's length. */
export const maxCommandChars: number;
/** One pathological input and the least severe verdict it may get. */
export interface PathologicalInput {
  name: string;
  cmd: string;
  atLeast: 'read_only' | 'writes' | 'destructive' | 'privileged' | 'network_exec';
  safe?: boolean;
}
/** Named pathological inputs. */
export function pathologicalInputs(): PathologicalInput[];
/** A directory with `files` files spread over nested directories. */
export function makeGlobTree(root: string, files?: number): void;
