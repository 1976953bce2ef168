import { type CountryCode, type LanguageCode, type ResidenceCategory, toStoredPhone } from '../../src/shared/index.js';
import type { Random } from './random.js';
import { type Scheme, stripDiacritics, transliterate } from './transliteration.js';

/**
 * Generates plausible clients of a centre in the Ústí nad Labem region: the mix of citizenships,
 * languages and residence statuses of its foreigners (most from Ukraine and Vietnam, then Slovakia,
 * Russia, Mongolia …), names in the native script with the passport's Latin spelling, addresses in
 * the region's districts and permits of which some have expired and some expire soon. The same seed
 * and day give the same people.
 */

export type DemoPerson = {
  givenName: string;
  familyName: string;
  givenNameNative: string | null;
  familyNameNative: string | null;
  sex: 'female' | 'male' | 'other' | 'unknown';
  dateOfBirth: string;
  citizenships: CountryCode[];
  languages: LanguageCode[];
  preferredLanguage: LanguageCode;
  phone: string | null;
  email: string | null;
  /** Absent when the centre does not know where the client lives. */
  address: { street: string; municipality: string; postcode: string; district: string } | undefined;
  /** Absent when the residence status has not been recorded yet. */
  residence: { category: ResidenceCategory; permitType: string | null; validFrom: string | null; validUntil: string | null } | undefined;
};

type Sex = 'female' | 'male';
type Names = { given: string; family: string; givenNative: string | null; familyNative: string | null };

type Group = {
  citizenships: (random: Random) => CountryCode[];
  languages: (random: Random) => LanguageCode[];
  /** Share of women among the group's clients. */
  female: number;
  names: (random: Random, sex: Sex) => Names;
  residence: readonly (readonly [ResidenceCategory | null, number])[];
  /** A home-country mobile prefix some clients still use. */
  foreignPhone?: string;
};

/** A list written as space-separated words. */
const splitWords = (words: string) => words.split(' ');

// ---- names ---------------------------------------------------------------------------------------

const ukrainianMale = splitWords(
  'Олександр Андрій Дмитро Сергій Володимир Микола Юрій Іван Богдан Віталій Максим Олег Євген Тарас Ярослав Василь Петро Олексій Костянтин Артем Денис Ігор Роман Назар Вадим',
);
const ukrainianFemale = splitWords(
  'Олена Оксана Наталія Тетяна Юлія Ірина Світлана Людмила Марія Катерина Ганна Вікторія Ольга Галина Надія Софія Анастасія Дарина Євгенія Христина Любов Уляна Соломія Яна Інна',
);
/** Ukrainian family names; a pair is the masculine and feminine form. */
const ukrainianFamily: readonly (string | readonly [string, string])[] = [
  ...splitWords(
    'Шевченко Коваленко Бондаренко Ткаченко Кравченко Олійник Шевчук Поліщук Мельник Бойко Ковальчук Лисенко Марченко Савченко Руденко Петренко Мороз Павленко Гончаренко Кузьменко Іваненко Литвиненко Яковенко Гнатюк Приходько Захарченко Дорошенко Пономаренко Кириленко Остапчук Семенюк Федорук Щербак Юрченко Їжакевич Гаєвич Білоус Деркач Сидоренко Заїка Ярошенко Стеценко Михайленко Онищенко Гаращенко Вовк Ковтун Левченко Коваль Троць',
  ),
  ['Ковальський', 'Ковальська'],
  ['Грушевський', 'Грушевська'],
  ['Рибчинський', 'Рибчинська'],
  ['Згурський', 'Згурська'],
  ['Соколовський', 'Соколовська'],
];

const russianMale = splitWords(
  'Александр Дмитрий Сергей Андрей Алексей Максим Иван Михаил Евгений Николай Юрий Артём Владимир Павел Илья Кирилл Денис Игорь',
);
const russianFemale = splitWords(
  'Елена Ольга Наталья Татьяна Юлия Анна Екатерина Мария Ирина Светлана Ксения Анастасия Дарья Людмила Вера Алёна',
);
const russianFamily = splitWords(
  'Иванов Смирнов Кузнецов Попов Соколов Лебедев Козлов Новиков Морозов Петров Волков Соловьёв Васильев Зайцев Павлов Семёнов Голубев Виноградов Богданов Воробьёв Щеглов Фёдоров Михайлов Беляев Тарасов Белов Комаров Орлов Киселёв Макаров Жуков Ершов Пятницкий Краевой',
);

