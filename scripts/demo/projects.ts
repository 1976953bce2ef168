import type { CreateProjectInput } from '../../src/shared/index.js';

/** Residence categories of third-country nationals legally residing, and of international protection. */
const legallyResiding = ['long_term_visa', 'long_term_residence', 'permanent_residence'] as const;
const internationalProtection = ['asylum', 'subsidiary_protection'] as const;

/**
 * The seed's project (shared/seed), a later one that admitted Ukrainians with any status, and a
 * current one open to EU citizens too. All are active so staff can compare the three target groups.
 */
export const demoProjects: CreateProjectInput[] = [
  {
    code: 'AMIF/23/01',
    name: 'Centrum na podporu integrace cizinců v Ústeckém kraji',
    funder: 'Azylový, migrační a integrační fond (AMIF); Ministerstvo vnitra ČR',
    startsOn: '2019-09-01',
    endsOn: '2020-12-31',
    active: true,
    targetGroup: {
      thirdCountryNationals: true,
      euCitizens: false,
      ukrainiansAnyStatus: false,
      residenceCategories: [...legallyResiding, ...internationalProtection],
      requireValidResidence: true,
      regionCode: 'CZ-42',
    },
    description:
      'Občané třetích zemí legálně pobývající v Ústeckém kraji a osoby s mezinárodní ochranou; žadatelé o mezinárodní ochranu a občané EU vyloučeni.',
  },
  {
    code: 'AMIF/31/03',
    name: 'Centrum na podporu integrace cizinců v Ústeckém kraji 2022–2023',
    funder: 'Azylový, migrační a integrační fond (AMIF); Ministerstvo vnitra ČR',
    startsOn: '2022-08-01',
    endsOn: '2023-07-31',
    active: true,
    targetGroup: {
      thirdCountryNationals: true,
      euCitizens: false,
      ukrainiansAnyStatus: true,
      residenceCategories: [...legallyResiding, ...internationalProtection, 'temporary_protection'],
      requireValidResidence: true,
      regionCode: 'CZ-42',
    },
    description: 'Občané třetích zemí, občané Ukrajiny s jakýmkoli pobytem, držitelé mezinárodní a doplňkové ochrany.',
  },
  {
    code: 'DEMO/2025-2027',
    name: 'Integrační centrum Ústeckého kraje 2025–2027 (ukázkový projekt)',
    funder: 'Fond pro azyl, migraci a integraci 2021–2027 (ukázka)',
    startsOn: '2025-01-01',
    endsOn: '2027-12-31',
    active: true,
    targetGroup: {
      thirdCountryNationals: true,
      euCitizens: true,
      ukrainiansAnyStatus: true,
      residenceCategories: [
        ...legallyResiding,
        ...internationalProtection,
        'temporary_protection',
        'special_long_term_residence',
        'eu_temporary_residence',
        'tolerance_visa',
      ],
      requireValidResidence: true,
      regionCode: 'CZ-42',
    },
    description: 'Ukázkový současný projekt: cizinci včetně občanů EU žijící v Ústeckém kraji.',
  },
];
