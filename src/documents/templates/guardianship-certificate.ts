import { fill, type Text } from '../../core/i18n/text.js';
import { guardianshipCertificate as labels, monthNames } from '../labels.js';
import { fillText, type Template } from '../layout.js';
import type { GuardianshipCertificate } from '../model.js';

type Language = 'kk' | 'ru';

/**
 * SPEC §5.7: the S3-C A3 template word for word, its blanks filled: full dates instead of the
 * form's «200___» and «19___», one of each pair the form offers in brackets (азамат/азаматша,
 * қала/аудан, қорғаншы/қамқоршы, the property status). Names stay in the nominative, as typed
 * into a blank: declining a name by machine goes wrong too often. The Russian text is our faithful
 * rendering of the same sentences.
 */
export const guardianshipCertificate: Template<GuardianshipCertificate> = {
  title: (model) => fillText(labels.title, { no: model.certificateNo }),
  // «Аудандық білім бөлімнің бастығы ____ Т.А.Ә.» closes the form.
  signatory: (model) => model.head,
  body(sheet, model) {
    sheet.title(this.title(model));
    sheet.caption(model.service);
    sheet.paragraph(byLanguage((l) => appointment(model, l)), { indent: 24 });
    sheet.paragraph(byLanguage((l) => fill(labels.duties[l], { role: labels.roleCharged[model.role][l] })), { indent: 24 });
  },
};

function byLanguage(make: (l: Language) => string): Text {
  return { kk: make('kk'), ru: make('ru') };
}

function appointment(model: GuardianshipCertificate, l: Language): string {
  const gender = model.guardian.gender ?? 'unknown';
  return fill(labels.appointment[l], {
    address: address(model.address, l),
    citizen: labels.citizen[gender][l],
    guardian: model.guardian.fullName,
    residing: labels.residing[gender],
    pronoun: labels.pronoun[gender],
    appointed: labels.appointed[gender],
    akim: labels.akim[model.decision.akimLevel][l],
    decisionDate: longDate(model.decision.date, l),
    decisionNumber: model.decision.number,
    birthDate: longDate(model.ward.birthDate, l),
    ward: model.ward.fullName,
    property: labels.property[model.propertyStatus][l],
    role: labels.role[model.role][l],
  });
}

// The form prints «____ қаласы» and «____ көшесі»; a clerk who typed the kind of place already
// («Тимирязев ауылы», «Абай даңғылы», «с. Тимирязево»), in either language, gets it printed as typed.
const PLACE_KIND = {
  kk: /(қаласы|ауылы|кенті|селосы|ауданы|поселкесі)$/iu,
  ru: /^(г\.|с\.|п\.|пос\.|аул|город|село|посёлок|поселок)\s/iu,
};
const STREET_KIND = {
  kk: /(көшесі|даңғылы|шағын ауданы|ықшам ауданы|тұйық көшесі|бульвары|алаңы|тас жолы)$/iu,
  ru: /^(ул\.|улица|пр\.|пр-т|просп|мкр|микрорайон|пер\.|переулок|бульв|б-р|пл\.|площадь|шоссе)/iu,
};

/** Whether the typed value names its kind of place, in either language. */
function hasKind(kinds: Readonly<Record<Language, RegExp>>, value: string): boolean {
  return kinds.kk.test(value.trim()) || kinds.ru.test(value.trim());
}

function address(place: GuardianshipCertificate['address'], l: Language): string {
  const city = hasKind(PLACE_KIND, place.city) ? place.city : fill(labels.city[l], { name: place.city });
  const street = hasKind(STREET_KIND, place.street) ? place.street : fill(labels.street[l], { name: place.street });
  const template = place.flat ? labels.addressWithFlat[l] : labels.addressHouse[l];
  return fill(template, { city, street, house: place.house, flat: place.flat ?? '' });
}

/** «15» наурыз 2024 as the form has it: year, day in quotes, month by name. */
function longDate(iso: string, l: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? monthNames[l][Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  return fill(labels.date[l], { year: m[1]!, day: m[3]!, month });
}