const kazakhMale = ['Нурлан', 'Ерлан', 'Данияр', 'Айдос', 'Асхат', 'Бауыржан', 'Ержан', 'Серік', 'Марат', 'Қайрат'];
const kazakhFemale = ['Айгерім', 'Асель', 'Жанар', 'Гүлнар', 'Динара', 'Әсем', 'Мадина', 'Ақбота', 'Жансая', 'Сәуле'];
const kazakhFamily = ['Сейтқазиев', 'Жақсыбеков', 'Әбенов', 'Құрманов', 'Исаев', 'Оспанов', 'Сәрсенбаев', 'Байжанов', 'Ахметов', 'Омаров'];

const mongolianMale = splitWords(
  'Батбаяр Ганбаатар Төмөрбаатар Мөнхбат Эрдэнэбат Сүхбаатар Очирбат Болд Гантулга Бат-Эрдэнэ Энхбаяр Түвшинбаяр',
);
const mongolianFemale = splitWords(
  'Оюунчимэг Сарангэрэл Энхтуяа Мөнхзул Нарангэрэл Болормаа Түмэнжаргал Уранчимэг Солонго Цэцэгмаа Алтанцэцэг Хонгорзул',
);

const bulgarianMale = ['Георги', 'Иван', 'Димитър', 'Николай', 'Христо', 'Стоян', 'Петър', 'Йордан'];
const bulgarianFemale = ['Мария', 'Елена', 'Йорданка', 'Десислава', 'Гергана', 'Цветелина', 'Радостина'];
const bulgarianFamily = ['Иванов', 'Георгиев', 'Димитров', 'Петров', 'Николов', 'Стоянов', 'Христов', 'Тодоров', 'Ангелов'];

/** Vietnamese family names by their approximate share of the population. */
const vietnameseFamily: readonly (readonly [string, number])[] = [
  ['Nguyễn', 39],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 3],
  ['Huỳnh', 2],
  ['Phan', 4.5],
  ['Vũ', 2],
  ['Võ', 2],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
];
const vietnameseMiddle: Record<Sex, readonly (readonly [string, number])[]> = {
  male: [
    ['Văn', 6],
    ['Đức', 2],
    ['Minh', 2],
    ['Quang', 1],
    ['Hữu', 1],
    ['Thành', 1],
  ],
  female: [
    ['Thị', 8],
    ['Thu', 1],
    ['Ngọc', 1],
    ['Thanh', 1],
    ['Hồng', 1],
  ],
};
const vietnameseGiven: Record<Sex, readonly string[]> = {
  male: ['Hùng', 'Dũng', 'Tuấn', 'Nam', 'Long', 'Minh', 'Đức', 'Quân', 'Hải', 'Sơn', 'Thắng', 'Phong', 'Bình', 'Cường', 'Khoa'],
  female: ['Hương', 'Lan', 'Mai', 'Hoa', 'Linh', 'Trang', 'Thảo', 'Hà', 'Ngọc', 'Huyền', 'Phương', 'Yến', 'Nhung', 'Thủy', 'Anh'],
};

/** Pairs of a name in its own script and as the passport writes it. */
type Pair = readonly [string, string];
const arabicMale: readonly Pair[] = [
  ['محمد', 'Mohammad'],
  ['أحمد', 'Ahmad'],
  ['خالد', 'Khaled'],
  ['عمر', 'Omar'],
  ['يوسف', 'Yousef'],
  ['رامي', 'Rami'],
  ['حسن', 'Hasan'],
  ['سامر', 'Samer'],
];
const arabicFemale: readonly Pair[] = [
  ['فاطمة', 'Fatima'],
  ['مريم', 'Mariam'],
  ['نور', 'Nour'],
  ['ليلى', 'Layla'],
  ['سارة', 'Sara'],
  ['رنا', 'Rana'],
  ['هبة', 'Hiba'],
];
const arabicFamily: readonly Pair[] = [
  ['الأحمد', 'Al-Ahmad'],
  ['الخطيب', 'Al-Khatib'],
  ['حداد', 'Haddad'],
  ['الحلبي', 'Al-Halabi'],
  ['السيد', 'Al-Sayed'],
  ['الشامي', 'Al-Shami'],
  ['النجار', 'Al-Najjar'],
  ['عثمان', 'Othman'],
  ['درويش', 'Darwish'],
  ['الحسن', 'Al-Hassan'],
];
const georgianMale: readonly Pair[] = [
  ['გიორგი', 'Giorgi'],
  ['დავით', 'Davit'],
  ['ნიკა', 'Nika'],
  ['ლევან', 'Levan'],
  ['ირაკლი', 'Irakli'],
];
const georgianFemale: readonly Pair[] = [
  ['ნინო', 'Nino'],
  ['თამარ', 'Tamar'],
  ['მარიამ', 'Mariam'],
  ['ანა', 'Ana'],
  ['ეკა', 'Eka'],
];
const georgianFamily: readonly Pair[] = [
  ['ბერიძე', 'Beridze'],
  ['კაპანაძე', 'Kapanadze'],
  ['გელაშვილი', 'Gelashvili'],
  ['მაისურაძე', 'Maisuradze'],
  ['ლომიძე', 'Lomidze'],
  ['ხუციშვილი', 'Khutsishvili'],
  ['ჯანელიძე', 'Janelidze'],
];

