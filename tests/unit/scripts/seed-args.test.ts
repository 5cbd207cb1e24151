import { describe, expect, it } from 'vitest';
import { parseSeedArgs, UsageError } from '../../../scripts/seed';

const NOW = () => Date.parse('2026-03-02T10:00:00Z');

describe('npm run seed arguments', () => {
  it('takes --into as the store to seed, keeping size and day', () => {
    const args = parseSeedArgs(['--size', 'large', '--into', 'postgres://outpost@db/outpost'], NOW);
    expect(args).toMatchObject({ size: 'large', today: '2026-03-02', into: 'postgres://outpost@db/outpost' });
  });

  it('writes files when no store is named', () => {
    expect(parseSeedArgs([], NOW).into).toBeUndefined();
  });

  it('refuses --out together with --into, and an empty --into', () => {
    expect(() => parseSeedArgs(['--into', 'sqlite:a.db', '--out', 'dir'], NOW)).toThrow(UsageError);
    expect(() => parseSeedArgs(['--into', ''], NOW)).toThrow(/needs a store URL/);
  });
});
