import type { AnonymousProfile, LifeArea } from '../../src/shared/index.js';
import type { PartnerKey } from './partners.js';

/** Codes of the default topic list (src/shared/counselling.ts), which the demo leaves as it is. */
export type TopicCode =
  | 'residence'
  | 'employment'
  | 'housing'
  | 'health_insurance'
  | 'education_schools'
  | 'social_benefits'
  | 'family'
  | 'finances_debts'
  | 'official_letters'
  | 'czech_language'
  | 'other';

/**
 * What a counsellor writes down: the words as staff write them, in Czech. `{K}`/`{k}` is the client
 * ("Klient"/"Klientka"), `{a}` and `{el}` are the past-tense endings (ptal/ptala, přišel/přišla), so
 * one text reads right for either sex.
 */
export type CounsellingText = { notes: string; outcome: string; followUp?: string; topics: readonly TopicCode[]; minutes: number };

/** Fills the client's words of a text for the client's sex (the generic masculine when not known). */
export function sayFor(sex: string, text: string): string {
  const female = sex === 'female';
  return text
    .replaceAll('{K}', female ? 'Klientka' : 'Klient')
    .replaceAll('{k}', female ? 'klientka' : 'klient')
    .replaceAll('{el}', female ? 'la' : 'el')
    .replaceAll('{a}', female ? 'a' : '');
}