const moldovanMale = ['Ion', 'Vasile', 'Andrei', 'Sergiu', 'Ștefan', 'Mihai', 'Nicolae', 'Dumitru', 'Victor'];
const moldovanFemale = ['Maria', 'Elena', 'Natalia', 'Ana', 'Cristina', 'Tatiana', 'Doina', 'Mihaela', 'Corina'];
const moldovanFamily = splitWords('Rusu Ceban Munteanu Popa Cojocaru Lungu Rotaru Ciobanu Țurcanu Căldare Bălan Sîrbu');

const slovakMale = ['Ján', 'Peter', 'Martin', 'Michal', 'Tomáš', 'Lukáš', 'Marek', 'Ľubomír', 'Jozef', 'Miroslav'];
const slovakFemale = ['Mária', 'Zuzana', 'Katarína', 'Jana', 'Lucia', 'Ivana', 'Monika', 'Veronika', 'Andrea', 'Ľudmila'];
const slovakFamily: readonly (readonly [string, string])[] = [
  ['Horváth', 'Horváthová'],
  ['Kováč', 'Kováčová'],
  ['Varga', 'Vargová'],
  ['Tóth', 'Tóthová'],
  ['Nagy', 'Nagyová'],
  ['Baláž', 'Balážová'],
  ['Molnár', 'Molnárová'],
  ['Lukáč', 'Lukáčová'],
  ['Oláh', 'Oláhová'],
  ['Ďuriš', 'Ďurišová'],
];

const indianMale = ['Rahul', 'Amit', 'Vikram', 'Arjun', 'Rohan', 'Sanjay', 'Karthik', 'Aditya'];
const indianFemale = ['Priya', 'Anjali', 'Sneha', 'Deepika', 'Kavya', 'Pooja', 'Lakshmi', 'Neha'];
const indianFamily = ['Sharma', 'Patel', 'Kumar', 'Singh', 'Reddy', 'Iyer', 'Nair', 'Gupta', 'Rao', 'Menon'];

const filipinoMale = ['Jose', 'Mark Anthony', 'John Paul', 'Jerome', 'Rodel', 'Christian'];
const filipinoFemale = ['Maria Cristina', 'Angelica', 'Kristine', 'Rowena', 'Marites', 'Jocelyn'];
const filipinoFamily = ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Ocampo', 'Garcia', 'Mendoza', 'Dela Cruz', 'Villanueva', 'Ramos'];

/** Russian-style family names take their feminine form from the ending. */
function feminineOf(family: string): string {
  if (/(ий|ый|ой)$/.test(family)) return `${family.slice(0, -2)}ая`;
  if (/(ов|ев|ёв|ин)$/.test(family)) return `${family}а`;
  return family;
}

function cyrillicNames(random: Random, sex: Sex, scheme: Scheme, given: Record<Sex, readonly string[]>, family: () => string): Names {
  const givenNative = random.pick(given[sex]);
  const familyNative = sex === 'female' ? feminineOf(family()) : family();
  return {
    given: transliterate(givenNative, scheme),
    family: transliterate(familyNative, scheme),
    givenNative,
    familyNative,
  };
}

function pairNames(random: Random, given: readonly Pair[], family: readonly Pair[]): Names {
  const [givenNative, givenLatin] = random.pick(given);
  const [familyNative, familyLatin] = random.pick(family);
  return { given: givenLatin, family: familyLatin, givenNative, familyNative };
}

