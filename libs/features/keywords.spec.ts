// Every keyword the features declare: what a message tells people to type (`show`) is what the
// desk accepts (`parse`), under each of its words, typed full-width or after an @mention; near
// misses are refused, and no keyword's text is read by another one.
import type { KeywordDef } from '@baiying/conversation';
import { MAX_KEYWORD_TEXT, normaliseKeywordText } from '@baiying/conversation';
import * as features from './index.js';
import {
  ADMIN_KEYWORDS,
  bindKeyword,
  cancelNeedKeyword,
  checkInKeyword,
  checkOutKeyword,
  consoleLoginKeyword,
  declineKeyword,
  finishKeyword,
  joinKeyword,
  languageKeyword,
  linkKeyword,
  myNeedsKeyword,
  rateKeyword,
  releaseKeyword,
  scoreKeyword,
  setOffKeyword,
  takeKeyword,
} from './index.js';

interface Case {
  def: KeywordDef<object>;
  /** Arguments as the desk writes them (trimmed, canonical): each must read back as is. */
  args: object[];
  /** Texts that look like the keyword but are not it. */
  misses: string[];
}

const def = <A extends object>(k: KeywordDef<A>) => k as unknown as KeywordDef<object>;
const FULL = 'N-20261123-0042';
const CALL = 'M-20261123-001';
const callCodes = [CALL, 'M20261123001', 'm-20261123-7', 'M-20261123-1234'].map((callCode) => ({ callCode }));
const callMisses = (w: string) => [w, `${w} N-0042`, `${w} M-0042`, `${w} M-20261123-12345`, `${w} ${CALL} 好`, `${w} ${CALL}x`, `我想${w} ${CALL}`];

