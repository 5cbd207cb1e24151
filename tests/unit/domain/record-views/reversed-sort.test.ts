import { describe, expect, it } from 'vitest';
import { reversedSort } from '../../../../domain/record-views/reversed-sort';

describe('the reverse of a list order', () => {
  it('flips every field, the id tiebreak included', () => {
    expect(reversedSort([{ nameKey: 'asc' }, { id: 'asc' }])).toEqual([{ nameKey: 'desc' }, { id: 'desc' }]);
    expect(reversedSort([{ ownerId: 'desc' }, { nameKey: 'asc' }, { id: 'desc' }])).toEqual([
      { ownerId: 'asc' },
      { nameKey: 'desc' },
      { id: 'asc' },
    ]);
  });

  it('reverses the id tiebreak RxDB adds to a sort that names no id', () => {
    expect(reversedSort([{ nameKey: 'desc' }])).toEqual([{ nameKey: 'asc' }, { id: 'desc' }]);
  });
});