function latinNames(given: string, family: string): Names {
  const plainGiven = stripDiacritics(given);
  const plainFamily = stripDiacritics(family);
  const same = plainGiven === given && plainFamily === family;
  // The native form is kept only where it differs from the passport's, as staff would record it.
  return { given: plainGiven, family: plainFamily, givenNative: same ? null : given, familyNative: same ? null : family };
}

// ---- groups --------------------------------------------------------------------------------------

const always =
  <T>(value: T) =>
  () =>
    value;

/** The citizenships of the centre's clients, weighted roughly as the region's foreigners are. */
const groups: readonly (readonly [Group, number])[] = [
  [
    {
      citizenships: always<CountryCode[]>(['UA']),
      languages: (r) => (r.chance(0.7) ? ['uk', 'ru'] : r.chance(0.8) ? ['uk'] : ['ru', 'uk']),
      female: 0.62,
      names: (r, sex) => {
        const givenNative = r.pick(sex === 'male' ? ukrainianMale : ukrainianFemale);
        const entry = r.pick(ukrainianFamily);
        const familyNative = typeof entry === 'string' ? entry : sex === 'male' ? entry[0] : entry[1];
        return { given: transliterate(givenNative, 'uk'), family: transliterate(familyNative, 'uk'), givenNative, familyNative };
      },
      residence: [
        ['temporary_protection', 55],
        ['special_long_term_residence', 8],
        ['long_term_residence', 14],
        ['permanent_residence', 14],
        ['long_term_visa', 4],
        ['asylum_applicant', 1],
        [null, 4],
      ],
      foreignPhone: '+380',
    },
    42,
  ],
  [
    {
      citizenships: always<CountryCode[]>(['VN']),
      languages: (r) => (r.chance(0.35) ? ['vi', 'cs'] : ['vi']),
      female: 0.5,
      names: (r, sex) => {
        const family = r.weighted(vietnameseFamily);
        const middle = r.weighted(vietnameseMiddle[sex]);
        const extra = sex === 'female' && middle === 'Thị' && r.chance(0.2) ? ` ${r.pick(['Thu', 'Ngọc', 'Thanh'])}` : '';
        const givenNative = `${middle}${extra} ${r.pick(vietnameseGiven[sex])}`;
        return { given: stripDiacritics(givenNative), family: stripDiacritics(family), givenNative, familyNative: family };
      },
      residence: [
        ['permanent_residence', 50],
        ['long_term_residence', 32],
        ['long_term_visa', 12],
        ['unknown', 2],
        [null, 4],
      ],
    },
    15,
  ],
  [
    {
      citizenships: always<CountryCode[]>(['SK']),
      languages: always<LanguageCode[]>(['sk', 'cs']),
      female: 0.5,
      names: (r, sex) => {
        const [masculine, feminine] = r.pick(slovakFamily);
        const given = r.pick(sex === 'male' ? slovakMale : slovakFemale);
        // Slovak documents print diacritics, so the passport spelling keeps them.
        return { given, family: sex === 'male' ? masculine : feminine, givenNative: null, familyNative: null };
      },
      residence: [
        ['eu_temporary_residence', 60],
        ['permanent_residence', 30],
        [null, 10],
      ],
    },
    6,
  ],
  [
    {
      citizenships: (r) => (r.chance(0.05) ? ['RU', 'IL'] : ['RU']),
      languages: (r) => (r.chance(0.4) ? ['ru', 'en'] : ['ru']),
      female: 0.55,
      names: (r, sex) => cyrillicNames(r, sex, 'ru', { male: russianMale, female: russianFemale }, () => r.pick(russianFamily)),
      residence: [
        ['long_term_residence', 35],
        ['permanent_residence', 35],
        ['long_term_visa', 10],
        ['asylum', 4],
        ['asylum_applicant', 4],
        ['tolerance_visa', 3],
        [null, 5],
      ],
    },
    6,
  ],
  [
    {
      citizenships: always<CountryCode[]>(['MN']),
      languages: (r) => (r.chance(0.3) ? ['mn', 'ru'] : ['mn']),
      female: 0.5,
      names: (r, sex) => {
        const givenNative = r.pick(sex === 'male' ? mongolianMale : mongolianFemale);
        // Mongolian documents give the father's name where others have a family name.
        const familyNative = r.pick(mongolianMale.filter((n) => n !== givenNative));
        return { given: transliterate(givenNative, 'mn'), family: transliterate(familyNative, 'mn'), givenNative, familyNative };
      },
      residence: [
        ['long_term_residence', 55],
        ['permanent_residence', 25],
        ['long_term_visa', 15],
        [null, 5],
      ],
      foreignPhone: '+976',
    },
    5,
  ],
  [
    {
      // Many Moldovans also hold Romanian citizenship, which makes them EU citizens.
      citizenships: (r) => (r.chance(0.3) ? ['MD', 'RO'] : ['MD']),
      languages: (r) => (r.chance(0.6) ? ['ro', 'ru'] : ['ro']),
      female: 0.45,
      names: (r, sex) => latinNames(r.pick(sex === 'male' ? moldovanMale : moldovanFemale), r.pick(moldovanFamily)),
      residence: [
        ['long_term_residence', 40],
        ['permanent_residence', 20],
        ['eu_temporary_residence', 20],
        ['short_stay_visa', 10],
        [null, 10],
      ],
      foreignPhone: '+373',
    },
    4,
  ],
  [
    {
      citizenships: always<CountryCode[]>(['BG']),
      languages: always<LanguageCode[]>(['bg']),
      female: 0.5,
      names: (r, sex) => cyrillicNames(r, sex, 'bg', { male: bulgarianMale, female: bulgarianFemale }, () => r.pick(bulgarianFamily)),
      residence: [
        ['eu_temporary_residence', 70],
        ['permanent_residence', 20],
        [null, 10],
      ],
    },
    3,
  ],
  [
    {
      citizenships: always<CountryCode[]>(['BY']),
      languages: (r) => (r.chance(0.3) ? ['ru', 'be'] : ['ru']),
      female: 0.55,
      names: (r, sex) => cyrillicNames(r, sex, 'ru', { male: russianMale, female: russianFemale }, () => r.pick(russianFamily)),
      residence: [
        ['long_term_residence', 40],
        ['permanent_residence', 25],
        ['asylum', 10],
        ['subsidiary_protection', 10],
        ['asylum_applicant', 10],
        [null, 5],
      ],
    },
    2,
  ],
  [
    {
      citizenships: always<CountryCode[]>(['KZ']),
      languages: (r) => (r.chance(0.7) ? ['kk', 'ru'] : ['ru']),
      female: 0.5,
      names: (r, sex) => cyrillicNames(r, sex, 'kk', { male: kazakhMale, female: kazakhFemale }, () => r.pick(kazakhFamily)),
      residence: [
        ['long_term_residence', 60],
        ['permanent_residence', 25],
        ['long_term_visa', 15],
      ],
    },
    2,
  ],
  [
    {
      citizenships: always<CountryCode[]>(['GE']),
      languages: (r) => (r.chance(0.5) ? ['ka', 'ru'] : ['ka']),
      female: 0.45,
      names: (r, sex) => pairNames(r, sex === 'male' ? georgianMale : georgianFemale, georgianFamily),
      residence: [
        ['long_term_residence', 50],
        ['short_stay_visa', 15],
        ['asylum_applicant', 15],
        ['permanent_residence', 15],
        [null, 5],
      ],
    },
    2,
  ],
  [
    {
      citizenships: always<CountryCode[]>(['SY']),
      languages: (r) => (r.chance(0.4) ? ['ar', 'en'] : ['ar']),
      female: 0.4,
      names: (r, sex) => pairNames(r, sex === 'male' ? arabicMale : arabicFemale, arabicFamily),
      residence: [
        ['asylum', 30],
        ['subsidiary_protection', 30],
        ['asylum_applicant', 15],
        ['permanent_residence', 20],
        [null, 5],
      ],
    },
    3,
  ],
  [
    {
      citizenships: always<CountryCode[]>(['IN']),
      languages: (r) => (r.chance(0.6) ? ['hi', 'en'] : r.chance(0.5) ? ['ta', 'en'] : ['ml', 'en']),
      female: 0.35,
      names: (r, sex) => latinNames(r.pick(sex === 'male' ? indianMale : indianFemale), r.pick(indianFamily)),
      residence: [
        ['long_term_residence', 70],
        ['long_term_visa', 20],
        ['permanent_residence', 10],
      ],
    },
    3,
  ],
  [
    {
      citizenships: always<CountryCode[]>(['PH']),
      languages: always<LanguageCode[]>(['tl', 'en']),
      female: 0.6,
      names: (r, sex) => latinNames(r.pick(sex === 'male' ? filipinoMale : filipinoFemale), r.pick(filipinoFamily)),
      residence: [
        ['long_term_residence', 75],
        ['long_term_visa', 15],
        ['permanent_residence', 10],
      ],
    },
    2,
  ],
];

