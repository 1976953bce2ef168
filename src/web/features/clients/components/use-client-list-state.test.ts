import { describe, expect, it } from 'vitest';
import { effectiveSort } from './use-client-list-state.js';

describe('effectiveSort', () => {
  it('lists the best matches first while searching, unless the user picked another order', () => {
    expect(effectiveSort(null, 'shevchenko')).toBe('relevance');
    expect(effectiveSort('dateOfBirth', 'shevchenko')).toBe('dateOfBirth');
  });

  it('goes by family name without a search, where relevance means nothing (the API refuses it)', () => {
    expect(effectiveSort(null, '')).toBe('familyName');
    expect(effectiveSort(null, 's')).toBe('familyName');
    expect(effectiveSort('relevance', ' ')).toBe('familyName');
    expect(effectiveSort('clientNumber', '')).toBe('clientNumber');
  });
});
