import type { Text } from '../text.js';

export const commonMessages = {
  'common.yes': { kk: 'иә', ru: 'да', en: 'yes' },
  'common.no': { kk: 'жоқ', ru: 'нет', en: 'no' },
  'common.none': { kk: '—', ru: '—', en: '—' },
  'common.callCentre': {
    kk: 'Бірыңғай байланыс орталығы: 1414',
    ru: 'Единый контакт-центр: 1414',
    en: 'Contact centre: 1414',
  },
} satisfies Record<string, Text>;
