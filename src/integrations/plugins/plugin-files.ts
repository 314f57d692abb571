// Which files in the plugins directory are plugins: every `*.js` not starting with `.`, sorted.
// Its own small module, so nl-sh can look before it loads anything of the plugin machinery.

import { readdir } from 'node:fs/promises';

/** The plugin files in `dir` (none when it does not exist or cannot be read). */
export async function pluginFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => f.endsWith('.js') && !f.startsWith('.')).sort();
  } catch {
    return [];
  }
}
