import type { Random } from './random';

/** Places of the demo: the 17 regions of 2023, the districts and cities that elect akims. */

export type RegionCode =
  | 'abai'
  | 'akmola'
  | 'aktobe'
  | 'almaty'
  | 'atyrau'
  | 'east-kazakhstan'
  | 'jambyl'
  | 'jetisu'
  | 'karaganda'
  | 'kostanay'
  | 'kyzylorda'
  | 'mangystau'
  | 'north-kazakhstan'
  | 'pavlodar'
  | 'turkistan'
  | 'ulytau'
  | 'west-kazakhstan';

export type Names = { nameKk: string; nameRu: string; nameEn: string };

export const REGIONS: ({ code: RegionCode } & Names)[] = [
  { code: 'abai', nameKk: 'Абай облысы', nameRu: 'Абайская область', nameEn: 'Abai Region' },
  { code: 'akmola', nameKk: 'Ақмола облысы', nameRu: 'Акмолинская область', nameEn: 'Akmola Region' },
  { code: 'aktobe', nameKk: 'Ақтөбе облысы', nameRu: 'Актюбинская область', nameEn: 'Aktobe Region' },
  { code: 'almaty', nameKk: 'Алматы облысы', nameRu: 'Алматинская область', nameEn: 'Almaty Region' },
  { code: 'atyrau', nameKk: 'Атырау облысы', nameRu: 'Атырауская область', nameEn: 'Atyrau Region' },
  { code: 'east-kazakhstan', nameKk: 'Шығыс Қазақстан облысы', nameRu: 'Восточно-Казахстанская область', nameEn: 'East Kazakhstan Region' },
  { code: 'jambyl', nameKk: 'Жамбыл облысы', nameRu: 'Жамбылская область', nameEn: 'Jambyl Region' },
  { code: 'jetisu', nameKk: 'Жетісу облысы', nameRu: 'область Жетісу', nameEn: 'Jetisu Region' },
  { code: 'karaganda', nameKk: 'Қарағанды облысы', nameRu: 'Карагандинская область', nameEn: 'Karaganda Region' },
  { code: 'kostanay', nameKk: 'Қостанай облысы', nameRu: 'Костанайская область', nameEn: 'Kostanay Region' },
  { code: 'kyzylorda', nameKk: 'Қызылорда облысы', nameRu: 'Кызылординская область', nameEn: 'Kyzylorda Region' },
  { code: 'mangystau', nameKk: 'Маңғыстау облысы', nameRu: 'Мангистауская область', nameEn: 'Mangystau Region' },
  { code: 'north-kazakhstan', nameKk: 'Солтүстік Қазақстан облысы', nameRu: 'Северо-Казахстанская область', nameEn: 'North Kazakhstan Region' },
  { code: 'pavlodar', nameKk: 'Павлодар облысы', nameRu: 'Павлодарская область', nameEn: 'Pavlodar Region' },
  { code: 'turkistan', nameKk: 'Түркістан облысы', nameRu: 'Туркестанская область', nameEn: 'Turkistan Region' },
  { code: 'ulytau', nameKk: 'Ұлытау облысы', nameRu: 'область Ұлытау', nameEn: 'Ulytau Region' },
  { code: 'west-kazakhstan', nameKk: 'Батыс Қазақстан облысы', nameRu: 'Западно-Казахстанская область', nameEn: 'West Kazakhstan Region' },
];

export function regionOf(regionCode: string) {
  const region = REGIONS.find((candidate) => candidate.code === regionCode);
  if (!region) throw new Error(`Unknown region ${regionCode}`);
  return region;
}

export type Place = Names & {
  code: string;
  regionCode: RegionCode;
  kind: 'district' | 'city';
  /** The district centre or the city, as written in Russian-language addresses. */
  centreRu: string;
  /** Relative number of precincts; cities of regional significance differ a lot in size. */
  size: number;
};

const district = (regionCode: RegionCode, slug: string, nameKk: string, nameRu: string, nameEn: string, centreRu: string): Place => ({
  code: `${regionCode}-${slug}`,
  regionCode,
  kind: 'district',
  nameKk,
  nameRu,
  nameEn,
  centreRu,
  size: 1,
});

