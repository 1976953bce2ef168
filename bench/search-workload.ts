/**
 * What the benchmark asks the search and the duplicate check: spelling variants of known clients (the
 * way staff type a name they heard, read from another document or remember wrongly), client numbers,
 * phones and birth dates, each with the client it is meant to find. Built from the generated people,
 * who carry their native names even where staff did not record them.
 */
import { type CyrillicScheme, transliterateCyrillic } from '../src/shared/names/cyrillic-schemes.js';
import { type DuplicateCheckInput, fullNameKeys } from '../src/shared/index.js';
import type { Random } from '../scripts/demo/random.js';
import { stripDiacritics } from '../scripts/demo/transliteration.js';
import type { BenchClient } from './bench-data.js';

/** Spelling variants of a name, the recall set. */
export const nameVariantKinds = [
  'other_scheme',
  'czech',
  'cyrillic_typed',
  'vietnamese_plain',
  'swapped',
  'typo',
  'short_typo_vietnamese',
  'short_typo_ukrainian',
  'short_typo_mongolian',
] as const;
/** What else staff type into the search box; measured for time, and whether the client is found. */
export const otherKinds = ['client_number', 'phone', 'phone_part', 'date_of_birth'] as const;
export type NameVariantKind = (typeof nameVariantKinds)[number];
export type SearchKind = NameVariantKind | (typeof otherKinds)[number];

export const kindLabels: Record<SearchKind, string> = {
  other_scheme: 'Latin of a Cyrillic name, another scheme',
  czech: 'Czech transcription of a Cyrillic name',
  cyrillic_typed: 'Cyrillic typed, client stored in Latin only',
  vietnamese_plain: 'Vietnamese without diacritics',
  swapped: 'family and given name swapped',
  typo: 'one typo (substitution, deletion, doubling)',
  short_typo_vietnamese: 'one typo in a short given name, Vietnamese',
  short_typo_ukrainian: 'one typo in a short given name, Ukrainian',
  short_typo_mongolian: 'one typo in a short given name, Mongolian',
  client_number: 'client number',
  phone: 'phone in another format',
  phone_part: 'six to eight digits of the phone',
  date_of_birth: 'date of birth',
};

export type SearchCase = {
  kind: SearchKind;
  /** What is typed into the search box. */
  q: string;
  /** The name words alone (no year) for the baseline; null where it has nothing to search (number, phone, date). */
  baselineQ: string | null;
  withYear: boolean;
  /** For a typo, which edit made it. */
  edit?: TypoEdit | ShortTypoEdit;
  targetId: string;
  /** The target as stored, for reporting a miss. */
  target: string;
  /**
   * The visible clients that fit the query exactly as well as the target, the target included: people
   * of the same name in any transliteration (born the same year when the year is typed), or born the
   * same day for a date. When there are ten or more, no search can tell them apart, so ten of them in
   * the first ten also counts as found.
   */
  equivalentIds: string[];
};

export type DuplicateCase = { input: DuplicateCheckInput; targetId: string; target: string; baselineQ: string };

export type SearchWorkload = { search: SearchCase[]; duplicates: DuplicateCase[] };

/**
 * Schemes a person's documents may be written in, by citizenship: the country's own, old and new, and
 * the Russian ones of Soviet-era and Russian-issued papers (the Czech transcriptions are a kind of their own).
 */
const russianSchemes: readonly CyrillicScheme[] = ['ru-icao9303', 'ru-mvd310-1997'];
const documentSchemes = (citizenships: readonly string[]): readonly CyrillicScheme[] =>
  citizenships.includes('UA')
    ? ['uk-kmu55-2010', 'uk-1996', 'uk-2007', ...russianSchemes]
    : citizenships.includes('MN')
      ? ['mn-mns5217', ...russianSchemes]
      : russianSchemes;

