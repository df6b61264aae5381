import { withCheckDigit } from '../../src/core/identity/iin.js';

/** A seeded generator, so a reload with the same count produces the same applicants and states. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
export const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

// Invented names in the shapes people have in the demo regions; any match with a real person is a coincidence.
const LAST = ['Нұрлан', 'Сейіт', 'Жұмабай', 'Әбдірахман', 'Оспан', 'Ахмет', 'Тәжібай', 'Смағұл', 'Жақып', 'Серікбай', 'Қасым', 'Байжан', 'Омар', 'Есім', 'Төлеген', 'Мұхамеджан', 'Ибраим', 'Садық', 'Құдайберген', 'Әлімжан'];
const MALE = ['Ерлан', 'Марат', 'Нұрлан', 'Ержан', 'Асқар', 'Қанат', 'Бауыржан', 'Дәулет', 'Серік', 'Талғат', 'Айдос', 'Нұрсұлтан', 'Ермек', 'Болат', 'Арман'];
const FEMALE = ['Айгүл', 'Динара', 'Гүлнар', 'Сәуле', 'Жанар', 'Алина', 'Айжан', 'Мадина', 'Әсел', 'Жұлдыз', 'Ақмарал', 'Гүлмира', 'Салтанат', 'Дана', 'Аружан'];
const FATHERS = ['Серік', 'Қайрат', 'Марат', 'Ербол', 'Асқар', 'Бек', 'Ерлан', 'Болат', 'Қанат', 'Нұрлан', 'Сапар', 'Жандос'];
const PLACES = [
  { city: 'Қызылорда қ.', streets: ['Әйтеке би к-сі', 'Абай даңғ.', 'Желтоқсан к-сі', 'Қорқыт ата к-сі'], postcode: '1200' },
  { city: 'Астана қ.', streets: ['Мәңгілік Ел даңғ.', 'Кенесары к-сі', 'Сарыарқа даңғ.', 'Бейбітшілік к-сі'], postcode: '0100' },
  { city: 'Екібастұз қ.', streets: ['Машһүр Жүсіп к-сі', 'Сәтпаев к-сі', 'Ленин к-сі', 'Торайғыров к-сі'], postcode: '1412' },
  { city: 'Тимирязев ауылы', streets: ['Абай к-сі', 'Жамбыл к-сі', 'Шоқан Уәлиханов к-сі'], postcode: '1509' },
];

export interface Person {
  readonly iin: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly patronymic: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  /** As the questionnaire stores it once normalised: +7 and ten digits. */
  readonly phone: string;
  readonly postalAddress: string;
  readonly postcode: string;
}

/**
 * A well-formed applicant: the IIN encodes the birth date and sex (century digit 3/4 for the 1900s,
 * 5/6 for the 2000s) and carries a valid check digit, as parseIin demands.
 */
export function aPerson(random: Random): Person {
  const female = random() < 0.55;
  const year = between(random, 1940, 2006);
  const month = between(random, 1, 12);
  const day = between(random, 1, 28);
  const century = (year < 2000 ? 3 : 5) + (female ? 1 : 0);
  const yymmdd = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  let iin: string | null = null;
  while (!iin) iin = withCheckDigit(`${yymmdd}${century}${String(between(random, 0, 9999)).padStart(4, '0')}`);
  const root = pick(random, LAST);
  const father = pick(random, FATHERS);
  const place = pick(random, PLACES);
  return {
    iin,
    lastName: female ? `${root}ова` : `${root}ов`,
    firstName: pick(random, female ? FEMALE : MALE),
    patronymic: `${father}${female ? 'қызы' : 'ұлы'}`,
    birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    phone: `+77${pick(random, ['01', '02', '05', '07', '08', '47', '75', '77'])}${String(between(random, 0, 9_999_999)).padStart(7, '0')}`,
    postalAddress: `${place.city}, ${pick(random, place.streets)}, ${between(random, 1, 120)}-үй, ${between(random, 1, 90)}-пәтер`,
    postcode: `${place.postcode}${String(between(random, 0, 99)).padStart(2, '0')}`,
  };
}