// ---- places --------------------------------------------------------------------------------------

/** Municipalities of the region by district, with postcodes; the district town comes first and is the likeliest. */
const municipalities: Record<string, readonly (readonly [string, string])[]> = {
  'Ústí nad Labem': [
    ['Ústí nad Labem', '400 01'],
    ['Ústí nad Labem', '400 11'],
    ['Chabařovice', '403 17'],
    ['Trmice', '400 04'],
  ],
  Teplice: [
    ['Teplice', '415 01'],
    ['Krupka', '417 42'],
    ['Bílina', '418 01'],
    ['Duchcov', '419 01'],
  ],
  Děčín: [
    ['Děčín', '405 02'],
    ['Rumburk', '408 01'],
    ['Varnsdorf', '407 47'],
    ['Šluknov', '407 77'],
  ],
  Most: [
    ['Most', '434 01'],
    ['Litvínov', '436 01'],
    ['Meziboří', '435 13'],
  ],
  Chomutov: [
    ['Chomutov', '430 01'],
    ['Jirkov', '431 11'],
    ['Kadaň', '432 01'],
    ['Klášterec nad Ohří', '431 51'],
  ],
  Litoměřice: [
    ['Litoměřice', '412 01'],
    ['Roudnice nad Labem', '413 01'],
    ['Lovosice', '410 02'],
  ],
  Louny: [
    ['Louny', '440 01'],
    ['Žatec', '438 01'],
    ['Postoloprty', '439 42'],
  ],
};
const districtWeights: readonly (readonly [string, number])[] = [
  ['Ústí nad Labem', 18],
  ['Teplice', 16],
  ['Děčín', 14],
  ['Most', 13],
  ['Chomutov', 15],
  ['Litoměřice', 13],
  ['Louny', 11],
];
/** Addresses just outside the region: people who moved, or commute to work here. */
const outsideRegion: readonly { street: string; municipality: string; postcode: string; district: string }[] = [
  { street: 'Vinohradská 112', municipality: 'Praha', postcode: '130 00', district: 'Praha' },
  { street: 'Moskevská 14', municipality: 'Liberec', postcode: '460 01', district: 'Liberec' },
  { street: 'Náměstí Míru 3', municipality: 'Mělník', postcode: '276 01', district: 'Mělník' },
];
const streets = splitWords(
  'Masarykova Husova Palackého Nádražní Školní Žižkova Komenského Sadová Tyršova Jiráskova Pražská Dlouhá Lipová Bezručova Smetanova Sokolovská Mírová Zahradní Krátká Jungmannova',
);

