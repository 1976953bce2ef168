import type { CreatePartnerInput } from '../../src/shared/index.js';

/** How the rest of the demo names a partner when it refers a client. */
export type PartnerKey =
  | 'labourOfficeUsti'
  | 'labourOfficeTeplice'
  | 'labourOfficeDecin'
  | 'healthInsurer'
  | 'migrationOffice'
  | 'foreignPolice'
  | 'socialDepartment'
  | 'primarySchool'
  | 'languageSchool'
  | 'legalAid'
  | 'debtAdvice'
  | 'interpreters';

/**
 * The partner directory of the Ústí nad Labem region: the public bodies clients deal with (named as
 * they are) and schools and non-profits whose names are made up. Every contact is fictitious: e-mails
 * at example.org and 555 numbers, so nobody real is called or written to from a demo.
 */
export const demoPartners: readonly { key: PartnerKey; input: CreatePartnerInput }[] = [
  {
    key: 'labourOfficeUsti',
    input: {
      name: 'Úřad práce ČR – kontaktní pracoviště Ústí nad Labem',
      kind: 'labour_office',
      services:
        'Evidence uchazečů o zaměstnání, zprostředkování práce, rekvalifikace; příspěvek na bydlení, přídavek na dítě, dávky v hmotné nouzi, humanitární dávka.',
      contactPerson: 'Ivana Horáková, oddělení zaměstnanosti',
      phone: '+420 555 010 101',
      email: 'up.usti@example.org',
      website: 'https://up-usti.example.org',
      address: 'Dvořákova 12, 400 01 Ústí nad Labem',
      municipality: 'Ústí nad Labem',
      languages: ['cs', 'en'],
      note: 'Cizince s dočasnou ochranou obsluhuje přepážka č. 4; tlumočníka si klient zajišťuje sám.',
    },
  },
  {
    key: 'labourOfficeTeplice',
    input: {
      name: 'Úřad práce ČR – kontaktní pracoviště Teplice',
      kind: 'labour_office',
      services: 'Zprostředkování zaměstnání, nepojistné sociální dávky, příspěvek na bydlení.',
      contactPerson: 'Radek Pokorný',
      phone: '+420 555 010 102',
      email: 'up.teplice@example.org',
      address: 'Křižíkova 8, 415 01 Teplice',
      municipality: 'Teplice',
      languages: ['cs', 'de'],
    },
  },
  {
    key: 'labourOfficeDecin',
    input: {
      name: 'Úřad práce ČR – kontaktní pracoviště Děčín',
      kind: 'labour_office',
      services: 'Zprostředkování zaměstnání, dávky státní sociální podpory a hmotné nouze.',
      phone: '+420 555 010 103',
      email: 'up.decin@example.org',
      address: 'Karla Čapka 3, 405 02 Děčín',
      municipality: 'Děčín',
      languages: ['cs'],
    },
  },
  {
    key: 'healthInsurer',
    input: {
      name: 'Všeobecná zdravotní pojišťovna ČR – klientské pracoviště Ústí nad Labem',
      kind: 'health',
      services: 'Registrace do veřejného zdravotního pojištění, průkaz pojištěnce, splátkové kalendáře dlužného pojistného.',
      phone: '+420 555 010 201',
      email: 'vzp.usti@example.org',
      address: 'Mírové náměstí 20, 400 01 Ústí nad Labem',
      municipality: 'Ústí nad Labem',
      languages: ['cs', 'en', 'de'],
    },
  },
  {
    key: 'migrationOffice',
    input: {
      name: 'Ministerstvo vnitra – Odbor azylové a migrační politiky, pracoviště Ústí nad Labem',
      kind: 'authority',
      services: 'Žádosti o prodloužení a změny pobytu, zaměstnanecké karty, trvalý pobyt, dočasná ochrana.',
      phone: '+420 555 010 301',
      email: 'oamp.usti@example.org',
      address: 'Sociální péče 5, 400 11 Ústí nad Labem',
      municipality: 'Ústí nad Labem',
      languages: ['cs', 'en'],
      note: 'Termíny jen po objednání přes rezervační systém; na přepážce se nehovoří jinak než česky.',
    },
  },
  {
    key: 'foreignPolice',
    input: {
      name: 'Policie ČR – Odbor cizinecké policie KŘP Ústeckého kraje',
      kind: 'authority',
      services: 'Hlášení pobytu občanů EU a krátkodobě pobývajících cizinců, výjezdní příkazy, pobytová kontrola.',
      phone: '+420 555 010 302',
      email: 'cizinecka.usti@example.org',
      address: 'Lidické náměstí 9, 400 01 Ústí nad Labem',
      municipality: 'Ústí nad Labem',
      languages: ['cs', 'en', 'de'],
    },
  },
  {
    key: 'socialDepartment',
    input: {
      name: 'Magistrát města Ústí nad Labem – odbor sociálních věcí',
      kind: 'social_services',
      services: 'Sociální práce s rodinami, ohrožení ztrátou bydlení, sociálně-právní ochrana dětí, městské sociální byty.',
      contactPerson: 'Mgr. Kateřina Dušková, sociální pracovnice',
      phone: '+420 555 010 401',
      email: 'socialni.odbor@example.org',
      address: 'Velká Hradební 8, 400 01 Ústí nad Labem',
      municipality: 'Ústí nad Labem',
      languages: ['cs'],
    },
  },
  {
    key: 'primarySchool',
    input: {
      name: 'Základní škola a mateřská škola Javorová, Ústí nad Labem',
      kind: 'school',
      services: 'Zápis do 1. třídy i během roku, přípravné třídy, podpora češtiny jako druhého jazyka, ukrajinská asistentka pedagoga.',
      contactPerson: 'Mgr. Pavla Benešová, zástupkyně ředitele',
      phone: '+420 555 010 501',
      email: 'zs.javorova@example.org',
      address: 'Javorová 14, 400 03 Ústí nad Labem',
      municipality: 'Ústí nad Labem',
      languages: ['cs', 'uk'],
    },
  },
  {
    key: 'languageSchool',
    input: {
      name: 'Jazyková škola Labe – kurzy češtiny pro cizince',
      kind: 'school',
      services: 'Kurzy češtiny A1–B1, příprava na zkoušku A2 pro trvalý pobyt a B1 pro občanství, odpolední a večerní skupiny.',
      phone: '+420 555 010 502',
      email: 'cestina@example.org',
      website: 'https://jazykova-skola-labe.example.org',
      address: 'Pařížská 5, 400 01 Ústí nad Labem',
      municipality: 'Ústí nad Labem',
      languages: ['cs', 'en', 'uk', 'ru'],
    },
  },
  {
    key: 'legalAid',
    input: {
      name: 'Poradna pro cizince Severní Čechy, z. s.',
      kind: 'legal',
      services: 'Bezplatné právní poradenství a zastupování v pobytových řízeních, odvolání, správní žaloby, pracovní právo.',
      contactPerson: 'JUDr. Tomáš Říha',
      phone: '+420 555 010 601',
      email: 'pravni.poradna@example.org',
      website: 'https://poradna-sever.example.org',
      address: 'Hrnčířská 7, 400 01 Ústí nad Labem',
      municipality: 'Ústí nad Labem',
      languages: ['cs', 'en', 'uk', 'ru', 'vi'],
    },
  },
  {
    key: 'debtAdvice',
    input: {
      name: 'Dluhová poradna Na Rozcestí, o. p. s.',
      kind: 'ngo',
      services: 'Akreditovaná dluhová poradna: rozpočet domácnosti, splátkové kalendáře, návrhy na oddlužení, exekuce.',
      phone: '+420 555 010 701',
      email: 'dluhy@example.org',
      address: 'Školní 3, 415 01 Teplice',
      municipality: 'Teplice',
      languages: ['cs', 'ru'],
    },
  },
  {
    key: 'interpreters',
    input: {
      name: 'Komunitní tlumočníci Ústecka, z. s.',
      kind: 'ngo',
      services: 'Komunitní tlumočení na úřadech, ve školách a u lékaře, osobně i po telefonu; objednání 2 pracovní dny předem.',
      contactPerson: 'Bc. Linh Tranová, koordinátorka',
      phone: '+420 555 010 801',
      email: 'tlumoceni@example.org',
      address: 'Masarykova 64, 400 01 Ústí nad Labem',
      municipality: 'Ústí nad Labem',
      languages: ['vi', 'mn', 'uk', 'ru', 'ar', 'ro'],
    },
  },
];
