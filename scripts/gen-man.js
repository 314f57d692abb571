// Writes man/nl-sh.1 from the built flags table (npm run build first).
import { readFileSync, writeFileSync } from 'node:fs';
import { manPage } from '../dist/cli/man-page.js';

const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
writeFileSync(new URL('../man/nl-sh.1', import.meta.url), manPage(version));
