import { describe, expect, it } from 'vitest';
import { maskIin, maskName, maskPhone } from '../../src/app/masking.js';

describe('what the call-centre sees of an applicant', () => {
  it('an IIN shows only its last four digits', () => {
    expect(maskIin('850305400010')).toBe('••••••••0010');
    expect(maskIin(' 850305400010 ')).toBe('••••••••0010');
    expect(maskIin('123')).toBe('•••');
  });

  it('a name shows its initials only, Kazakh letters included', () => {
    expect(maskName('Сейітова Дана Асқарқызы')).toBe('С. Д. А.');
    expect(maskName('Әлиев Мұрат Бақытжанұлы')).toBe('Ә. М. Б.');
    expect(maskName('  өмірзақов   ұлан ')).toBe('Ө. Ұ.');
    expect(maskName('Ким')).toBe('К.');
    expect(maskName('')).toBe('');
  });

  it('a phone shows only its last two digits, in its own layout', () => {
    expect(maskPhone('+7 701 234 56 78')).toBe('+• ••• ••• •• 78');
    expect(maskPhone('87012345678')).toBe('•••••••••78');
    expect(maskPhone('8 (705) 111-22-33')).toBe('• (•••) •••-••-33');
  });
});