/** Social consultations by their main topic. */
export const socialTexts: Record<Exclude<TopicCode, 'other'>, readonly CounsellingText[]> = {
  residence: [
    {
      topics: ['residence', 'official_letters'],
      minutes: 60,
      notes:
        '{K} přiš{el} s dotazem na prodloužení pobytu. Prošli jsme seznam dokladů (cestovní doklad, fotografie, doklad o zajištění ubytování, potvrzení zaměstnavatele, doklad o zdravotním pojištění) a lhůtu pro podání žádosti.',
      outcome: 'Seznam dokladů předán; termín na OAMP si {k} rezervuje online.',
      followUp: 'Zkontrolovat doklady před podáním žádosti o prodloužení',
    },
    {
      topics: ['residence'],
      minutes: 45,
      notes:
        'Vyplnili jsme spolu žádost o prodloužení platnosti povolení k pobytu a přiložili potvrzení o ubytování. {K} má termín na pracovišti OAMP v Ústí nad Labem.',
      outcome: 'Žádost připravena k podání.',
      followUp: 'Ověřit, zda OAMP nevyzval k doplnění žádosti',
    },
  ],
  employment: [
    {
      topics: ['employment', 'czech_language'],
      minutes: 60,
      notes:
        'Úprava životopisu v češtině a odpověď na inzerát (skladník, Ústí nad Labem – Předlice). Vysvětlili jsme rozdíl mezi pracovní smlouvou a dohodou o provedení práce a co hlídat ve mzdovém výměru.',
      outcome: 'Životopis hotov, odpověď na inzerát odeslána.',
      followUp: 'Zeptat se, zda se zaměstnavatel ozval',
    },
    {
      topics: ['employment', 'residence'],
      minutes: 45,
      notes:
        '{K} mění zaměstnavatele a má zaměstnaneckou kartu. Vysvětlili jsme povinnost oznámit změnu ministerstvu vnitra předem a lhůty, ve kterých se musí najít nové místo.',
      outcome: 'Oznámení o změně zaměstnavatele vyplněno.',
      followUp: 'Ověřit, že oznámení o změně zaměstnavatele bylo podáno',
    },
  ],
  housing: [
    {
      topics: ['housing'],
      minutes: 60,
      notes:
        '{K} bydlí na ubytovně, která končí ke konci měsíce. Prošli jsme nabídky nájmů, vysvětlili nájemní smlouvu, kauci, zálohy na služby a předávací protokol.',
      outcome: 'Vybrány dva byty, {k} se domluví na prohlídce.',
      followUp: 'Zeptat se na výsledek prohlídek bytů',
    },
    {
      topics: ['housing', 'official_letters'],
      minutes: 30,
      notes: 'Pronajímatel nevrací kauci po skončení nájmu. Připravili jsme písemnou výzvu k vrácení kauce s lhůtou 15 dnů.',
      outcome: 'Výzva odeslána doporučeně.',
    },
  ],
  health_insurance: [
    {
      topics: ['health_insurance'],
      minutes: 30,
      notes:
        '{K} nemá praktického lékaře. Vyhledali jsme lékaře, kteří přijímají nové pacienty, a vysvětlili rozdíl mezi veřejným a komerčním pojištěním.',
      outcome: 'Registrace u praktického lékaře domluvena na příští týden.',
    },
    {
      topics: ['health_insurance', 'employment'],
      minutes: 45,
      notes:
        'Přechod z komerčního do veřejného zdravotního pojištění po nástupu do zaměstnání. Vysvětlili jsme, že přihlášku podává zaměstnavatel, a jak vypovědět komerční pojistku.',
      outcome: 'Postup vysvětlen; výpověď komerčního pojištění sepsána.',
    },
  ],
  education_schools: [
    {
      topics: ['education_schools', 'family'],
      minutes: 45,
      notes:
        'Zápis dítěte do základní školy: spádová škola, termín zápisu, doklady. Probrali jsme podporu češtiny jako druhého jazyka a možnost asistenta pedagoga.',
      outcome: 'Přihláška k zápisu vyplněna, škola kontaktována.',
      followUp: 'Ověřit, zda škola dítě přijala',
    },
    {
      topics: ['education_schools'],
      minutes: 45,
      notes:
        'Uznání středoškolského vzdělání ze země původu (nostrifikace). Vysvětlili jsme postup na krajském úřadě, potřebné překlady a poplatek.',
      outcome: '{K} zajistí soudní překlad vysvědčení.',
    },
  ],
  social_benefits: [
    {
      topics: ['social_benefits', 'housing'],
      minutes: 60,
      notes: 'Nárok na příspěvek na bydlení a přídavek na dítě: prošli jsme příjmy domácnosti za poslední čtvrtletí a náklady na bydlení.',
      outcome: 'Žádost o příspěvek na bydlení vyplněna; {k} ji podá na úřadu práce.',
      followUp: 'Zeptat se, jak úřad práce o příspěvku rozhodl',
    },
    {
      topics: ['social_benefits'],
      minutes: 30,
      notes: 'Humanitární dávka pro držitele dočasné ochrany: podmínky, doložení příjmů a nákladů na bydlení, formulář.',
      outcome: 'Formulář vyplněn.',
    },
  ],
  family: [
    {
      topics: ['family', 'social_benefits'],
      minutes: 45,
      notes:
        'Narození dítěte: rodný list na matrice, přihlášení dítěte ke zdravotnímu pojištění, peněžitá pomoc v mateřství a rodičovský příspěvek.',
      outcome: '{K} ví, co kde vyřídit a v jakém pořadí.',
    },
  ],
  finances_debts: [
    {
      topics: ['finances_debts', 'health_insurance'],
      minutes: 45,
      notes:
        'Dluh na pojistném u zdravotní pojišťovny z doby bez zaměstnání. Spočítali jsme dlužnou částku a připravili žádost o splátkový kalendář.',
      outcome: 'Žádost o splátkový kalendář odeslána pojišťovně.',
      followUp: 'Ověřit odpověď pojišťovny na splátkový kalendář',
    },
    {
      topics: ['finances_debts'],
      minutes: 60,
      notes: 'Sestavili jsme rozpočet domácnosti; {k} splácí dvě půjčky u nebankovních společností a jednu splátku už nezaplatil{a}.',
      outcome: 'Domluveno předání do dluhové poradny.',
    },
  ],
  official_letters: [
    {
      topics: ['official_letters'],
      minutes: 30,
      notes: '{K} přines{el} výzvu finančního úřadu k podání daňového přiznání. Vysvětlili jsme obsah dopisu a lhůtu.',
      outcome: 'Přiznání {k} podá s pomocí mzdové účetní zaměstnavatele.',
    },
    {
      topics: ['official_letters', 'residence'],
      minutes: 30,
      notes: 'Výzva OAMP k odstranění vad žádosti: chybí doklad o zajištění ubytování. Vysvětlili jsme, jaký doklad stačí a do kdy.',
      outcome: '{K} doloží potvrzení o ubytování do 15 dnů.',
      followUp: 'Ověřit, že doklad o ubytování byl doložen',
    },
  ],
  czech_language: [
    {
      topics: ['czech_language', 'residence'],
      minutes: 30,
      notes: 'Zájem o kurz češtiny a zkoušku A2 k trvalému pobytu. Předali jsme termíny kurzů centra a postup přihlášení ke zkoušce.',
      outcome: '{K} se přihlásil{a} do večerního kurzu.',
    },
  ],
};

