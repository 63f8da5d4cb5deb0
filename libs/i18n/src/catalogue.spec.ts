import { CATALOGUE, NAMESPACES } from './catalogue.js';
import { asLocale, currentLocale, inLocale, label, localName, t } from './translate.js';
import { ERROR_CODES } from '@baiying/domain';

/** CJK ideographs and the full-width punctuation that comes with them. */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]/g;
/**
 * Names each language keeps in its own script on purpose: the language buttons name each
 * language in itself (a reader finds their own). Every keyword has an English word (签到 =
 * "check in"), so an English reader is never told to type Chinese.
 */
const DELIBERATE_CHINESE: readonly string[] = ['中文'];
const DELIBERATE_LATIN: readonly string[] = ['English'];

/** What a template says in its own words: placeholders, commands, codes and formats removed. */
function ownWords(text: string): string {
  return text
    .replace(/\{\w+\}/g, ' ')
    .replace(/\/[a-z]+/g, ' ')
    .replace(/\b[NM]-[\d…-]+/g, ' ')
    .replace(/YYYY-MM-DD/g, ' ');
}

describe('i18n catalogue', () => {
  const entries = Object.entries(CATALOGUE) as Array<[string, { zh: string; en: string }]>;

  it('has Chinese and English for every key, neither empty', () => {
    const missing = entries.filter(([, v]) => typeof v.zh !== 'string' || typeof v.en !== 'string' || !v.zh.trim() || !v.en.trim()).map(([k]) => k);
    expect(missing).toEqual([]);
  });

  it('uses in English only placeholders the Chinese has (or their *En name variants)', () => {
    const invented: string[] = [];
    for (const [key, v] of entries) {
      const zh = new Set([...v.zh.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));
      for (const m of v.en.matchAll(/\{(\w+)\}/g)) {
        const p = m[1]!;
        if (!zh.has(p) && !zh.has(p.replace(/En$/, '')) && p !== 'n') invented.push(`${key}: {${p}}`);
      }
    }
    expect(invented).toEqual([]);
  });

  it('says in English every fact the Chinese says (no partial English)', () => {
    const partial: string[] = [];
    for (const [key, v] of entries) {
      const en = new Set([...v.en.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/En$/, '')));
      for (const m of v.zh.matchAll(/\{(\w+)\}/g)) if (!en.has(m[1]!)) partial.push(`${key}: {${m[1]}}`);
    }
    expect(partial).toEqual([]);
  });

  it('has no Chinese in English text (names from data come in as placeholders)', () => {
    const mixed = entries
      .filter(([, v]) => {
        let own = ownWords(v.en);
        for (const w of DELIBERATE_CHINESE) own = own.split(w).join(' ');
        return (own.match(CJK) ?? []).length > 0;
      })
      .map(([k, v]) => `${k}: ${v.en}`);
    expect(mixed).toEqual([]);
  });

  it('has Chinese text that is Chinese, not mostly Latin words', () => {
    const latin = entries
      .filter(([, v]) => {
        let own = ownWords(v.zh);
        for (const w of DELIBERATE_LATIN) own = own.split(w).join(' ');
        const letters = (own.match(/[A-Za-z]/g) ?? []).length;
        const cjk = (own.match(/[\u3400-\u4dbf\u4e00-\u9fff]/g) ?? []).length;
        return letters > cjk || (cjk === 0 && letters > 0);
      })
      .map(([k, v]) => `${k}: ${v.zh}`);
    expect(latin).toEqual([]);
  });

  it('fails a mixed or missing string (the checks above bite)', () => {
    expect((ownWords('Repairs, 幸福社区').match(CJK) ?? []).length).toBeGreaterThan(0);
    expect(ownWords('{area}: {code} N-20261123-0001 via /call')).not.toMatch(CJK);
  });

  it('keeps each key in exactly one namespace', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [ns, messages] of Object.entries(NAMESPACES)) {
      for (const key of Object.keys(messages)) {
        if (seen.has(key)) twice.push(`${key} in ${seen.get(key)} and ${ns}`);
        seen.set(key, ns);
      }
    }
    expect(twice).toEqual([]);
    expect(seen.size).toBe(Object.keys(CATALOGUE).length);
  });

  it('covers every domain error code', () => {
    const missing = ERROR_CODES.filter((c) => !(c in CATALOGUE));
    expect(missing.sort()).toEqual([]);
  });

  it('renders one language: the one asked for, else the ambient one, else Chinese', () => {
    const code = { code: 'N-20261123-0001' };
    expect(t('intake.saved', code)).toBe('已提交，编号 N-20261123-0001。我们会尽快安排志愿者，有进展会通知您。');
    expect(t('intake.saved', code, 'en')).toBe('Submitted as N-20261123-0001. We will find a volunteer and keep you posted.');
    expect(inLocale('en', () => [label('btn.take'), currentLocale()])).toEqual(["I'll take it", 'en']);
    expect(inLocale('en', () => label('btn.take', {}, 'zh'))).toBe('我来接单');
    expect(label('btn.take')).toBe('我来接单');
  });

  it('shows names from data in English when they have one, else as they are', () => {
    expect(t('intake.propose', { category: '维修', categoryEn: 'Repairs' }, 'en')).toBe('I understand you need: Repairs. Is that right?');
    expect(t('intake.propose', { category: '维修' }, 'en')).toBe('I understand you need: 维修. Is that right?');
    expect(localName({ zh: '幸福社区', en: 'Xingfu Community' }, 'en')).toBe('Xingfu Community');
    expect(localName({ zh: '幸福社区', en: null }, 'en')).toBe('幸福社区');
    expect(localName({ zh: '幸福社区', en: 'Xingfu Community' }, 'zh')).toBe('幸福社区');
    expect([asLocale('en-GB'), asLocale('EN'), asLocale('zh-hans'), asLocale(null), asLocale('ru')]).toEqual(['en', 'en', 'zh', 'zh', 'zh']);
  });
});