const city = (regionCode: RegionCode, slug: string, nameKk: string, nameRu: string, nameEn: string, size: number): Place => ({
  code: `${regionCode}-${slug}`,
  regionCode,
  kind: 'city',
  nameKk,
  nameRu,
  nameEn,
  centreRu: nameRu.replace(/^город /, 'г. '),
  size,
});

/** 5 November 2023: 42 districts and 3 cities of regional significance, every region taking part. */
export const PLACES_2023: Place[] = [
  district('abai', 'ayagoz', 'Аягөз ауданы', 'Аягозский район', 'Ayagoz District', 'г. Аягоз'),
  district('abai', 'urzhar', 'Үржар ауданы', 'Урджарский район', 'Urzhar District', 'с. Урджар'),
  city('abai', 'kurchatov', 'Курчатов қаласы', 'город Курчатов', 'Kurchatov City', 0.3),
  district('akmola', 'burabay', 'Бурабай ауданы', 'Бурабайский район', 'Burabay District', 'г. Щучинск'),
  district('akmola', 'tselinograd', 'Целиноград ауданы', 'Целиноградский район', 'Tselinograd District', 'с. Акмол'),
  district('akmola', 'zerendi', 'Зеренді ауданы', 'Зерендинский район', 'Zerendi District', 'с. Зеренда'),
  district('aktobe', 'khromtau', 'Хромтау ауданы', 'Хромтауский район', 'Khromtau District', 'г. Хромтау'),
  district('aktobe', 'mugalzhar', 'Мұғалжар ауданы', 'Мугалжарский район', 'Mugalzhar District', 'г. Кандыагаш'),
  district('aktobe', 'kargaly', 'Қарғалы ауданы', 'Каргалинский район', 'Kargaly District', 'с. Бадамша'),
  district('almaty', 'talgar', 'Талғар ауданы', 'Талгарский район', 'Talgar District', 'г. Талгар'),
  district('almaty', 'enbekshikazakh', 'Еңбекшіқазақ ауданы', 'Енбекшиказахский район', 'Enbekshikazakh District', 'г. Есик'),
  district('almaty', 'raiymbek', 'Райымбек ауданы', 'Райымбекский район', 'Raiymbek District', 'с. Нарынкол'),
  district('atyrau', 'isatay', 'Исатай ауданы', 'Исатайский район', 'Isatay District', 'с. Аккистау'),
  district('atyrau', 'zhylyoi', 'Жылыой ауданы', 'Жылыойский район', 'Zhylyoi District', 'г. Кульсары'),
  district('east-kazakhstan', 'altai', 'Алтай ауданы', 'район Алтай', 'Altai District', 'г. Алтай'),
  district('east-kazakhstan', 'glubokoye', 'Глубокое ауданы', 'Глубоковский район', 'Glubokoye District', 'пос. Глубокое'),
  district('east-kazakhstan', 'zaisan', 'Зайсан ауданы', 'Зайсанский район', 'Zaisan District', 'г. Зайсан'),
  district('jambyl', 'baizak', 'Байзақ ауданы', 'Байзакский район', 'Baizak District', 'с. Сарыкемер'),
  district('jambyl', 'merki', 'Меркі ауданы', 'Меркенский район', 'Merki District', 'с. Мерке'),
  district('jambyl', 'shu', 'Шу ауданы', 'Шуский район', 'Shu District', 'г. Шу'),
  district('jetisu', 'karatal', 'Қаратал ауданы', 'Каратальский район', 'Karatal District', 'г. Уштобе'),
  district('jetisu', 'sarkand', 'Сарқан ауданы', 'Сарканский район', 'Sarkand District', 'г. Сарканд'),
  district('karaganda', 'bukhar-zhyrau', 'Бұқар жырау ауданы', 'район Бухар-Жырау', 'Bukhar-Zhyrau District', 'пос. Ботакара'),
  district('karaganda', 'osakarovka', 'Осакаров ауданы', 'Осакаровский район', 'Osakarovka District', 'пос. Осакаровка'),
  city('karaganda', 'priozersk', 'Приозерск қаласы', 'город Приозерск', 'Priozersk City', 0.25),
  district('kostanay', 'mendykara', 'Меңдіқара ауданы', 'Мендыкаринский район', 'Mendykara District', 'с. Боровское'),
  district('kostanay', 'karasu', 'Қарасу ауданы', 'Карасуский район', 'Karasu District', 'с. Карасу'),
  city('kostanay', 'rudny', 'Рудный қаласы', 'город Рудный', 'Rudny City', 1.6),
  district('kyzylorda', 'aral', 'Арал ауданы', 'Аральский район', 'Aral District', 'г. Аральск'),
  district('kyzylorda', 'kazaly', 'Қазалы ауданы', 'Казалинский район', 'Kazaly District', 'пос. Айтеке би'),
  district('kyzylorda', 'zhalagash', 'Жалағаш ауданы', 'Жалагашский район', 'Zhalagash District', 'пос. Жалагаш'),
  district('mangystau', 'beineu', 'Бейнеу ауданы', 'Бейнеуский район', 'Beineu District', 'с. Бейнеу'),
  district('mangystau', 'munaily', 'Мұнайлы ауданы', 'Мунайлинский район', 'Munaily District', 'с. Мангистау'),
  district('north-kazakhstan', 'kyzylzhar', 'Қызылжар ауданы', 'Кызылжарский район', 'Kyzylzhar District', 'с. Бишкуль'),
  district('north-kazakhstan', 'esil', 'Есіл ауданы', 'Есильский район', 'Esil District', 'с. Явленка'),
  district('north-kazakhstan', 'taiynsha', 'Тайынша ауданы', 'Тайыншинский район', 'Taiynsha District', 'г. Тайынша'),
  district('pavlodar', 'bayanaul', 'Баянауыл ауданы', 'Баянаульский район', 'Bayanaul District', 'с. Баянаул'),
  district('pavlodar', 'irtysh', 'Ертіс ауданы', 'Иртышский район', 'Irtysh District', 'с. Иртышск'),
  district('turkistan', 'sairam', 'Сайрам ауданы', 'Сайрамский район', 'Sairam District', 'с. Аксукент'),
  district('turkistan', 'tole-bi', 'Төле би ауданы', 'Толебийский район', 'Tole Bi District', 'г. Ленгер'),
  district('turkistan', 'ordabasy', 'Ордабасы ауданы', 'Ордабасинский район', 'Ordabasy District', 'с. Темирлан'),
  district('ulytau', 'zhanaarka', 'Жаңаарқа ауданы', 'Жанааркинский район', 'Zhanaarka District', 'пос. Атасу'),
  district('ulytau', 'ulytau', 'Ұлытау ауданы', 'Улытауский район', 'Ulytau District', 'с. Улытау'),
  district('west-kazakhstan', 'burlin', 'Бөрлі ауданы', 'Бурлинский район', 'Burlin District', 'г. Аксай'),
  district('west-kazakhstan', 'terekti', 'Теректі ауданы', 'Теректинский район', 'Terekti District', 'с. Федоровка'),
];