const CASES: Case[] = [
  {
    def: def(takeKeyword),
    args: [FULL, 'N-0042', 'N0042', 'N-20261123-1', 'N-123456', 'n-0042'].map((code) => ({ code })),
    misses: ['接单', '接单 N-', '接单 X-0042', '接单 N-1234567', '接单 N-20261123', '接单 N-0042 x', '接单 N-0042x', '我想接单 N-0042', '接单 M-20261123-001'],
  },
  {
    def: def(setOffKeyword),
    args: [FULL, 'N-0042'].map((code) => ({ code })),
    misses: ['出发', '出发了', '出发 N-0042 了', '出发 X-0042', '已出发 N-0042'],
  },
  {
    def: def(finishKeyword),
    args: [
      { code: FULL, hours: null },
      { code: 'N-0042', hours: '2小时' },
      { code: 'N-0042', hours: '1.5' },
      { code: 'N0042', hours: '半小时' },
      { code: 'N-0042', hours: '90 分钟' },
      { code: 'N-0042', hours: '一'.repeat(20) },
    ],
    misses: ['完成', '完成 2小时', '完成 N-0042x', `完成 N-0042 ${'一'.repeat(21)}`, '完成 N-0042 2\n小时', '我完成 N-0042'],
  },
  {
    def: def(releaseKeyword),
    args: [
      { code: FULL, reason: null },
      { code: 'N-0042', reason: '临时有事' },
      { code: 'N-0042', reason: '家里有事\n明天再说' },
      { code: 'N-0042', reason: '事'.repeat(200) },
    ],
    misses: ['放弃', '放弃 临时有事', '放弃 N-0042x', `放弃 N-0042 ${'事'.repeat(201)}`],
  },
  {
    def: def(scoreKeyword),
    args: [{ code: FULL }, { code: 'N-0042' }],
    misses: ['点评', '点评 很好', '点评 N-0042x', '点评 N-0042 5', '我要点评 N-0042'],
  },
  {
    def: def(rateKeyword),
    args: [
      { code: FULL, score: 5, comment: null },
      { code: 'N-0042', score: 1, comment: '很好' },
      { code: 'N-0042', score: 3, comment: '准时\n态度好' },
      // The longest that still fits in what the engine reads (see the last test).
      { code: 'N-0042', score: 4, comment: '好'.repeat(250) },
    ],
    misses: [
      '评价',
      '评价 N-0042',
      '评价 5',
      '评价 N-0042 0',
      '评价 N-0042 6',
      '评价 N-0042 9 很好',
      '评价 N-0042 5星星',
      '评价 N-0042 55',
      `评价 N-0042 5 ${'好'.repeat(251)}`,
    ],
  },
  {
    def: def(cancelNeedKeyword),
    args: [FULL, 'N-0042'].map((code) => ({ code })),
    misses: ['取消', '取消 N-0042 吧', `取消 ${CALL}`, `取消召集 ${CALL}`, `取消报名 ${CALL}`, '取消 N-0042x'],
  },
  { def: def(myNeedsKeyword), args: [{}], misses: ['我的需求 N-0042', '我的需求呢', '查看我的需求'] },
  {
    def: def(languageKeyword),
    args: ['', '中文', 'en', 'English'].map((choice) => ({ choice })),
    misses: ['语言障碍，需要翻译', '语言不通', '语言 法语', 'languages'],
  },
  {
    def: def(bindKeyword),
    args: ['S-XF-ELDER', 'c_health', 'A'.repeat(32), '7'].map((teamCode) => ({ teamCode })),
    misses: ['绑定队伍', '绑定队伍 ', '绑定队伍S-XF-ELDER', '绑定队伍 S XF', `绑定队伍 ${'A'.repeat(33)}`, '绑定队伍 幸福社区', '绑定队伍 S.XF'],
  },
  {
    def: def(linkKeyword),
    args: [{ code: null }, { code: 'ABCDE-FGHJK' }, { code: 'K7QM29XRTH' }, { code: 'abcde-fghjk' }],
    misses: ['绑定账号 ABCDE-FGHJ', '绑定账号 ABCDEF-GHJKM', '绑定账号 ABCDE FGHJK', '绑定账号ABCDE-FGHJK', '绑定账号 ABCDE-FGHJK x', '绑定账号 123456'],
  },
  {
    def: def(consoleLoginKeyword),
    args: [{ code: null }, { code: 'ABCD-EFGH' }, { code: 'K7QM29XR' }, { code: 'abcd efgh' }],
    misses: ['登录 ABC-DEFGH', '登录 ABCDE-FGHJK', '登录ABCD-EFGH', '登录 ABCD-EFGH x', '登录不了', '我要登录 ABCD-EFGH'],
  },
  { def: def(joinKeyword), args: callCodes, misses: callMisses('参加') },
  { def: def(declineKeyword), args: callCodes, misses: callMisses('不能参加') },
  {
    def: def(checkInKeyword),
    args: [{ checkCode: null }, { checkCode: '123456' }, { checkCode: '000000' }],
    misses: ['签到 12345', '签到 1234567', '签到 abcdef', '签到 123456 好', `签到 ${CALL}`, '我签到 123456'],
  },
  {
    def: def(checkOutKeyword),
    args: [{ callCode: null }, ...callCodes],
    misses: ['签退 N-0042', '签退 123456', '签退 M-0042', `签退 ${CALL} 好`],
  },
  ...Object.values(ADMIN_KEYWORDS).map((k): Case => ({ def: def(k), args: callCodes, misses: [...callMisses(k.words[0]!), `${k.words[0]!}了 ${CALL}`] })),
];

/** Every printable ASCII character as its full-width twin (what a Chinese keyboard may type). */
const fullWidth = (s: string): string => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');
/** The text as the engine reads it. */
const parseTyped = (k: KeywordDef<object>, raw: string) => {
  const text = normaliseKeywordText(raw);
  return text === null ? null : k.parse(text);
};

