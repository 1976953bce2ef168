/**
 * Which district (okres) an address lies in, from its postcode or its municipality (decision 023).
 * Only the Ústí nad Labem Region (CZ-42) is covered: the tables list the postcode prefixes and the
 * towns we are sure of, and an address they do not cover gets no district rather than a wrong one.
 */
import type { RegionCode } from './regions.js';

type DistrictTables = {
  /** The first three digits of a postcode → the district whose post offices use them. */
  postcodePrefixes: Readonly<Record<string, string>>;
  /** A municipality's name, folded (lower case, no accents) → its district. */
  municipalities: Readonly<Record<string, string>>;
};

const prefixes = (district: string, ...codes: string[]) => Object.fromEntries(codes.map((code) => [code, district]));
const towns = (district: string, ...names: string[]) => Object.fromEntries(names.map((name) => [foldPlaceName(name), district]));

/** Lower case, without accents and with single spaces, so "Ústí nad  Labem" and "usti nad labem" agree. */
export function foldPlaceName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const ustiRegion: DistrictTables = {
  postcodePrefixes: {
    ...prefixes('Ústí nad Labem', '400', '401', '402', '403'),
    ...prefixes('Děčín', '405', '407', '408'),
    ...prefixes('Litoměřice', '410', '411', '412', '413'),
    ...prefixes('Teplice', '415', '417', '418', '419'),
    ...prefixes('Chomutov', '430', '431', '432'),
    ...prefixes('Most', '434', '435', '436'),
    ...prefixes('Louny', '438', '439', '440', '441'),
  },
  municipalities: {
    ...towns('Ústí nad Labem', 'Ústí nad Labem', 'Trmice', 'Chabařovice', 'Velké Březno', 'Povrly', 'Libouchec', 'Chlumec'),
    ...towns(
      'Děčín',
      'Děčín',
      'Rumburk',
      'Varnsdorf',
      'Šluknov',
      'Česká Kamenice',
      'Krásná Lípa',
      'Benešov nad Ploučnicí',
      'Jiříkov',
      'Velký Šenov',
      'Jílové',
    ),
    ...towns('Litoměřice', 'Litoměřice', 'Lovosice', 'Roudnice nad Labem', 'Štětí', 'Úštěk', 'Terezín', 'Libochovice'),
    ...towns('Teplice', 'Teplice', 'Bílina', 'Duchcov', 'Krupka', 'Dubí', 'Osek', 'Hrob'),
    ...towns('Chomutov', 'Chomutov', 'Jirkov', 'Kadaň', 'Klášterec nad Ohří', 'Vejprty'),
    ...towns('Most', 'Most', 'Litvínov', 'Meziboří', 'Obrnice', 'Lom'),
    ...towns('Louny', 'Louny', 'Žatec', 'Podbořany', 'Postoloprty', 'Vroutek', 'Peruc'),
  },
};

/** The regions whose districts can be derived. */
const tablesOfRegion: Partial<Record<RegionCode, DistrictTables>> = { 'CZ-42': ustiRegion };

/**
 * The district of an address in the centre's region, from its postcode (first) or its municipality;
 * null when neither is known to the tables (another region, a village not listed, no address).
 */
export function deriveDistrict(
  address: { postcode?: string | null | undefined; municipality?: string | null | undefined },
  regionCode: string,
): string | null {
  const tables = tablesOfRegion[regionCode as RegionCode];
  if (!tables) return null;
  const digits = address.postcode?.replace(/\s/g, '') ?? '';
  if (/^\d{5}$/.test(digits)) {
    const district = tables.postcodePrefixes[digits.slice(0, 3)];
    if (district) return district;
  }
  if (address.municipality) {
    // "Ústí nad Labem-Střekov", "Děčín IV" and "Most 1" name a part of the town.
    const folded = foldPlaceName(address.municipality);
    const town = folded.replace(/\s*[-–]\s*.*$/, '').replace(/\s+(?:\d+|[ivxl]+)$/, '');
    return tables.municipalities[folded] ?? tables.municipalities[town] ?? null;
  }
  return null;
}