/** The upcoming demo election: other districts of five regions. */
export const PLACES_UPCOMING: Place[] = [
  district('aktobe', 'alga', 'Алға ауданы', 'Алгинский район', 'Alga District', 'г. Алга'),
  district('aktobe', 'temir', 'Темір ауданы', 'Темирский район', 'Temir District', 'пос. Шубаркудук'),
  district('aktobe', 'shalkar', 'Шалқар ауданы', 'Шалкарский район', 'Shalkar District', 'г. Шалкар'),
  district('almaty', 'karasay', 'Қарасай ауданы', 'Карасайский район', 'Karasay District', 'г. Каскелен'),
  district('almaty', 'ile', 'Іле ауданы', 'Илийский район', 'Ile District', 'пос. Отеген батыр'),
  district('turkistan', 'kazygurt', 'Қазығұрт ауданы', 'Казыгуртский район', 'Kazygurt District', 'с. Казыгурт'),
  district('turkistan', 'saryagash', 'Сарыағаш ауданы', 'Сарыагашский район', 'Saryagash District', 'г. Сарыагаш'),
  district('mangystau', 'karakiya', 'Қарақия ауданы', 'Каракиянский район', 'Karakiya District', 'с. Курык'),
  district('mangystau', 'tupkaragan', 'Түпқараған ауданы', 'Тупкараганский район', 'Tupkaragan District', 'г. Форт-Шевченко'),
  district('jetisu', 'alakol', 'Алакөл ауданы', 'Алакольский район', 'Alakol District', 'г. Ушарал'),
  district('jetisu', 'eskeldi', 'Ескелді ауданы', 'Ескельдинский район', 'Eskeldi District', 'пос. Карабулак'),
];