/** The demo centre's branches and which districts each serves. */
export const demoBranches = [
  {
    name: 'Ústí nad Labem',
    municipality: 'Ústí nad Labem',
    address: 'Velká Hradební 48, 400 01 Ústí nad Labem',
    districts: ['Ústí nad Labem', 'Litoměřice'],
  },
  { name: 'Teplice', municipality: 'Teplice', address: 'Husova 1240/6, 415 01 Teplice', districts: ['Teplice'] },
  { name: 'Děčín', municipality: 'Děčín', address: 'Masarykovo náměstí 3, 405 02 Děčín', districts: ['Děčín'] },
  { name: 'Most', municipality: 'Most', address: 'Radniční 1, 434 01 Most', districts: ['Most', 'Louny'] },
  { name: 'Chomutov', municipality: 'Chomutov', address: 'Palackého 4, 430 01 Chomutov', districts: ['Chomutov'] },
] as const;

/** The branch that serves a client living in the district; the head office for anyone else. */
export function branchNameOf(district: string | null | undefined): string {
  return demoBranches.find((b) => (b.districts as readonly string[]).includes(district ?? ''))?.name ?? demoBranches[0].name;
}

// ---- dates ---------------------------------------------------------------------------------------

const dayMs = 86_400_000;
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** How long each residence status is granted for, in days; null: without end. */
const grantedForDays: Record<ResidenceCategory, readonly [number, number] | null> = {
  short_stay_visa: [30, 90],
  long_term_visa: [180, 365],
  long_term_residence: [365, 730],
  permanent_residence: null,
  eu_temporary_residence: null,
  asylum_applicant: [60, 180],
  asylum: null,
  subsidiary_protection: [365, 730],
  temporary_protection: [365, 365],
  special_long_term_residence: [1825, 1825],
  tolerance_visa: [90, 365],
  other: [180, 730],
  unknown: null,
};

