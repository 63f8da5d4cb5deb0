// How a keyword is defined and what it sees: the matching rules of defineKeyword, the code
// patterns, and the normalisation of what people type. Every keyword the features declare is
// checked in libs/features/keywords.spec.ts (the conversation layer may not import features).
import { CALL_CODE, defineKeyword, MAX_KEYWORD_TEXT, NEED_CODE, normaliseKeywordText } from './keyword.js';

describe('defineKeyword', () => {
  const code = defineKeyword<{ code: string }>({
    name: 'demo',
    words: ['做', '做一下', 'do it'],
    args: `\\s*${NEED_CODE}`,
    read: (m) => ({ code: m[1]! }),
    write: (a) => a.code,
  });

  it('shows the first word and the written arguments', () => {
    expect(code.name).toBe('demo');
    expect(code.words).toEqual(['做', '做一下', 'do it']);
    expect(code.show({ code: 'N-0042' })).toBe('做 N-0042');
    expect(code.show({ code: 'N-0042' }, 'en')).toBe('do it N-0042');
    const bare = defineKeyword<Record<string, never>>({ name: 'bare', words: ['我的', 'mine'], args: '', read: () => ({}), write: () => '' });
    expect(bare.show({})).toBe('我的');
    expect(bare.parse('我的')).toEqual({});
    expect(bare.parse('MINE')).toEqual({});
    expect(bare.parse('我的 x')).toBeNull();
  });

  it('accepts every word, case-insensitively, and nothing around the whole text', () => {
    for (const w of ['做', '做一下', 'do it', 'DO IT', 'Do It']) expect(code.parse(`${w} N-0042`)).toEqual({ code: 'N-0042' });
    expect(code.parse('做N-0042')).toEqual({ code: 'N-0042' });
    for (const t of ['请做 N-0042', '做 N-0042 吧', ' 做 N-0042', '做 N-0042\n', 'doit N-0042', '做']) expect({ t, r: code.parse(t) }).toEqual({ t, r: null });
  });

  it('tries the longest word first, so a longer word is never read as a shorter one plus arguments', () => {
    const rest = defineKeyword<{ rest: string }>({ name: 'rest', words: ['go', 'gone'], args: '(.*)', read: (m) => ({ rest: m[1]! }), write: (a) => a.rest });
    expect(rest.parse('gone')).toEqual({ rest: '' });
    expect(rest.parse('gone x')).toEqual({ rest: ' x' });
    expect(rest.parse('go x')).toEqual({ rest: ' x' });
  });

  it('treats the words literally, not as regular expressions', () => {
    const dotted = defineKeyword<Record<string, never>>({ name: 'dot', words: ['a.b', '(x)'], args: '', read: () => ({}), write: () => '' });
    expect(dotted.parse('a.b')).toEqual({});
    expect(dotted.parse('(x)')).toEqual({});
    expect(dotted.parse('axb')).toBeNull();
    expect(dotted.parse('x')).toBeNull();
  });

  it('refuses a text whose arguments read as null', () => {
    const even = defineKeyword<{ n: number }>({
      name: 'even',
      words: ['n'],
      args: '\\s+(\\d+)',
      read: (m) => (Number(m[1]) % 2 === 0 ? { n: Number(m[1]) } : null),
      write: (a) => String(a.n),
    });
    expect(even.parse('n 4')).toEqual({ n: 4 });
    expect(even.parse('n 3')).toBeNull();
  });
});

describe('code patterns', () => {
  const need = new RegExp(`^${NEED_CODE}$`, 'i');
  const call = new RegExp(`^${CALL_CODE}$`, 'i');

  it('reads need codes, full or short, with or without dashes', () => {
    for (const c of [
      'N-20261123-0042',
      'N20261123-0042',
      'N-202611230042',
      'N-20261123-1',
      'N-20261123-123456',
      'N-0042',
      'N0042',
      'N-1',
      'N-123456',
      'n-0042',
    ]) {
      expect({ c, m: need.exec(c)?.[1] }).toEqual({ c, m: c });
    }
    for (const c of ['N-', 'N', 'N-20261123', 'N-1234567', 'N-20261123-1234567', 'M-0042', 'N--0042', 'N-0042-', 'N 0042', 'Ｎ-0042']) {
      expect({ c, m: need.exec(c) }).toEqual({ c, m: null });
    }
  });

  it('reads call codes, always with their date', () => {
    for (const c of ['M-20261123-001', 'M20261123001', 'M-20261123-1', 'M-20261123-1234', 'm20261123-1'])
      expect({ c, m: call.exec(c)?.[1] }).toEqual({ c, m: c });
    for (const c of ['M-001', 'M-20261123', 'M-20261123-12345', 'N-20261123-001', 'M-2026112-001']) expect({ c, m: call.exec(c) }).toEqual({ c, m: null });
  });
});

describe('normaliseKeywordText', () => {
  it('folds full-width characters and spaces (NFKC)', () => {
    expect(normaliseKeywordText('接单　Ｎ－００４２')).toBe('接单 N-0042');
    expect(normaliseKeywordText('签到　１２３４５６')).toBe('签到 123456');
    expect(normaliseKeywordText('ｔａｋｅ Ｎ００４２')).toBe('take N0042');
  });

  it('drops one leading @mention, and only a leading one', () => {
    expect(normaliseKeywordText('@百应 接单 N-0042')).toBe('接单 N-0042');
    expect(normaliseKeywordText('＠百应　接单 N-0042')).toBe('接单 N-0042');
    expect(normaliseKeywordText('@baiying_bot\n完成 N-0042')).toBe('完成 N-0042');
    expect(normaliseKeywordText('@a @b 接单')).toBe('@b 接单');
    expect(normaliseKeywordText('接单 @百应')).toBe('接单 @百应');
    expect(normaliseKeywordText('@百应')).toBe('@百应');
  });

  it('trims, and gives up on texts over 300 characters', () => {
    expect(MAX_KEYWORD_TEXT).toBe(300);
    expect(normaliseKeywordText('  签退 \n')).toBe('签退');
    expect(normaliseKeywordText('')).toBe('');
    expect(normaliseKeywordText('x'.repeat(300))).toBe('x'.repeat(300));
    expect(normaliseKeywordText(`  ${'x'.repeat(300)}  `)).toBe('x'.repeat(300));
    expect(normaliseKeywordText(`@百应 ${'x'.repeat(300)}`)).toBe('x'.repeat(300));
    expect(normaliseKeywordText('x'.repeat(301))).toBeNull();
    expect(normaliseKeywordText(`完成 N-0042 ${'很'.repeat(300)}`)).toBeNull();
  });
});
