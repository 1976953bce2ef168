import { describe, expect, it } from 'vitest';
import { changedFields, rebaseValues } from './rebase-values.js';

describe('re-applying edits over a newer version', () => {
  const loaded = { familyName: 'Nguyen', phone: '', languages: ['vi'], address: { street: 'A 1', municipality: 'Most' } };

  it("keeps both people's changes: theirs where the user changed nothing, the user's where they did", () => {
    const saved = { ...loaded, familyName: 'Nguyễn', address: { street: 'B 2', municipality: 'Most' } };
    const mine = { ...loaded, phone: '+420 777 111 222' };
    expect(rebaseValues(loaded, saved, mine)).toEqual({ ...saved, phone: '+420 777 111 222' });
  });

  it("keeps the user's value of a field both changed", () => {
    const saved = { ...loaded, languages: ['vi', 'cs'] };
    const mine = { ...loaded, languages: ['vi', 'en'] };
    expect(rebaseValues(loaded, saved, mine).languages).toEqual(['vi', 'en']);
  });

  it('names the fields that differ, comparing nested values by content', () => {
    expect(changedFields(loaded, { ...loaded, languages: ['vi'], address: { street: 'A 1', municipality: 'Most' } })).toEqual([]);
    expect(changedFields(loaded, { ...loaded, phone: '1', address: { street: 'A 2', municipality: 'Most' } })).toEqual([
      'phone',
      'address',
    ]);
  });
});
