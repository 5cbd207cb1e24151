import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordValidatorsSource } from '@domain/record-validation/record-validators-source';

describe('compiled record validators', () => {
  it('are what `npm run generate:validators` writes from today’s schemas (run it after changing them)', () => {
    const written = readFileSync('domain/record-validation/record-validators.generated.ts', 'utf8');
    expect(written === recordValidatorsSource(), 'run `npm run generate:validators`').toBe(true);
  });
});
