import { extractTime } from './time.extractor.js';

// Wednesday 12 March 2025, 09:00 in Shanghai.
const now = new Date('2025-03-12T09:00:00+08:00');
const at = (text: string) => extractTime(text, { now });

describe('extractTime: Chinese', () => {
  it.each([
    ['明天上午', '2025-03-13T08:00:00+08:00', '2025-03-13T12:00:00+08:00'],
    ['后天下午', '2025-03-14T13:00:00+08:00', '2025-03-14T18:00:00+08:00'],
    ['今晚', '2025-03-12T18:00:00+08:00', '2025-03-12T22:00:00+08:00'],
    ['明早', '2025-03-13T06:00:00+08:00', '2025-03-13T09:00:00+08:00'],
    ['3月20号上午', '2025-03-20T08:00:00+08:00', '2025-03-20T12:00:00+08:00'],
    ['下午3点到5点', '2025-03-12T15:00:00+08:00', '2025-03-12T17:00:00+08:00'],
    ['下午四点半到六点', '2025-03-12T16:30:00+08:00', '2025-03-12T18:00:00+08:00'],
    ['周末', '2025-03-15T00:00:00+08:00', '2025-03-17T00:00:00+08:00'],
    ['下周', '2025-03-17T00:00:00+08:00', '2025-03-24T00:00:00+08:00'],
    ['下个月', '2025-04-01T00:00:00+08:00', '2025-05-01T00:00:00+08:00'],
  ])('%s → %s … %s', (text, start, end) => {
    expect(at(text)).toEqual({ text, start, end });
  });

  it.each([
    ['周六下午两点', '2025-03-15T14:00:00+08:00'],
    ['下周六上午9点', '2025-03-22T09:00:00+08:00'],
    ['这周五下午两点', '2025-03-14T14:00:00+08:00'],
    ['下周二', '2025-03-18T00:00:00+08:00'],
    ['今晚七点半', '2025-03-12T19:30:00+08:00'],
    ['明天上午10点', '2025-03-13T10:00:00+08:00'],
    ['晚上8点15分', '2025-03-12T20:15:00+08:00'],
    ['中午1点', '2025-03-12T13:00:00+08:00'],
    ['20号', '2025-03-20T00:00:00+08:00'],
    ['2025-03-20', '2025-03-20T00:00:00+08:00'],
  ])('%s starts at %s', (text, start) => {
    expect(at(text)?.start).toBe(start);
  });

  it('reads "三点", "3点" and "15:00" as the same afternoon hour', () => {
    const expected = '2025-03-12T15:00:00+08:00';
    expect(at('三点来')?.start).toBe(expected);
    expect(at('3点来')?.start).toBe(expected);
    expect(at('15:00来')?.start).toBe(expected);
    expect(at('１５：００来')?.start).toBe(expected);
    expect(at('三点钟能不能来人')?.start).toBe(expected);
  });

  it("reads 7–12 o'clock without a part of the day as morning and rolls a passed hour to tomorrow", () => {
    expect(at('十点来')?.start).toBe('2025-03-12T10:00:00+08:00');
    expect(at('8点来')?.start).toBe('2025-03-13T08:00:00+08:00');
  });

  it('resolves relative durations from now', () => {
    expect(at('半小时后到')?.start).toBe('2025-03-12T09:30:00+08:00');
    expect(at('两个小时以后')?.start).toBe('2025-03-12T11:00:00+08:00');
    expect(at('3天后')?.start).toBe('2025-03-15T00:00:00+08:00');
  });

  it('understands recurring times with ISO weekdays (1 = Monday)', () => {
    expect(at('每周二四晚上')).toEqual({
      text: '每周二四晚上',
      recurring: { weekdays: [2, 4], partOfDay: 'evening' },
      start: '2025-03-13T18:00:00+08:00',
      end: '2025-03-13T22:00:00+08:00',
    });
    expect(at('每周二、周四上午')?.recurring).toEqual({ weekdays: [2, 4], partOfDay: 'morning' });
    expect(at('每天中午')?.recurring).toEqual({ weekdays: [1, 2, 3, 4, 5, 6, 7], partOfDay: 'noon' });
    expect(at('周一到周五')?.recurring).toEqual({ weekdays: [1, 2, 3, 4, 5] });
    expect(at('每周日上午')?.recurring).toEqual({ weekdays: [7], partOfDay: 'morning' });
  });

  it('joins a day and a time written a few characters apart', () => {
    expect(at('周六有空，下午两点以后都行')).toEqual({ text: '周六有空，下午两点', start: '2025-03-15T14:00:00+08:00' });
  });

  it.each([['快一点'], ['有两点建议'], ['一点都不懂'], ['每周一次'], ['一周一次'], ['人民路88号'], ['阳光小区3号楼'], ['地铁2号线'], ['没有时间']])(
    'finds no time in %s',
    (text) => {
      expect(at(text)).toBeNull();
    },
  );
});

describe('extractTime: English', () => {
  it.each([
    ['tomorrow morning', '2025-03-13T08:00:00+08:00', '2025-03-13T12:00:00+08:00'],
    ['Saturday afternoon', '2025-03-15T13:00:00+08:00', '2025-03-15T18:00:00+08:00'],
    ['this weekend', '2025-03-15T00:00:00+08:00', '2025-03-17T00:00:00+08:00'],
  ])('%s', (text, start, end) => {
    expect(at(text)).toEqual({ text, start, end });
  });

  it('takes exact times from chrono', () => {
    expect(at('15:00 tomorrow, can someone help?')?.start).toBe('2025-03-13T15:00:00+08:00');
    expect(at('come at 3pm please')?.start).toBe('2025-03-12T15:00:00+08:00');
  });

  it('understands recurrences', () => {
    expect(at('every Tuesday and Thursday evening')?.recurring).toEqual({ weekdays: [2, 4], partOfDay: 'evening' });
    expect(at('help on weekday evenings')?.recurring).toEqual({ weekdays: [1, 2, 3, 4, 5], partOfDay: 'evening' });
    expect(at('deliver lunch every day')?.recurring).toEqual({ weekdays: [1, 2, 3, 4, 5, 6, 7] });
    expect(at('on Mondays')?.recurring).toEqual({ weekdays: [1] });
  });

  it('does not read frequencies or urgency as dates', () => {
    expect(at('twice a week')).toBeNull();
    expect(at('please help now')).toBeNull();
  });
});

describe('extractTime: mixed text and time zones', () => {
  it('resolves Chinese inside English', () => {
    expect(at('Can someone explain the pension policy? 下周三下午有空')?.start).toBe('2025-03-19T13:00:00+08:00');
  });

  it('works in the resident\'s zone whatever instant "now" is', () => {
    // 23:30 in Shanghai is still the same day there although UTC has not moved on.
    const late = new Date('2025-03-12T15:30:00Z');
    expect(extractTime('明天上午', { now: late, timeZone: 'Asia/Shanghai' })?.start).toBe('2025-03-13T08:00:00+08:00');
    expect(extractTime('明天上午', { now: late, timeZone: 'Europe/London' })?.start).toBe('2025-03-13T08:00:00+00:00');
    expect(extractTime('tomorrow morning', { now: late })?.start).toBe('2025-03-13T08:00:00+08:00');
    expect(extractTime('at 3pm', { now: late })?.start).toBe('2025-03-13T15:00:00+08:00');
  });

  it('defaults to Asia/Shanghai', () => {
    expect(extractTime('明天上午', { now })?.start?.endsWith('+08:00')).toBe(true);
  });
});
