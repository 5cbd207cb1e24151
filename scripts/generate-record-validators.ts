import { writeFileSync } from 'node:fs';
import { recordValidatorsSource } from '../domain/record-validation/record-validators-source';

/** Writes the compiled record validators the server and the renderer share (docs/adr/0032). */
const target = new URL('../domain/record-validation/record-validators.generated.ts', import.meta.url);
writeFileSync(target, recordValidatorsSource());
console.warn(`wrote ${target.pathname}`);
