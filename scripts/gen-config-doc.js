// Writes docs/configuration.md from the built config schema (npm run build first).
import { writeFileSync } from 'node:fs';
import { configDoc } from '../dist/config/doc.js';

writeFileSync(new URL('../docs/configuration.md', import.meta.url), configDoc());