/** The demo election being counted: districts whose akims were elected yesterday. */
export const PLACES_COUNTING: Place[] = [
  district('aktobe', 'martuk', 'Мәртөк ауданы', 'Мартукский район', 'Martuk District', 'с. Мартук'),
  district('aktobe', 'kobda', 'Қобда ауданы', 'Хобдинский район', 'Kobda District', 'с. Кобда'),
  district('almaty', 'zhambyl', 'Жамбыл ауданы', 'Жамбылский район', 'Zhambyl District', 'с. Узынагаш'),
];

/** Counted the same night and declared official: the elected akim and the deposits wait for the commission. */
export const PLACE_COUNTED = district('kostanay', 'karabalyk', 'Қарабалық ауданы', 'Карабалыкский район', 'Karabalyk District', 'пос. Карабалык');

const VILLAGES = [
  'Акжар',
  'Акбулак',
  'Аксу',
  'Береке',
  'Бирлик',
  'Бирлестик',
  'Достык',
  'Енбек',
  'Жанаконыс',
  'Жанаталап',
  'Жанатурмыс',
  'Жанажол',
  'Кайнар',
  'Карабулак',
  'Каракемер',
  'Караой',
  'Коктерек',
  'Коктобе',
  'Кызылту',
  'Майтобе',
  'Сарыбулак',
  'Талдыбулак',
  'Тасты',
  'Ынтымак',
  'Жетиген',
  'Актогай',
  'Байтерек',
  'Кокозек',
];

const STREETS = [
  'ул. Абая',
  'ул. Абылай хана',
  'ул. Айтеке би',
  'ул. Ауэзова',
  'ул. Байтурсынова',
  'ул. Бейбитшилик',
  'ул. Достык',
  'ул. Желтоксан',
  'ул. Жамбыла',
  'ул. Женис',
  'ул. Казыбек би',
  'ул. Кунаева',
  'ул. Мангилик Ел',
  'ул. Молодёжная',
  'ул. Наурыз',
  'ул. Сатпаева',
  'ул. Тауелсиздик',
  'ул. Толе би',
  'ул. Школьная',
  'ул. Шокана Уалиханова',
];

const TOWN_SCHOOLS = ['средняя школа № {n}', 'школа-гимназия № {n}', 'школа-лицей № {n}'];
const TOWN_HALLS = ['Дом культуры', 'колледж', 'Дворец школьников', 'спортивный комплекс'];
const VILLAGE_BUILDINGS = ['средняя школа', 'основная школа', 'сельский клуб', 'Дом культуры', 'здание аппарата акима сельского округа'];

/** Each place's villages in its own order, so neighbouring districts do not list the same ones. */
/** The early elections: lists still being drawn up, nothing in force yet. */
export const PLACES_EARLY: Place[] = [
  district('almaty', 'talgar', 'Талғар ауданы', 'Талгарский район', 'Talgar District', 'г. Талгар'),
  district('karaganda', 'bukhar-zhyrau', 'Бұқар жырау ауданы', 'Бухар-Жырауский район', 'Bukhar-Zhyrau District', 'пос. Ботакара'),
];

export const villagesOf = (random: Random) => random.shuffle(VILLAGES);

/**
 * A polling station's address: a school or hall in the district centre (or the city), else in
 * one of the district's villages; `sequence` counts the place's town or village stations.
 */
export function pollingStationAddress(random: Random, place: Place, inCentre: boolean, sequence: number, villages: readonly string[]): string {
  const street = random.pick(STREETS);
  if (inCentre) {
    // Mostly numbered schools, so a town's stations are told apart; now and then a hall.
    const building = random.chance(0.8) ? random.pick(TOWN_SCHOOLS).replace('{n}', String(sequence + 1)) : random.pick(TOWN_HALLS);
    return `${place.centreRu}, ${street}, ${random.int(1, 120)}, ${building}`;
  }
  return `с. ${villages[sequence % villages.length]}, ${street}, ${random.int(1, 60)}, ${random.pick(VILLAGE_BUILDINGS)}`;
}