const permitTypes: Partial<Record<ResidenceCategory, readonly string[]>> = {
  long_term_visa: ['za účelem podnikání', 'za účelem sloučení rodiny', 'za účelem sezónního zaměstnání', 'za účelem studia'],
  long_term_residence: ['zaměstnanecká karta', 'modrá karta EU', 'za účelem společného soužití rodiny', 'za účelem studia'],
  permanent_residence: ['trvalý pobyt'],
  eu_temporary_residence: ['potvrzení o přechodném pobytu'],
  temporary_protection: ['dočasná ochrana'],
  special_long_term_residence: ['zvláštní dlouhodobý pobyt'],
  short_stay_visa: ['schengenské vízum'],
};

const specialResidenceSince = Date.parse('2025-07-01T00:00:00Z');

function residenceOf(random: Random, category: ResidenceCategory | null, today: number): DemoPerson['residence'] {
  if (!category) return undefined;
  const span = grantedForDays[category];
  const permitType = permitTypes[category] ? random.pick(permitTypes[category] ?? []) : null;
  if (!span) {
    if (category === 'unknown') return { category, permitType: null, validFrom: null, validUntil: null };
    return { category, permitType, validFrom: isoOf(today - random.int(60, 12 * 365) * dayMs), validUntil: null };
  }
  if (category === 'special_long_term_residence') {
    // Granted from mid-2025 to former holders of temporary protection, for five years.
    const from = Math.min(today, Math.max(specialResidenceSince, today - random.int(0, 500) * dayMs));
    return { category, permitType, validFrom: isoOf(from), validUntil: isoOf(from + span[1] * dayMs) };
  }
  // Some permits have expired, some expire within two months: both need staff's attention.
  const roll = random.next();
  const untilOffset = roll < 0.12 ? -random.int(1, 365) : roll < 0.24 ? random.int(0, 60) : random.int(61, span[1]);
  const until = today + untilOffset * dayMs;
  const from = until - random.int(span[0], span[1]) * dayMs;
  return { category, permitType, validFrom: isoOf(Math.min(from, today)), validUntil: isoOf(until) };
}

function dateOfBirthOf(random: Random, today: number): { iso: string; age: number } {
  const age = random.weighted<readonly [number, number]>([
    [[1, 14], 8],
    [[15, 24], 12],
    [[25, 44], 50],
    [[45, 64], 25],
    [[65, 85], 5],
  ]);
  const years = random.int(age[0], age[1]);
  return { iso: isoOf(today - (years * 365.25 + random.int(0, 364)) * dayMs), age: years };
}

/** Prefixes of Czech mobile networks. */
const czechMobilePrefixes = splitWords(
  '601 602 603 604 605 606 607 608 702 704 720 721 722 723 724 725 728 730 731 732 733 734 736 737 739 770 773 774 775 776 777 778 792 793 799',
);

function phoneOf(random: Random, foreignPrefix: string | undefined): string {
  const digits = (n: number) => Array.from({ length: n }, () => random.int(0, 9)).join('');
  if (foreignPrefix && random.chance(0.1)) {
    // Random digits after a country code are often no real number there, and the register refuses
    // those: a few tries for one that exists, else a Czech number.
    for (let attempt = 0; attempt < 20; attempt++) {
      const candidate = `${foreignPrefix} ${digits(2)} ${digits(3)} ${digits(4)}`;
      if (toStoredPhone(candidate)) return candidate;
    }
  }
  return `+420 ${random.pick(czechMobilePrefixes)} ${digits(3)} ${digits(3)}`;
}

function emailOf(random: Random, given: string, family: string, birthYear: string): string {
  const ascii = (s: string) =>
    stripDiacritics(s)
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  const local = random.chance(0.5) ? `${ascii(given)}.${ascii(family)}` : `${ascii(given)}${ascii(family)}${birthYear.slice(2)}`;
  return `${local}@${random.pick(['example.com', 'example.org', 'example.net'])}`;
}

