/**
 * `npm run docs:api`: writes docs/api.md from the route and collection schemas and their
 * hand-written parts (scripts/api-reference/). tests/unit/server/api-reference.test.ts fails when
 * the file is not what this writes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderApiReference } from './api-reference/render-api-reference';

const target = fileURLToPath(new URL('../docs/api.md', import.meta.url));
writeFileSync(target, renderApiReference());
console.log(`wrote ${target}`);
