import { makeIin, type Sex } from '@/lib/identity/iin';
import type { Random } from './random';

const MALE_NAMES = [
  'Абай',
  'Азамат',
  'Айдос',
  'Алмас',
  'Арман',
  'Асқар',
  'Бақытжан',
  'Бауыржан',
  'Берік',
  'Болат',
  'Ғалым',
  'Дархан',
  'Дәурен',
  'Ерболат',
  'Ержан',
  'Ерік',
  'Ерлан',
  'Жандос',
  'Қайрат',
  'Қанат',
  'Марат',
  'Мұрат',
  'Нұржан',
  'Нұрлан',
  'Олжас',
  'Рүстем',
  'Санжар',
  'Серік',
  'Сәкен',
  'Талғат',
];
const FEMALE_NAMES = [
  'Айгүл',
  'Айжан',
  'Ақмарал',
  'Алия',
  'Әсем',
  'Ботагөз',
  'Гүлмира',
  'Гүлнар',
  'Дана',
  'Динара',
  'Жанар',
  'Жұлдыз',
  'Индира',
  'Ләззат',
  'Мадина',
  'Мөлдір',
  'Назира',
  'Салтанат',
  'Сәуле',
  'Шынар',
];
/** Fathers' names, for patronymics (Серікұлы, Серікқызы). */
const FATHERS_NAMES = ['Ахмет', 'Бекболат', 'Дүйсен', 'Ербол', 'Жақсылық', 'Қасым', 'Мұхтар', 'Нұрлан', 'Оспан', 'Серік', 'Төлеген', 'Шәріп'];
/** Male forms; women's surnames ending in -ов, -ев, -ин take -а. */
const SURNAMES = [
  'Ахметов',
  'Әбдірахманов',
  'Әлиев',
  'Әміров',
  'Байжанов',
  'Бейсенов',
  'Бекмұханов',
  'Дүйсенов',
  'Ермеков',
  'Есенов',
  'Жақсылықов',
  'Жұмабаев',
  'Жүсіпов',
  'Ибраев',
  'Исабеков',
  'Қалиев',
  'Қасымов',
  'Кенжебаев',
  'Мамырбеков',
  'Мұқанов',
  'Мұратов',
  'Нұрғалиев',
  'Нұрпейісов',
  'Омаров',
  'Оспанов',
  'Рахимов',
  'Сәрсенбаев',
  'Сейітов',
  'Серікбаев',
  'Смағұлов',
  'Сыздықов',
  'Тәжібаев',
  'Төлеуов',
  'Шәріпов',
];

/** A Kazakh full name in the order of official lists: surname, given name, patronymic. */
export function kazakhFullName(random: Random, sex: Sex): string {
  const surname = random.pick(SURNAMES);
  const father = random.pick(FATHERS_NAMES);
  return sex === 'male'
    ? `${surname} ${random.pick(MALE_NAMES)} ${father}ұлы`
    : `${surname.replace(/(ов|ев|ин)$/, '$1а')} ${random.pick(FEMALE_NAMES)} ${father}қызы`;
}

/** Hands out valid IINs, never the same one twice, trying further serials when a checksum is impossible. */
export function createIinIssuer(random: Random) {
  const issued = new Set<string>();
  return (birthDate: string, sex: Sex): string => {
    for (let serial = random.int(0, 9999), attempts = 0; attempts < 10_000; serial = (serial + 1) % 10_000, attempts += 1) {
      const iin = makeIin(birthDate, sex, serial);
      if (iin !== null && !issued.has(iin)) {
        issued.add(iin);
        return iin;
      }
    }
    throw new Error(`No IIN left for ${birthDate} ${sex}`);
  };
}

const HIGHER_EDUCATION = [
  'Higher: economics, Al-Farabi Kazakh National University',
  'Higher: law, L. N. Gumilyov Eurasian National University',
  'Higher: public administration, Academy of Public Administration under the President of the Republic of Kazakhstan',
  'Higher: agronomy, S. Seifullin Kazakh Agrotechnical University',
  'Higher: mining engineering, Satbayev University',
  'Higher: history teacher, Abai Kazakh National Pedagogical University',
  'Higher: finance, K. Zhubanov Aktobe Regional University',
  'Higher: economics, M. Auezov South Kazakhstan University',
  'Higher: hydraulic engineering, Korkyt Ata Kyzylorda University',
  'Higher: law, Karaganda Buketov University',
  'Higher: veterinary medicine, Shakarim University of Semey',
  'Higher: agricultural economics, Kazakh National Agrarian Research University',
  'Higher: finance, A. Baitursynov Kostanay Regional University',
  'Higher: law, Maqsut Narikbayev University',
];

export const higherEducation = (random: Random) => random.pick(HIGHER_EDUCATION);

/** Falls short of the civil-service qualification requirements (higher education). */
export const SECONDARY_EDUCATION = 'Secondary vocational: agricultural machinery technician, agrarian college';

/** Positions of people already serving as an akim or a maslikhat deputy. */
export const servingPosition = (random: Random, placeName: string, regionName: string) =>
  random.pick([
    `Akim of ${placeName}`,
    `Akim of a rural district, ${placeName}`,
    `Deputy of the ${regionName} maslikhat`,
    `Deputy of the ${placeName} maslikhat`,
  ]);

export const otherPosition = (random: Random) =>
  random.pick([
    'Head of a farm enterprise',
    'Private entrepreneur',
    'Director of a secondary school',
    'Chief physician of the district hospital',
    'Head of department, district akimat',
    'Lawyer',
    'Engineer at a mining company',
    'Director of a limited liability partnership',
    'Chair of a public association',
    'Teacher',
  ]);