/** Legal consultations: confidential, so only legal counsellors (and the author) read them. */
export const legalTexts: readonly CounsellingText[] = [
  {
    topics: ['residence', 'official_letters'],
    minutes: 90,
    notes:
      'Rozhodnutí o zamítnutí žádosti o prodloužení dlouhodobého pobytu pro nedoložení příjmu. Posouzena lhůta k odvolání (15 dnů od doručení) a důvody; příjem lze doložit dodatečně.',
    outcome: 'Sepsáno odvolání, podáno v zákonné lhůtě.',
    followUp: 'Sledovat rozhodnutí Komise pro rozhodování ve věcech pobytu cizinců',
  },
  {
    topics: ['residence'],
    minutes: 60,
    notes:
      'Přechod z dočasné ochrany na zvláštní dlouhodobý pobyt: posouzeny podmínky (příjem domácnosti, zdravotní pojištění, doba pobytu) a lhůta pro registraci.',
    outcome: '{K} podmínky splňuje; postup a lhůty vysvětleny.',
  },
  {
    topics: ['residence', 'czech_language'],
    minutes: 60,
    notes:
      'Trvalý pobyt po pěti letech nepřetržitého pobytu: posouzena přerušení pobytu, doklad o prostředcích, zkouška z češtiny A2 a výjimky z ní.',
    outcome: '{K} může žádost podat po složení zkoušky A2.',
  },
  {
    topics: ['employment'],
    minutes: 60,
    notes: 'Zaměstnavatel nevyplatil mzdu za dva měsíce. Posouzena pracovní smlouva a výplatní pásky; nárok na mzdu i úrok z prodlení.',
    outcome: 'Připravena výzva zaměstnavateli k úhradě.',
    followUp: 'Nezaplatí-li zaměstnavatel do 15 dnů, podat podnět na oblastní inspektorát práce',
  },
  {
    topics: ['employment', 'housing'],
    minutes: 60,
    notes:
      'Agenturní zaměstnávání: agentura strhává ze mzdy ubytování nad sjednanou částku a dala ústní výpověď. Posouzena platnost výpovědi a srážek ze mzdy.',
    outcome: 'Výpověď je neplatná; sepsáno oznámení o trvání na dalším zaměstnávání.',
  },
  {
    topics: ['family', 'residence'],
    minutes: 60,
    notes: 'Sloučení rodiny s manželem či manželkou a dítětem ze země původu: podmínky, doklady, překlady a lhůta zpracování (270 dnů).',
    outcome: 'Předán seznam dokladů a překladů.',
  },
  {
    topics: ['finances_debts'],
    minutes: 60,
    notes: 'Exekuce na mzdu: ověřen stav v Centrální evidenci exekucí (dva exekutoři), posouzena možnost oddlužení.',
    outcome: 'Doporučen návrh na oddlužení přes akreditovanou dluhovou poradnu.',
  },
  {
    topics: ['official_letters', 'residence'],
    minutes: 45,
    notes: 'Pokuta za pozdní ohlášení změny adresy pobytu. Posouzena výše pokuty a možnost podat vyjádření k zahájenému řízení.',
    outcome: 'Sepsáno vyjádření s odkazem na doložené dřívější ohlášení.',
  },
];

/** Consultations of the kind "other": help that is neither social nor legal counselling. */
export const otherTexts: readonly CounsellingText[] = [
  {
    topics: ['other', 'official_letters'],
    minutes: 45,
    notes: 'Pomoc se zřízením datové schránky a bankovní identity; vysvětlili jsme, jak schránku hlídat.',
    outcome: 'Datová schránka zřízena.',
  },
  {
    topics: ['other', 'employment'],
    minutes: 90,
    notes: 'Doprovod na úřad práce k registraci do evidence uchazečů o zaměstnání.',
    outcome: '{K} je zaevidován{a}, další schůzka na úřadu práce za měsíc.',
  },
];

