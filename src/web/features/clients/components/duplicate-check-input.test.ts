import { describe, expect, it } from 'vitest';
import { duplicateCheckInput } from '../../../../shared/index.js';
import { toClientFormValues } from './client-form-values.js';
import { toDuplicateCheckInput } from './duplicate-check-input.js';

const empty = toClientFormValues();

describe('toDuplicateCheckInput', () => {
  it('asks nothing until both Latin names have a character', () => {
    expect(toDuplicateCheckInput({ ...empty, givenName: 'Oleksandr' })).toBeNull();
    expect(toDuplicateCheckInput({ ...empty, familyName: 'Shevchenko', givenName: '   ' })).toBeNull();
    expect(toDuplicateCheckInput({ ...empty, familyName: 'S', givenName: 'O' })).not.toBeNull();
  });

  it('sends names, a complete birth date, citizenships and the record to leave out, as the API accepts them', () => {
    const input = toDuplicateCheckInput(
      {
        ...empty,
        givenName: ' Oleksandr ',
        familyName: 'Shevchenko',
        givenNameNative: 'Олександр',
        familyNameNative: '',
        dateOfBirth: '1985-03-15',
        citizenships: ['UA'],
      },
      '0b9f8c8e-4f1e-4a43-9a53-6d0f1b2c3d4e',
    );
    expect(input).toEqual({
      givenName: 'Oleksandr',
      familyName: 'Shevchenko',
      givenNameNative: 'Олександр',
      familyNameNative: null,
      dateOfBirth: '1985-03-15',
      citizenships: ['UA'],
      phone: null,
      email: null,
      excludeId: '0b9f8c8e-4f1e-4a43-9a53-6d0f1b2c3d4e',
    });
    expect(duplicateCheckInput.safeParse(input).success).toBe(true);
  });

  it('leaves out what is still being typed: an impossible date, a short phone, a half e-mail', () => {
    const input = toDuplicateCheckInput({
      ...empty,
      givenName: 'Anh',
      familyName: 'Nguyen',
      dateOfBirth: '1985-02-30',
      phone: '+420 7',
      email: 'anh@exa',
    });
    expect(input).toMatchObject({ dateOfBirth: null, phone: null, email: null });
    expect(input).not.toHaveProperty('excludeId');
  });

  it('keeps contacts once they are complete, and clips overlong names to what the API accepts', () => {
    const input = toDuplicateCheckInput({
      ...empty,
      givenName: 'x'.repeat(150),
      familyName: 'Nguyen',
      phone: '+420 777 123 456',
      email: 'anh@example.org',
    });
    expect(input?.givenName).toHaveLength(100);
    expect(input).toMatchObject({ phone: '+420 777 123 456', email: 'anh@example.org' });
    expect(duplicateCheckInput.safeParse(input).success).toBe(true);
  });
});
