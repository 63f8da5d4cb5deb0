import { readWantedWhen } from '@baiying/domain';
import { wantedTimeLabel } from '../routing/index.js';
import { wantedWhenOf } from './wanted-when.js';

// Sunday 6 December 2026, 10:00 in Shanghai.
const NOW = new Date('2026-12-06T02:00:00Z');
const label = (words: string | null): string => wantedTimeLabel(wantedWhenOf(words, NOW, 'Asia/Shanghai'), words !== null);

describe('the wanted time on a group card', () => {
  it('shows a parsed date and part of day, never the words around it', () => {
    expect(label('12月8日上午，打13912345678找张三')).toBe('12月8日（周二）上午');
    expect(label('明天下午')).toBe('12月7日（周一）下午');
    expect(label('下周二下午3点')).toBe('12月8日（周二）15:00');
    expect(label('tomorrow morning')).toBe('12月7日（周一）上午');
    expect(label('每周二四晚上')).toBe('每周二、四 晚上');
  });

  it('says 尽快, 时间待定 or 未填写 when there is no time to show', () => {
    expect(label('尽快 / As soon as possible')).toBe('尽快');
    expect(label('立即 / now')).toBe('尽快');
    expect(label('等张三下班再说')).toBe('时间待定');
    expect(label(null)).toBe('未填写');
    expect(label('   ')).toBe('时间待定');
  });

  it('reads a malformed stored value as 时间待定, never as text', () => {
    for (const bad of ['张三 13912345678', 42, [], { kind: 'at', start: '张三' }, { kind: 'weekly', weekdays: [9] }, { kind: 'words', text: '张三' }])
      expect(wantedTimeLabel(readWantedWhen(bad), true)).toBe('时间待定');
    expect(wantedTimeLabel(readWantedWhen({ kind: 'weekly', weekdays: [1], partOfDay: '张三' }), true)).toBe('每周一');
    expect(readWantedWhen(null)).toBeNull();
    // A legacy row: words given (in clear), nothing parsed.
    expect(wantedTimeLabel(null, true)).toBe('时间待定');
  });
});
