// WeChat has no buttons: how a message's buttons become lines to reply with (numbers in a
// private chat, keywords in a group), which payload a numbered reply stands for, and what
// counts as a numbered reply.
import type { OutMessage } from '@baiying/domain';
import { numberedChoices, parseChoiceNumber, parseChoiceNumbers, renderWechat } from './wechat-render.js';

/** A job's private details: keywords on every button. */
const details: OutMessage = {
  text: '您已接单 N-20261123-0042',
  buttons: [
    [
      { label: '我出发了', data: 'go.a', keyword: '出发 N-20261123-0042' },
      { label: '已完成', data: 'dn.a', keyword: '完成 N-20261123-0042 2小时' },
    ],
    [{ label: '放弃', data: 'rl.a', keyword: '放弃 N-20261123-0042 原因' }],
  ],
};
/** A form's step: no keywords. */
const form: OutMessage = { text: '请选择类别', buttons: [[{ label: '为老服务', data: 'f.ab12.c:elderly' }], [{ label: '跳过', data: 'f.ab12.skip' }]] };
/** Both kinds in one message, keyword-less first. */
const mixed: OutMessage = {
  text: '召集：防汛',
  buttons: [
    [{ label: '名单', data: 'x.1' }],
    [
      { label: '参加', data: 'ca.y', keyword: '参加 M-20261123-001' },
      { label: '跳过', data: 'x.2' },
    ],
  ],
};

describe('renderWechat', () => {
  it('numbers every button in a private chat, with its keyword where it has one', () => {
    expect(renderWechat(details)).toBe(
      [
        '您已接单 N-20261123-0042',
        '👉 回复 1 或「出发 N-20261123-0042」：我出发了',
        '👉 回复 2 或「完成 N-20261123-0042 2小时」：已完成',
        '👉 回复 3 或「放弃 N-20261123-0042 原因」：放弃',
      ].join('\n'),
    );
    expect(renderWechat(form, true)).toBe('请选择类别\n👉 回复 1：为老服务\n👉 回复 2：跳过');
    expect(renderWechat(mixed)).toBe('召集：防汛\n👉 回复 1：名单\n👉 回复 2 或「参加 M-20261123-001」：参加\n👉 回复 3：跳过');
  });

  it('shows only the keyword in a group, where numbers would be ambiguous between members', () => {
    expect(renderWechat(details, false)).toBe(
      [
        '您已接单 N-20261123-0042',
        '👉 回复「出发 N-20261123-0042」：我出发了',
        '👉 回复「完成 N-20261123-0042 2小时」：已完成',
        '👉 回复「放弃 N-20261123-0042 原因」：放弃',
      ].join('\n'),
    );
    // Keyword-less buttons are still numbered in a group, counting only themselves.
    expect(renderWechat(mixed, false)).toBe('召集：防汛\n👉 回复 1：名单\n👉 回复「参加 M-20261123-001」：参加\n👉 回复 2：跳过');
  });

  it('writes its reply lines in the language the message was written in, never both', () => {
    const english: OutMessage = {
      text: 'You took N-20261123-0042',
      locale: 'en',
      buttons: [[{ label: 'On my way', data: 'go.a', keyword: 'on my way N-20261123-0042' }], [{ label: 'Skip', data: 'x.2' }]],
    };
    expect(renderWechat(english)).toBe('You took N-20261123-0042\n👉 Reply 1 or "on my way N-20261123-0042": On my way\n👉 Reply 2: Skip');
    expect(renderWechat(english, false)).toBe('You took N-20261123-0042\n👉 Reply "on my way N-20261123-0042": On my way\n👉 Reply 1: Skip');
    expect(renderWechat({ ...details, locale: 'zh' })).toBe(renderWechat(details));
  });

  it('leaves a message without buttons as its text', () => {
    expect(renderWechat({ text: '收到' })).toBe('收到');
    expect(renderWechat({ text: '收到', buttons: [] }, false)).toBe('收到');
    expect(renderWechat({ text: '收到', buttons: [[]] })).toBe('收到');
  });
});

describe('numberedChoices', () => {
  it('lists the payloads in the order the numbers were shown', () => {
    expect(numberedChoices(details)).toEqual(['go.a', 'dn.a', 'rl.a']);
    expect(numberedChoices(form)).toEqual(['f.ab12.c:elderly', 'f.ab12.skip']);
    expect(numberedChoices(mixed)).toEqual(['x.1', 'ca.y', 'x.2']);
    expect(numberedChoices({ text: '收到' })).toEqual([]);
  });

  it('leaves out the buttons a group sees as keywords', () => {
    expect(numberedChoices(details, false)).toEqual([]);
    expect(numberedChoices(mixed, false)).toEqual(['x.1', 'x.2']);
    expect(numberedChoices(form, false)).toEqual(['f.ab12.c:elderly', 'f.ab12.skip']);
  });

  it('matches the numbers renderWechat shows', () => {
    for (const [msg, inPrivate] of [
      [mixed, true],
      [mixed, false],
      [details, true],
      [form, false],
    ] as const) {
      const text = renderWechat(msg, inPrivate);
      numberedChoices(msg, inPrivate).forEach((data, i) => {
        const button = msg.buttons!.flat().find((b) => b.data === data)!;
        expect(text).toMatch(new RegExp(`👉 回复 ${i + 1}(?: 或「[^」]+」)?：${button.label}$`, 'm'));
      });
    }
  });
});

describe('parseChoiceNumber', () => {
  it('reads one or two digits, full-width too, with spaces around', () => {
    const cases: Array<[string, number]> = [
      ['1', 1],
      ['１', 1],
      [' 2 ', 2],
      ['12', 12],
      ['１２', 12],
      ['\u30003\u3000', 3],
      ['\n4\n', 4],
      ['07', 7],
      ['0', 0],
      // NFKC folds circled digits too.
      ['①', 1],
    ];
    for (const [text, n] of cases) expect({ text, n: parseChoiceNumber(text) }).toEqual({ text, n });
  });

  it('refuses anything else', () => {
    for (const text of ['', ' ', '1a', 'a1', '123', '1 2', '1.', '-1', '+1', '一', '1️⃣', '回复 1', '1，']) {
      expect({ text, n: parseChoiceNumber(text) }).toEqual({ text, n: null });
    }
  });
});

describe('parseChoiceNumbers', () => {
  it('reads several numbers answered at once, however they are separated', () => {
    expect(parseChoiceNumbers('1 3 5')).toEqual([1, 3, 5]);
    expect(parseChoiceNumbers('1,3，5')).toEqual([1, 3, 5]);
    expect(parseChoiceNumbers('１、３')).toEqual([1, 3]);
    expect(parseChoiceNumbers(' 2;4 ')).toEqual([2, 4]);
    expect(parseChoiceNumbers('3 3 1')).toEqual([3, 1]);
  });

  it('is not an answer for one number, words, a phone number or more numbers than a menu has', () => {
    for (const text of [
      '1',
      '3 3',
      '1 and 3',
      '我要 1 3',
      '13912345678',
      '139 1234 5678',
      '1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31',
      '',
      '1,,3',
    ])
      expect({ text, n: parseChoiceNumbers(text) }).toEqual({ text, n: null });
  });
});
