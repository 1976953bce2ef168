import { describe, expect, it } from 'vitest';
import { deriveDistrict } from './districts.js';
import { regions } from './regions.js';

const inUsti = (address: { postcode?: string | null; municipality?: string | null }) => deriveDistrict(address, 'CZ-42');

describe('the district of an address in the Ústí nad Labem Region', () => {
  it('comes from the postcode of each of the seven districts, with or without the space', () => {
    expect(inUsti({ postcode: '400 01' })).toBe('Ústí nad Labem');
    expect(inUsti({ postcode: '40502' })).toBe('Děčín');
    expect(inUsti({ postcode: '408 01' })).toBe('Děčín');
    expect(inUsti({ postcode: '412 01' })).toBe('Litoměřice');
    expect(inUsti({ postcode: '413 01' })).toBe('Litoměřice');
    expect(inUsti({ postcode: '415 01' })).toBe('Teplice');
    expect(inUsti({ postcode: '418 01' })).toBe('Teplice');
    expect(inUsti({ postcode: '430 01' })).toBe('Chomutov');
    expect(inUsti({ postcode: '432 01' })).toBe('Chomutov');
    expect(inUsti({ postcode: '434 01' })).toBe('Most');
    expect(inUsti({ postcode: '436 01' })).toBe('Most');
    expect(inUsti({ postcode: '440 01' })).toBe('Louny');
    expect(inUsti({ postcode: '438 01' })).toBe('Louny');
  });

  it('comes from the municipality when the postcode is missing or not in the table, in any case and accents', () => {
    expect(inUsti({ municipality: 'Žatec' })).toBe('Louny');
    expect(inUsti({ municipality: 'zatec' })).toBe('Louny');
    expect(inUsti({ municipality: 'Ústí nad Labem-Střekov' })).toBe('Ústí nad Labem');
    expect(inUsti({ municipality: 'Děčín IV' })).toBe('Děčín');
    expect(inUsti({ municipality: 'Bílina', postcode: '999 99' })).toBe('Teplice');
  });

  it('gives no district for what the tables do not know', () => {
    expect(inUsti({ postcode: '110 00' })).toBeNull();
    expect(inUsti({ municipality: 'Praha' })).toBeNull();
    expect(inUsti({})).toBeNull();
    expect(inUsti({ postcode: '4000' })).toBeNull();
    expect(deriveDistrict({ postcode: '400 01', municipality: 'Ústí nad Labem' }, 'CZ-10')).toBeNull();
  });

  it('names only districts of the region', () => {
    const districts = new Set<string>(regions['CZ-42']);
    for (const postcode of [
      '400',
      '403',
      '405',
      '407',
      '408',
      '410',
      '411',
      '412',
      '413',
      '415',
      '417',
      '418',
      '419',
      '430',
      '431',
      '432',
      '434',
      '435',
      '436',
      '438',
      '439',
      '440',
      '441',
    ]) {
      expect(districts.has(inUsti({ postcode: `${postcode}01` }) ?? ''), postcode).toBe(true);
    }
  });
});