const cyrillicName = /^[\p{Script=Cyrillic}\s'’-]+$/u;
const latinOrCyrillicName = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{M}\s'’-]+$/u;
const anyCyrillic = /\p{Script=Cyrillic}/u;

const fold = (value: string) => stripDiacritics(value).toLowerCase();

/** The person's Cyrillic names, when both are Cyrillic. */
function cyrillicNamesOf(client: BenchClient): readonly [string, string] | null {
  const { givenNameNative: given, familyNameNative: family } = client.person;
  return given && family && cyrillicName.test(given) && cyrillicName.test(family) ? [given, family] : null;
}

/** The name a person would be told apart by: the native one in Latin or Cyrillic letters, else the passport's. */
function identityNames(client: BenchClient): [string, string] {
  const { givenName, familyName, givenNameNative, familyNameNative } = client.person;
  const pick = (latin: string, native: string | null) => (native && latinOrCyrillicName.test(native) ? native : latin);
  return [pick(givenName, givenNameNative), pick(familyName, familyNameNative)];
}

/** Both names romanised by a scheme, without diacritics as documents print them; null if a letter has no Latin form in it. */
function romanised([given, family]: readonly [string, string], scheme: CyrillicScheme, keepDiacritics = false): string | null {
  const text = transliterateCyrillic(`${given} ${family}`, scheme);
  if (anyCyrillic.test(text)) return null;
  return keepDiacritics ? text : stripDiacritics(text);
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const storedName = (client: BenchClient) => `${client.stored.givenName} ${client.stored.familyName}`;

/** The client as stored, for a report: "Given Family (native names), born 1987-04-12, 2025-00042". */
function described(client: BenchClient): string {
  const { givenNameNative, familyNameNative } = client.stored;
  const native = givenNameNative || familyNameNative ? ` (${[givenNameNative, familyNameNative].filter(Boolean).join(' ')})` : '';
  return `${storedName(client)}${native}, born ${client.person.dateOfBirth}, ${client.clientNumber}`;
}

/** The Latin of the Cyrillic names in a document scheme other than the one stored. */
function otherScheme(random: Random, client: BenchClient): string | null {
  const names = cyrillicNamesOf(client);
  if (!names) return null;
  for (const scheme of shuffled(random, documentSchemes(client.person.citizenships))) {
    const text = romanised(names, scheme);
    if (text && fold(text) !== fold(storedName(client))) return text;
  }
  return null;
}

/** The Czech transcription, with its háčky, as a Czech colleague writes a name heard or read in Cyrillic. */
function czechTranscription(client: BenchClient): string | null {
  const names = cyrillicNamesOf(client);
  if (!names) return null;
  const scheme = client.person.citizenships.includes('UA') ? 'cs-transcription-uk' : 'cs-transcription-ru';
  const text = romanised(names, scheme, true);
  return text && fold(text) !== fold(storedName(client)) ? text : null;
}

export const typoEdits = ['substitution', 'deletion', 'doubling'] as const;
export type TypoEdit = (typeof typoEdits)[number];

/** The letters a typo puts in: a slip to another letter of the alphabet. */
const typoLetters = 'abcdefghijklmnoprstuvyz';

/** One typo in one name of at least six letters: a letter changed, left out or doubled. */
function typo(random: Random, given: string, family: string): { text: string; edit: TypoEdit } | null {
  const text = `${given} ${family}`;
  const words = [...text.matchAll(/\p{L}{6,}/gu)];
  if (words.length === 0) return null;
  const word = random.pick(words);
  const letters = [...word[0]];
  const at = random.int(0, letters.length - 1);
  const original = letters[at] as string;
  const edit = random.pick(typoEdits);
  if (edit === 'deletion') letters.splice(at, 1);
  else if (edit === 'doubling') letters.splice(at, 0, original);
  else {
    const choices = [...typoLetters].filter((c) => c !== fold(original));
    const letter = random.pick(choices);
    letters[at] = original === original.toUpperCase() ? letter.toUpperCase() : letter;
  }
  const start = word.index ?? 0;
  return { text: `${text.slice(0, start)}${letters.join('')}${text.slice(start + word[0].length)}`, edit };
}

export const shortTypoEdits = ['substitution', 'deletion', 'insertion', 'transposition'] as const;
export type ShortTypoEdit = (typeof shortTypoEdits)[number];

/** The kinds of a short given name's typo, by the citizenship of the people they are made for. */
const shortTypoCountries: Partial<Record<NameVariantKind, string>> = {
  short_typo_vietnamese: 'VN',
  short_typo_ukrainian: 'UA',
  short_typo_mongolian: 'MN',
};

/**
 * One typo in a given name of two to four letters ("Le Thi Ha" typed "Le Thi H", "Nguyen Van Nam"
 * typed "Nguyen Van Naa"): a letter changed, left out, added or two neighbours swapped. The names are
 * typed without diacritics, a Vietnamese name family first, others in either order.
 */
function shortTypo(random: Random, client: BenchClient): { text: string; edit: ShortTypoEdit } | null {
  const given = stripDiacritics(client.stored.givenName).split(' ');
  const family = stripDiacritics(client.stored.familyName);
  const short = given.map((word, i) => ({ word, i })).filter(({ word }) => /^\p{L}{2,4}$/u.test(word));
  if (short.length === 0) return null;
  const { word, i } = random.pick(short);
  const letters = [...word];
  const edit = random.pick(shortTypoEdits);
  const at = random.int(0, letters.length - 1);
  const original = letters[at] as string;
  const letter = random.pick([...typoLetters].filter((c) => c !== fold(original)));
  if (edit === 'deletion') letters.splice(at, 1);
  else if (edit === 'insertion') letters.splice(random.int(0, letters.length), 0, letter);
  else if (edit === 'substitution') letters[at] = letter;
  else {
    const from = random.int(0, letters.length - 2);
    if (fold(letters[from] as string) === fold(letters[from + 1] as string)) return null;
    [letters[from], letters[from + 1]] = [letters[from + 1] as string, letters[from] as string];
  }
  const typed = [...given];
  // Capitalised as typed: "Obld", not "oBld".
  const slipped = letters.join('').toLowerCase();
  typed[i] = slipped.charAt(0).toUpperCase() + slipped.slice(1);
  const givenText = typed.join(' ');
  const vietnamese = client.person.citizenships.includes('VN');
  return { text: vietnamese || random.chance(0.5) ? `${family} ${givenText}` : `${givenText} ${family}`, edit };
}

/** The digits of a stored phone as the database keeps them: no leading 00, no Czech 420. */
const storedPhoneDigits = (phone: string) =>
  phone
    .replace(/\D/g, '')
    .replace(/^00/, '')
    .replace(/^420(?=\d{9}$)/, '');

/** The phone's digits written in another of the ways staff write them. */
function otherPhoneFormat(random: Random, phone: string): string {
  const digits = phone.replace(/\D/g, '').replace(/^00/, '');
  const czech = /^(420)?(\d{3})(\d{3})(\d{3})$/.exec(digits);
  const options = czech
    ? [
        `${czech[2]}${czech[3]}${czech[4]}`,
        `${czech[2]} ${czech[3]} ${czech[4]}`,
        `+420${czech[2]}${czech[3]}${czech[4]}`,
        `+420 ${czech[2]} ${czech[3]} ${czech[4]}`,
        `00420${czech[2]}${czech[3]}${czech[4]}`,
      ]
    : [`+${digits}`, `00${digits}`, `+${digits.slice(0, 3)} ${digits.slice(3)}`];
  return random.pick(options.filter((o) => o !== phone));
}

function dateFormat(random: Random, iso: string): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  return random.pick([`${Number(d)}.${Number(m)}.${y}`, `${d}.${m}.${y}`, `${Number(d)}. ${Number(m)}. ${y}`, iso]);
}

/**
 * The workload: `perKind` spelling variants of each kind (half of them with the birth year typed
 * after the name), `perOtherKind` client numbers, phones and birth dates, and `duplicates` people
 * nearly identical to a client for the duplicate check; the search cases in random order, so any
 * first n of them hold the same mix.
 */
export function buildWorkload(
  random: Random,
  loaded: readonly BenchClient[],
  counts: { perKind: number; perOtherKind: number; duplicates: number },
): SearchWorkload {
  const visible = loaded.filter((c) => !c.archived);
  const year = (c: BenchClient) => c.person.dateOfBirth.slice(0, 4);

  // People of the same name: sharing a whole-name key of their native (or passport) names.
  const keysOf = new Map<BenchClient, string[]>();
  const byKey = new Map<string, BenchClient[]>();
  // Names repeat: their keys are computed once per name.
  const keysOfName = new Map<string, string[]>();
  for (const client of visible) {
    const names = identityNames(client);
    const name = names.join('|');
    const keys = keysOfName.get(name) ?? fullNameKeys(...names);
    keysOfName.set(name, keys);
    keysOf.set(client, keys);
    for (const key of keys) {
      const list = byKey.get(key);
      if (list) list.push(client);
      else byKey.set(key, [client]);
    }
  }
  const byBirthDate = new Map<string, BenchClient[]>();
  for (const client of visible) {
    const list = byBirthDate.get(client.person.dateOfBirth);
    if (list) list.push(client);
    else byBirthDate.set(client.person.dateOfBirth, [client]);
  }
  const equivalents = (target: BenchClient, withYear: boolean) => {
    const same = new Set<BenchClient>([target]);
    for (const key of keysOf.get(target) ?? []) for (const c of byKey.get(key) ?? []) same.add(c);
    return [...same].filter((c) => !withYear || year(c) === year(target)).map((c) => c.id);
  };

  const cases: SearchCase[] = [];
  let edit: TypoEdit | ShortTypoEdit | undefined;
  /**
   * A short name's typo that spells a registered name (Ha typed Hai, Thi typed Thu), or folds to the
   * person's own (a doubled letter), is no typo a search can see; another is made for the next person.
   */
  const namesNobody = (text: string) => !fullNameKeys(text, '').some((key) => byKey.has(key));
  const shortTypoOf = (kind: NameVariantKind) => (c: BenchClient) => {
    if (!(c.person.citizenships as readonly string[]).includes(shortTypoCountries[kind] as string)) return null;
    const made = shortTypo(random, c);
    edit = made?.edit;
    return made && namesNobody(made.text) ? made.text : null;
  };
  const variants: Record<NameVariantKind, (c: BenchClient) => string | null> = {
    other_scheme: (c) => otherScheme(random, c),
    czech: czechTranscription,
    cyrillic_typed: (c) => {
      const names = cyrillicNamesOf(c);
      return names && !c.stored.givenNameNative && !c.stored.familyNameNative ? names.join(' ') : null;
    },
    vietnamese_plain: (c) =>
      c.person.citizenships.includes('VN') && stripDiacritics(storedName(c)) !== storedName(c)
        ? stripDiacritics(`${c.stored.familyName} ${c.stored.givenName}`)
        : null,
    swapped: (c) => `${c.stored.familyName} ${c.stored.givenName}`,
    typo: (c) => {
      const made = typo(random, c.stored.givenName, c.stored.familyName);
      edit = made?.edit;
      return made?.text ?? null;
    },
    short_typo_vietnamese: shortTypoOf('short_typo_vietnamese'),
    short_typo_ukrainian: shortTypoOf('short_typo_ukrainian'),
    short_typo_mongolian: shortTypoOf('short_typo_mongolian'),
  };
  for (const kind of nameVariantKinds) {
    let made = 0;
    for (const client of shuffled(random, visible)) {
      if (made >= counts.perKind) break;
      const name = variants[kind](client);
      if (!name) continue;
      const withYear = random.chance(0.5);
      cases.push({
        kind,
        q: withYear ? `${name} ${year(client)}` : name,
        baselineQ: name,
        withYear,
        ...((kind === 'typo' || kind in shortTypoCountries) && edit ? { edit } : {}),
        targetId: client.id,
        target: described(client),
        equivalentIds: equivalents(client, withYear),
      });
      made++;
    }
  }
  const others = shuffled(random, visible);
  for (const client of others.slice(0, counts.perOtherKind)) {
    const [numberYear, serial] = client.clientNumber.split('-') as [string, string];
    const q = random.chance(0.5) ? client.clientNumber : `${numberYear}/${Number(serial)}`;
    cases.push({
      kind: 'client_number',
      q,
      baselineQ: null,
      withYear: false,
      targetId: client.id,
      target: described(client),
      equivalentIds: [],
    });
  }
  for (const client of others.filter((c) => c.stored.phone).slice(0, counts.perOtherKind)) {
    const q = otherPhoneFormat(random, client.stored.phone as string);
    cases.push({
      kind: 'phone',
      q,
      baselineQ: null,
      withYear: false,
      targetId: client.id,
      target: described(client),
      equivalentIds: [client.id],
    });
  }
  // Six to eight digits from anywhere in the number, as read off a note or remembered in part.
  const phoned = visible.filter((c) => c.stored.phone).map((c) => ({ client: c, digits: storedPhoneDigits(c.stored.phone as string) }));
  for (const { client, digits } of shuffled(random, phoned).slice(0, counts.perOtherKind)) {
    const length = random.int(6, Math.min(8, digits.length));
    const start = random.int(0, digits.length - length);
    const q = digits.slice(start, start + length);
    cases.push({
      kind: 'phone_part',
      q,
      baselineQ: null,
      withYear: false,
      targetId: client.id,
      target: described(client),
      equivalentIds: phoned.filter((p) => p.digits.includes(q)).map((p) => p.client.id),
    });
  }
  for (const client of others.slice(-counts.perOtherKind)) {
    const sameDay = (byBirthDate.get(client.person.dateOfBirth) ?? []).map((c) => c.id);
    cases.push({
      kind: 'date_of_birth',
      q: dateFormat(random, client.person.dateOfBirth),
      baselineQ: null,
      withYear: false,
      targetId: client.id,
      target: described(client),
      equivalentIds: sameDay,
    });
  }

  const duplicates: DuplicateCase[] = [];
  for (const client of shuffled(random, visible).slice(0, counts.duplicates)) {
    const { person, stored } = client;
    const cyrillic = cyrillicNamesOf(client);
    // Another scheme for a Cyrillic name half the time, else one typo; the names as stored if neither applies.
    const other = cyrillic && random.chance(0.5) ? otherScheme(random, client) : null;
    const typed = other ?? typo(random, stripDiacritics(stored.givenName), stripDiacritics(stored.familyName))?.text;
    // Where the typo or scheme changed a word, split back at the same place as the stored names.
    const givenWords = stored.givenName.split(' ').length;
    const words = (typed ?? stripDiacritics(storedName(client))).split(' ');
    const input: DuplicateCheckInput = {
      givenName: words.slice(0, givenWords).join(' '),
      familyName: words.slice(givenWords).join(' '),
      givenNameNative: cyrillic && random.chance(0.7) ? cyrillic[0] : null,
      familyNameNative: null,
      dateOfBirth: person.dateOfBirth,
      citizenships: person.citizenships,
      phone: stored.phone && random.chance(0.5) ? otherPhoneFormat(random, stored.phone) : null,
      email: person.email && random.chance(0.2) ? person.email : null,
    };
    if (input.givenNameNative && cyrillic) input.familyNameNative = cyrillic[1];
    const baselineQ = [input.givenName, input.familyName, input.givenNameNative, input.familyNameNative].filter(Boolean).join(' ');
    duplicates.push({ input, targetId: client.id, target: described(client), baselineQ });
  }
  return { search: shuffled(random, cases), duplicates };
}
