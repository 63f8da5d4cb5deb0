// Messages written word by word, a space between Chinese words or characters (low literacy, some
// input methods): read as said, with signals pointing into the resident's own text; the reading
// with the gaps closed can only add a danger, never hide one read as written.
import { assessDanger } from './danger.detector.js';
import { closeCjkGaps } from './danger.word-by-word.js';
import { expectFound, expectNone } from './danger.spec-support.js';

describe('danger check, messages written word by word', () => {
  it('closes the gaps between two Chinese characters of text written word by word, keeping each kept character’s offset', () => {
    expect(closeCjkGaps('没有空格的句子')).toBeNull();
    // Spaces between longer runs are clause breaks of unpunctuated text, read as they are.
    expect(closeCjkGaps('锅里烧焦了 没事 开窗通风了')).toBeNull();
    expect(closeCjkGaps('help me 我 摔 了 快 来')).toEqual({ text: 'help me 我摔了快来', at: [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16] });
    expect(closeCjkGaps('老人\u3000摔了  地上 不动')).toEqual({ text: '老人摔了地上不动', at: [0, 1, 3, 4, 7, 8, 10, 11] });
  });

  it('reads a fall, self-harm, a missing child and violence written word by word', () => {
    expectFound('老人 摔 了 躺在 地上 不动', 'fall');
    expectFound('我 真的 不 想 活 了', 'self_harm');
    expectFound('孩子 丢 了 到处 找 不 到', 'missing');
    expectFound('有人 拿 刀 砍 我', 'violence');
  });

  it('points the signals into the text as written', () => {
    const text = '我 真的 不 想 活 了';
    const a = assessDanger(text);
    expect(a.signals.length).toBeGreaterThan(0);
    for (const s of a.signals) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('leaves ordinary needs written word by word alone', () => {
    expectNone('我 想 吃 火锅 哪里 有 好 的');
    expectNone('帮 我 修 一下 水龙头 谢谢');
  });
});