/** Enquiries of people who did not give their name: short, often by phone. */
export const anonymousTexts: readonly (CounsellingText & { form: 'phone' | 'in_person' | 'email'; profile: AnonymousProfile })[] = [
  {
    form: 'phone',
    minutes: 15,
    topics: ['residence'],
    notes: 'Telefonický dotaz, jak se objednat na OAMP a jak dlouho se čeká na termín.',
    outcome: 'Vysvětlen rezervační systém.',
    profile: { sex: 'female', ageBand: '26_40', citizenship: 'UA', residenceCategory: 'temporary_protection' },
  },
  {
    form: 'in_person',
    minutes: 20,
    topics: ['czech_language'],
    notes: 'Dotaz na kurzy češtiny pro dospělé a na cenu zkoušky A2.',
    outcome: 'Předán rozpis kurzů.',
    profile: { sex: 'male', ageBand: '26_40', citizenship: 'VN', residenceCategory: 'long_term_residence' },
  },
  {
    form: 'phone',
    minutes: 20,
    topics: ['social_benefits', 'housing'],
    notes: 'Dotaz, zda má rodina nárok na příspěvek na bydlení; jméno volající nechtěla uvést.',
    outcome: 'Podmínky vysvětleny, doporučena osobní konzultace.',
    profile: { sex: 'female', ageBand: '41_60', citizenship: 'MN', residenceCategory: 'permanent_residence' },
  },
  {
    form: 'email',
    minutes: 15,
    topics: ['other'],
    notes: 'Dotaz na výměnu zahraničního řidičského průkazu.',
    outcome: 'Odkázán na odbor dopravy magistrátu.',
    profile: { sex: 'male', ageBand: '18_25', citizenship: 'IN', residenceCategory: 'long_term_visa' },
  },
  {
    form: 'in_person',
    minutes: 30,
    topics: ['employment'],
    notes: 'Agenturní pracovník se ptal, zda mu agentura smí zadržet pas. Vysvětleno, že nesmí, a kam se obrátit.',
    outcome: 'Předány kontakty na inspektorát práce a právní poradnu.',
    profile: { sex: 'male', ageBand: '26_40', citizenship: 'MD', residenceCategory: 'eu_temporary_residence' },
  },
  {
    form: 'phone',
    minutes: 10,
    topics: ['education_schools'],
    notes: 'Dotaz, zda lze dítě zapsat do školy během školního roku.',
    outcome: 'Ano; vysvětlen postup se spádovou školou.',
    profile: { sex: 'female', ageBand: '26_40', citizenship: 'UA', residenceCategory: 'special_long_term_residence' },
  },
  {
    form: 'in_person',
    minutes: 25,
    topics: ['health_insurance'],
    notes: 'Dotaz na komerční zdravotní pojištění pro rodiče na návštěvě.',
    outcome: 'Vysvětleny podmínky cestovního zdravotního pojištění.',
    profile: { sex: 'unknown', ageBand: 'unknown', citizenship: null, residenceCategory: 'unknown' },
  },
  {
    form: 'phone',
    minutes: 15,
    topics: ['residence'],
    notes: 'Dotaz seniora na prodloužení platnosti průkazu o povolení k trvalému pobytu.',
    outcome: 'Vysvětleno, že průkaz se vyměňuje, pobyt trvá.',
    profile: { sex: 'male', ageBand: 'over_60', citizenship: 'RU', residenceCategory: 'permanent_residence' },
  },
];

