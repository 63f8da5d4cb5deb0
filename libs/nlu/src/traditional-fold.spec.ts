import * as OpenCC from 'opencc-js';
import { buildTraditionalPairs, foldTraditional, renderTraditionalFoldModule } from './traditional-fold.js';
import { TRADITIONAL_PAIRS } from './traditional-fold.generated.js';

describe('foldTraditional', () => {
  it('reads traditional characters as simplified ones, one for one', () => {
    for (const [traditional, simplified] of [
      ['電線走火 冒煙了', '电线走火 冒烟了'],
      ['牆裂開了 還在掉磚', '墙裂开了 还在掉砖'],
      ['廚房著火了 快來人', '厨房着火了 快来人'],
      ['我們家孩子不見了，請幫忙找', '我们家孩子不见了，请帮忙找'],
    ] as const) {
      const folded = foldTraditional(traditional);
      expect(folded).toBe(simplified);
      expect(folded).toHaveLength(traditional.length);
    }
  });

  it('leaves simplified writing, Latin text and characters outside the basic plane as they are', () => {
    for (const text of ['什么时候能来修一下', '干什么都没意思', 'my dad fell, 快来人', '𠮶个东西 👍', '']) expect(foldTraditional(text)).toBe(text);
  });

  it('is generated from OpenCC (run `npm run nlu:traditional` after upgrading opencc-js)', () => {
    const hk = OpenCC.Converter({ from: 'hk', to: 'cn' });
    const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const pairs = buildTraditionalPairs((ch) => {
      const viaHk = hk(ch);
      return viaHk !== ch ? viaHk : tw(ch);
    });
    expect(pairs).toBe(TRADITIONAL_PAIRS);
    expect(TRADITIONAL_PAIRS.length / 2).toBeGreaterThan(3000);
  });
});

describe('renderTraditionalFoldModule', () => {
  it('writes the pairs as one string constant', () => {
    const source = renderTraditionalFoldModule('電电開开', 'test');
    expect(source).toContain('from test');
    expect(source).toContain('export const TRADITIONAL_PAIRS =\n  "電电開开";\n');
  });
});