/** People everyone will search for in a demo, so the names in the docs find someone. */
function showcase(today: number): DemoPerson[] {
  const base = {
    phone: '+420 604 123 456',
    email: null,
    address: { street: 'Masarykova 1020/15', municipality: 'Ústí nad Labem', postcode: '400 01', district: 'Ústí nad Labem' },
  };
  const valid = (category: ResidenceCategory, permitType: string | null, days: number) => ({
    category,
    permitType,
    validFrom: isoOf(today - 300 * dayMs),
    validUntil: isoOf(today + days * dayMs),
  });
  return [
    {
      ...base,
      givenName: 'Oleksandr',
      familyName: 'Shevchenko',
      givenNameNative: 'Олександр',
      familyNameNative: 'Шевченко',
      sex: 'male',
      dateOfBirth: '1987-04-12',
      citizenships: ['UA'],
      languages: ['uk', 'ru'],
      preferredLanguage: 'uk',
      residence: valid('temporary_protection', 'dočasná ochrana', 120),
    },
    {
      ...base,
      givenName: 'Iuliia',
      familyName: 'Shcheglova',
      givenNameNative: 'Юлия',
      familyNameNative: 'Щеглова',
      sex: 'female',
      dateOfBirth: '1992-11-03',
      citizenships: ['RU'],
      languages: ['ru', 'en'],
      preferredLanguage: 'ru',
      residence: valid('long_term_residence', 'zaměstnanecká karta', 25),
    },
    {
      ...base,
      givenName: 'Thi Huong',
      familyName: 'Nguyen',
      givenNameNative: 'Thị Hương',
      familyNameNative: 'Nguyễn',
      sex: 'female',
      dateOfBirth: '1979-06-21',
      citizenships: ['VN'],
      languages: ['vi'],
      preferredLanguage: 'vi',
      address: { street: 'Husova 412/8', municipality: 'Teplice', postcode: '415 01', district: 'Teplice' },
      residence: { category: 'permanent_residence', permitType: 'trvalý pobyt', validFrom: '2012-03-01', validUntil: null },
    },
    {
      ...base,
      givenName: 'Tomorbaatar',
      familyName: 'Ganbaatar',
      givenNameNative: 'Төмөрбаатар',
      familyNameNative: 'Ганбаатар',
      sex: 'male',
      dateOfBirth: '1990-01-30',
      citizenships: ['MN'],
      languages: ['mn', 'ru'],
      preferredLanguage: 'mn',
      address: { street: 'Školní 5', municipality: 'Chomutov', postcode: '430 01', district: 'Chomutov' },
      residence: valid('long_term_residence', 'zaměstnanecká karta', -20),
    },
  ];
}

/** Whether a person is one of the showcase people the docs name (by name and date of birth, which no one else shares). */
export function isShowcasePerson(person: Pick<DemoPerson, 'givenName' | 'familyName' | 'dateOfBirth'>): boolean {
  return showcase(0).some(
    (s) => s.givenName === person.givenName && s.familyName === person.familyName && s.dateOfBirth === person.dateOfBirth,
  );
}

/**
 * `count` people, reproducible from `seed` for a given `today` (YYYY-MM-DD). Names, dates of birth
 * and the spelling pairs never repeat, so the duplicate check on registration is not set off.
 */
export function generatePeople(random: Random, count: number, todayIso: string): DemoPerson[] {
  const today = Date.parse(`${todayIso}T00:00:00Z`);
  const people: DemoPerson[] = showcase(today).slice(0, count);
  const seen = new Set(people.map((p) => `${p.givenName}|${p.familyName}|${p.dateOfBirth}`));
  while (people.length < count) {
    const group = random.weighted(groups);
    const sex: Sex = random.chance(group.female) ? 'female' : 'male';
    const names = group.names(random, sex);
    const birth = dateOfBirthOf(random, today);
    const key = `${names.given}|${names.family}|${birth.iso}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const languages = group.languages(random);
    const adult = birth.age >= 18;
    const place = random.next();
    const district = random.weighted(districtWeights);
    const [municipality, postcode] = random.pick(municipalities[district] ?? []);
    const address =
      place < 0.05
        ? undefined
        : place < 0.07
          ? random.pick(outsideRegion)
          : { street: `${random.pick(streets)} ${random.int(1, 2400)}/${random.int(1, 40)}`, municipality, postcode, district };
    people.push({
      givenName: names.given,
      familyName: names.family,
      givenNameNative: names.givenNative,
      familyNameNative: names.familyNative,
      sex: random.chance(0.005) ? 'unknown' : sex,
      dateOfBirth: birth.iso,
      citizenships: group.citizenships(random),
      languages,
      preferredLanguage: languages[0] as LanguageCode,
      phone: adult && random.chance(0.85) ? phoneOf(random, group.foreignPhone) : null,
      email: adult && random.chance(0.45) ? emailOf(random, names.given, names.family, birth.iso.slice(0, 4)) : null,
      address,
      residence: residenceOf(random, random.weighted(group.residence), today),
    });
  }
  return people;
}
