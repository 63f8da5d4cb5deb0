import { maskSpans, parseNumber, toHalfWidth } from './text.util.js';

describe('toHalfWidth', () => {
  it('maps full-width digits, letters, punctuation and the ideographic space one to one', () => {
    expect(toHalfWidth('１３９　ＡＢ！：（）')).toBe('139 AB!:()');
    expect(toHalfWidth('不变的中文。')).toBe('不变的中文。');
    expect(toHalfWidth('１２３').length).toBe(3);
  });
});

describe('parseNumber', () => {
  it.each([
    ['12', 12],
    ['十', 10],
    ['十二', 12],
    ['二十三', 23],
    ['两', 2],
    ['一百零五', 105],
    ['一三〇二', 1302],
  ])('%s → %d', (raw, value) => {
    expect(parseNumber(raw)).toBe(value);
  });

  it('rejects what is not a number', () => {
    expect(parseNumber('三点')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });
});

describe('maskSpans', () => {
  it('blanks the spans and keeps the length', () => {
    expect(maskSpans('电话13812345678谢谢', [{ start: 2, end: 13 }])).toBe('电话           谢谢');
  });
});