/** A goal of an individual plan with its steps, by life area. */
export const goalTemplates: Record<LifeArea, readonly { title: string; steps: readonly string[] }[]> = {
  residence: [
    {
      title: 'Prodloužit povolení k pobytu před koncem platnosti',
      steps: ['Sestavit seznam dokladů', 'Získat potvrzení od zaměstnavatele', 'Rezervovat termín na OAMP', 'Podat žádost'],
    },
    {
      title: 'Připravit žádost o trvalý pobyt',
      steps: ['Složit zkoušku z češtiny A2', 'Doložit příjmy za poslední rok', 'Podat žádost'],
    },
  ],
  work: [
    {
      title: 'Najít stálé zaměstnání na hlavní pracovní poměr',
      steps: ['Registrace na úřadu práce', 'Životopis v češtině', 'Odpovědět alespoň na pět inzerátů'],
    },
    { title: 'Uznat vysokoškolský diplom', steps: ['Soudní překlad diplomu', 'Podat žádost o nostrifikaci'] },
  ],
  housing: [
    {
      title: 'Přestěhovat se z ubytovny do nájemního bytu',
      steps: ['Sestavit rozpočet na bydlení', 'Prohlédnout byty', 'Podepsat nájemní smlouvu'],
    },
  ],
  health: [
    { title: 'Registrovat se u praktického lékaře a zubaře', steps: ['Najít lékaře, který přijímá pacienty', 'Registrace u lékaře'] },
  ],
  education: [
    {
      title: 'Zapsat dítě do základní školy',
      steps: ['Zjistit spádovou školu', 'Zápis do školy', 'Domluvit podporu češtiny ve škole'],
    },
  ],
  language: [
    {
      title: 'Složit zkoušku z češtiny na úrovni A2',
      steps: ['Přihlásit se do kurzu', 'Dokončit kurz', 'Přihlásit se ke zkoušce'],
    },
  ],
  finances: [
    {
      title: 'Splácet dluh na pojistném podle splátkového kalendáře',
      steps: ['Žádost o splátkový kalendář', 'Nastavit trvalý příkaz'],
    },
    { title: 'Sestavit a dodržovat rozpočet domácnosti', steps: ['Sepsat příjmy a výdaje', 'Měsíční kontrola rozpočtu'] },
  ],
  family: [
    {
      title: 'Podat žádost o sloučení rodiny',
      steps: ['Seznam dokladů', 'Překlady oddacího a rodných listů', 'Podat žádost na zastupitelském úřadě'],
    },
  ],
};

/** The life area a consultation topic belongs to in a plan. */
export const lifeAreaOfTopic: Partial<Record<TopicCode, LifeArea>> = {
  residence: 'residence',
  employment: 'work',
  housing: 'housing',
  health_insurance: 'health',
  education_schools: 'education',
  social_benefits: 'finances',
  family: 'family',
  finances_debts: 'finances',
  czech_language: 'language',
};

export const reviewSummaries: readonly string[] = [
  'Společně jsme prošli cíle plánu a splněné kroky. Co zbývá, platí dál; další kontrola za dva měsíce.',
  'Část kroků je splněna. {K} chodí do kurzu češtiny; ostatní cíle beze změny, termíny jsme posunuli.',
  'Plán zhodnocen na společné schůzce: jeden cíl splněn, ostatní trvají.',
];

