import { CATALOGUE, NAMESPACES } from './catalogue.js';
import { label, t } from './translate.js';
import { ERROR_CODES } from '@baiying/domain';

describe('i18n catalogue', () => {
  it('has Chinese and English for every key, with the same placeholders in use', () => {
    for (const [key, v] of Object.entries(CATALOGUE)) {
      expect(v.zh.trim()).not.toBe('');
      expect(v.en.trim()).not.toBe('');
      const en = new Set([...v.en.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
      const zh = new Set([...v.zh.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/En$/, '')));
      // English may use *En variants of Chinese placeholders; it never invents new facts.
      for (const p of en) expect({ key, p, known: zh.has(p!.replace(/En$/, '')) || p === 'n' }).toEqual({ key, p, known: true });
    }
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
    // Codes that never reach a person directly may be absent; list them explicitly.
    expect(missing.sort()).toEqual([]);
  });

  it('renders Chinese first, English second', () => {
    expect(t('intake.saved', { code: 'N-20261123-0001' })).toBe(
      '已提交，编号 N-20261123-0001。我们会尽快安排志愿者，有进展会通知您。\nSubmitted as N-20261123-0001. We will find a volunteer and keep you posted.',
    );
    expect(label('btn.take')).toBe("我来接单 / I'll take it");
  });
});