describe('the keywords of the features', () => {
  it('covers every keyword the features export', () => {
    const isKeyword = (v: unknown): v is KeywordDef<object> => typeof v === 'object' && v !== null && 'parse' in v && 'show' in v && 'words' in v;
    const exported = [...Object.values(features).filter(isKeyword), ...Object.values(ADMIN_KEYWORDS)];
    expect(new Set(exported)).toEqual(new Set(CASES.map((c) => c.def)));
    expect(CASES.map((c) => c.def.name).sort()).toEqual(
      [
        'bind',
        'call_cancel',
        'call_close',
        'call_confirm',
        'call_decline',
        'call_extend',
        'call_join',
        'call_remind',
        'call_roster',
        'cancel',
        'check_in',
        'check_out',
        'console_login',
        'finish',
        'link',
        'my',
        'language',
        'publicity-score',
        'rate',
        'release',
        'set_off',
        'take',
      ].sort(),
    );
  });

  it('shows the first word followed by the arguments', () => {
    expect(takeKeyword.show({ code: FULL })).toBe(`接单 ${FULL}`);
    expect(finishKeyword.show({ code: 'N-0042', hours: '2小时' })).toBe('完成 N-0042 2小时');
    expect(releaseKeyword.show({ code: 'N-0042', reason: null })).toBe('放弃 N-0042');
    expect(rateKeyword.show({ code: 'N-0042', score: 5, comment: '很好' })).toBe('评价 N-0042 5 很好');
    expect(myNeedsKeyword.show({})).toBe('我的需求');
    expect(linkKeyword.show({ code: null })).toBe('绑定账号');
    expect(checkInKeyword.show({ checkCode: '123456' })).toBe('签到 123456');
    expect(checkOutKeyword.show({ callCode: null })).toBe('签退');
    expect(ADMIN_KEYWORDS.roster.show({ callCode: CALL })).toBe(`名单 ${CALL}`);
    expect(ADMIN_KEYWORDS.cancel.show({ callCode: CALL })).toBe(`取消召集 ${CALL}`);
    expect(ADMIN_KEYWORDS.confirm.show({ callCode: CALL })).toBe(`确认到场 ${CALL}`);
    expect(bindKeyword.show({ teamCode: 'S-XF-ELDER' })).toBe('绑定队伍 S-XF-ELDER');
  });

  describe.each(CASES.map((c) => [c.def.name, c] as const))('%s', (_name, { def: k, args, misses }) => {
    it('reads back what it shows', () => {
      for (const a of args) expect({ text: k.show(a), a: k.parse(k.show(a)) }).toEqual({ text: k.show(a), a });
    });

    it('accepts every one of its words (English in any case)', () => {
      for (const a of args) {
        const rest = k.show(a).slice(k.words[0]!.length);
        for (const w of k.words) {
          expect({ w, a: k.parse(`${w}${rest}`) }).toEqual({ w, a });
          expect({ w, a: k.parse(`${w.toUpperCase()}${rest}`) }).toEqual({ w, a });
        }
      }
    });

    it('accepts the text typed full-width or after an @mention, once normalised', () => {
      for (const a of args) {
        expect(parseTyped(k, fullWidth(k.show(a)))).toEqual(a);
        expect(parseTyped(k, `@百应 ${k.show(a)}`)).toEqual(a);
        expect(parseTyped(k, `＠百应　${k.show(a)}　`)).toEqual(a);
      }
    });

    it('refuses near misses', () => {
      for (const t of misses) expect({ t, r: parseTyped(k, t) }).toEqual({ t, r: null });
    });
  });

  it('never lets one keyword read the text of another', () => {
    for (const c of CASES) {
      for (const a of c.args) {
        const text = c.def.show(a);
        const readers = CASES.filter((o) => o.def.parse(text) !== null).map((o) => o.def.name);
        expect({ text, readers }).toEqual({ text, readers: [c.def.name] });
      }
    }
  });

  it('fits the longest rating comment within what the engine hands to keywords', () => {
    // A typed rating with the longest comment must still be read as a rating, not as a new need.
    const longest = { code: 'N-20261123-0042', score: 5, comment: '好'.repeat(250) };
    expect(rateKeyword.show(longest).length).toBeLessThanOrEqual(MAX_KEYWORD_TEXT);
    expect(parseTyped(def(rateKeyword), rateKeyword.show(longest))).toEqual(longest);
    expect(rateKeyword.parse(`评价 N-0042 5 ${'好'.repeat(251)}`)).toBeNull();
  });
});