/** Why a client is referred to each partner, and what came of it when it was completed. */
export const referralTexts: Partial<Record<PartnerKey, { topics: readonly TopicCode[]; reason: string; outcome: string }>> = {
  labourOfficeUsti: {
    topics: ['employment', 'social_benefits'],
    reason: 'Registrace do evidence uchazečů o zaměstnání a pomoc s hledáním práce; {k} hledá místo na hlavní pracovní poměr.',
    outcome: '{K} zaevidován{a}, má přiděleného zprostředkovatele.',
  },
  labourOfficeTeplice: {
    topics: ['employment', 'social_benefits'],
    reason: 'Žádost o příspěvek na bydlení a přídavek na dítě; doklady připraveny v centru.',
    outcome: 'Příspěvek na bydlení přiznán.',
  },
  labourOfficeDecin: {
    topics: ['employment', 'social_benefits'],
    reason: 'Registrace do evidence uchazečů o zaměstnání po skončení pracovního poměru.',
    outcome: '{K} zaevidován{a}.',
  },
  socialDepartment: {
    topics: ['housing', 'family'],
    reason: 'Hrozí ztráta bydlení (ubytovna končí). Prosíme o posouzení sociální situace rodiny a pomoc s bydlením.',
    outcome: 'Sociální pracovnice rodinu navštívila; podána žádost o městský byt.',
  },
  debtAdvice: {
    topics: ['finances_debts'],
    reason: 'Dluhy u tří věřitelů a exekuce na mzdu; prosíme o posouzení možnosti oddlužení.',
    outcome: 'Návrh na oddlužení podán soudu.',
  },
  legalAid: {
    topics: ['residence', 'employment'],
    reason: 'Odvolání proti zamítnutí žádosti o prodloužení pobytu: prosíme o převzetí zastoupení v řízení.',
    outcome: 'Poradna převzala zastoupení; odvolání doplněno.',
  },
  languageSchool: {
    topics: ['czech_language'],
    reason: 'Zájem o kurz češtiny a přípravu na zkoušku A2 pro trvalý pobyt, nejlépe ve večerní skupině.',
    outcome: '{K} dokončil{a} kurz A2 a přihlásil{a} se ke zkoušce.',
  },
  primarySchool: {
    topics: ['education_schools'],
    reason: 'Zápis dítěte do školy během školního roku; prosíme o podporu češtiny jako druhého jazyka.',
    outcome: 'Dítě přijato, má tři hodiny podpory češtiny týdně.',
  },
  healthInsurer: {
    topics: ['health_insurance', 'finances_debts'],
    reason: 'Splátkový kalendář dlužného pojistného; žádost připravena v centru.',
    outcome: 'Splátkový kalendář schválen.',
  },
  interpreters: {
    topics: ['official_letters', 'health_insurance'],
    reason: 'Tlumočení při jednání na úřadu práce a u lékaře.',
    outcome: 'Tlumočení zajištěno.',
  },
};

/** Why a referral was declined. */
export const declinedOutcome = 'Partner nemá volnou kapacitu; doporučil obrátit se znovu za dva měsíce.';

/** What a booked appointment is for, by its topic. */
export const appointmentPurposes: Record<TopicCode, string> = {
  residence: 'Prodloužení pobytu – kontrola dokladů',
  employment: 'Pracovní smlouva a hledání práce',
  housing: 'Bydlení – nájemní smlouva',
  health_insurance: 'Zdravotní pojištění',
  education_schools: 'Zápis dítěte do školy',
  social_benefits: 'Žádost o příspěvek na bydlení',
  family: 'Sloučení rodiny',
  finances_debts: 'Dluhy a splátkový kalendář',
  official_letters: 'Úřední dopis – vysvětlení',
  czech_language: 'Kurz češtiny a zkouška A2',
  other: 'Kontrola individuálního plánu',
};

/** What an appointment with the legal counsellor is for, by its topic. */
export const legalPurposes: Partial<Record<TopicCode, string>> = {
  residence: 'Pobytové řízení – odvolání a lhůty',
  employment: 'Pracovněprávní spor se zaměstnavatelem',
  family: 'Sloučení rodiny – podmínky',
  finances_debts: 'Exekuce a oddlužení',
  official_letters: 'Správní řízení – vyjádření',
  housing: 'Výpověď z nájmu',
};

/** People who rang the front desk and are booked before they have a record. */
export const newContacts: readonly { name: string; phone: string; purpose: string; interpreterLanguage: 'vi' | 'uk' | 'mn' | null }[] = [
  { name: 'Trần Văn Hải', phone: '+420 555 020 114', purpose: 'První konzultace – živnostenské oprávnění', interpreterLanguage: 'vi' },
  { name: 'Natalia Bondar', phone: '+420 555 020 127', purpose: 'První konzultace – dočasná ochrana', interpreterLanguage: null },
  { name: 'Bat-Erdene Dorj', phone: '+420 555 020 139', purpose: 'První konzultace – zaměstnanecká karta', interpreterLanguage: 'mn' },
  { name: 'Maria Ciobanu', phone: '+420 555 020 146', purpose: 'První konzultace – pracovní smlouva', interpreterLanguage: null },
];

/** Why an appointment was cancelled. */
export const cancelReasons: readonly string[] = ['Omluva telefonem – nemoc.', 'Klient nemohl odejít z práce, ozve se s novým termínem.'];
