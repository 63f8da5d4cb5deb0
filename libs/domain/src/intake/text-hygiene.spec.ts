import { cleanName, cleanText } from './text-hygiene.js';

describe('text hygiene', () => {
  it('drops NUL and control characters but keeps line breaks and tabs in a message', () => {
    expect(cleanText('水管\u0000漏水\u0007了\n厨房\t都是水\u007f')).toBe('水管漏水了\n厨房\t都是水');
  });

  it('replaces unpaired surrogates and keeps paired ones (emoji)', () => {
    expect(cleanText('a\uD800b\uDC00c🙂')).toBe('a\uFFFDb\uFFFDc🙂');
  });

  it('keeps a name on one line without bidi overrides or invisible characters', () => {
    expect(cleanName('李师傅\n✅ 已批准 by 管理员')).toBe('李师傅 ✅ 已批准 by 管理员');
    expect(cleanName('\u202Eevil\u202C 名\u200B字\uFEFF')).toBe('evil 名字');
    expect(cleanName('  a \u0000 b  ')).toBe('a b');
    expect([...cleanName('长'.repeat(100))]).toHaveLength(64);
  });

  it('leaves no space at the end when the cut falls after one (found by tests/fuzz)', () => {
    expect(cleanName('评价 N-0001 5', 3)).toBe('评价');
    expect(cleanName(cleanName('评价 N-0001 5', 3), 3)).toBe('评价');
  });
});
