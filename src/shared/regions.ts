/**
 * Czech regions (kraje, ISO 3166-2:CZ) and their districts (okresy). A centre serves one region;
 * a client's address names a district, which eligibility rules check against the project's region.
 */
export const regions = {
  'CZ-10': ['Praha'],
  'CZ-20': [
    'Benešov',
    'Beroun',
    'Kladno',
    'Kolín',
    'Kutná Hora',
    'Mělník',
    'Mladá Boleslav',
    'Nymburk',
    'Praha-východ',
    'Praha-západ',
    'Příbram',
    'Rakovník',
  ],
  'CZ-31': ['České Budějovice', 'Český Krumlov', 'Jindřichův Hradec', 'Písek', 'Prachatice', 'Strakonice', 'Tábor'],
  'CZ-32': ['Domažlice', 'Klatovy', 'Plzeň-jih', 'Plzeň-město', 'Plzeň-sever', 'Rokycany', 'Tachov'],
  'CZ-41': ['Cheb', 'Karlovy Vary', 'Sokolov'],
  'CZ-42': ['Děčín', 'Chomutov', 'Litoměřice', 'Louny', 'Most', 'Teplice', 'Ústí nad Labem'],
  'CZ-51': ['Česká Lípa', 'Jablonec nad Nisou', 'Liberec', 'Semily'],
  'CZ-52': ['Hradec Králové', 'Jičín', 'Náchod', 'Rychnov nad Kněžnou', 'Trutnov'],
  'CZ-53': ['Chrudim', 'Pardubice', 'Svitavy', 'Ústí nad Orlicí'],
  'CZ-63': ['Havlíčkův Brod', 'Jihlava', 'Pelhřimov', 'Třebíč', 'Žďár nad Sázavou'],
  'CZ-64': ['Blansko', 'Brno-město', 'Brno-venkov', 'Břeclav', 'Hodonín', 'Vyškov', 'Znojmo'],
  'CZ-71': ['Jeseník', 'Olomouc', 'Prostějov', 'Přerov', 'Šumperk'],
  'CZ-72': ['Kroměříž', 'Uherské Hradiště', 'Vsetín', 'Zlín'],
  'CZ-80': ['Bruntál', 'Frýdek-Místek', 'Karviná', 'Nový Jičín', 'Opava', 'Ostrava-město'],
} as const satisfies Record<string, readonly string[]>;

export type RegionCode = keyof typeof regions;
export const regionCodes = Object.keys(regions) as [RegionCode, ...RegionCode[]];
export const allDistricts: readonly string[] = Object.values(regions).flat();

/** The region a district belongs to, or undefined for an unknown district. */
export function findRegionOfDistrict(district: string): RegionCode | undefined {
  return regionCodes.find((code) => (regions[code] as readonly string[]).includes(district));
}
