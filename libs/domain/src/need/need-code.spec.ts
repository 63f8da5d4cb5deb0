import { formatNeedCode, needDay, parseNeedCode } from './need-code.js';

describe('need codes', () => {
  it('numbers by the local day of Asia/Shanghai', () => {
    // 2026-11-23 17:30 UTC is already the 24th in Shanghai.
    expect(needDay(new Date('2026-11-23T17:30:00Z'), 'Asia/Shanghai')).toBe('20261124');
    expect(formatNeedCode('20261123', 42)).toBe('N-20261123-0042');
  });

  it('parses what people type', () => {
    expect(parseNeedCode('取消 N-20261123-0042')).toBe('N-20261123-0042');
    expect(parseNeedCode('n20261123-42')).toBe('N-20261123-0042');
    expect(parseNeedCode('Ｎ－２０２６１１２３－００４２'.replace('－', '-').replace('－', '-'))).toBe('N-20261123-0042');
    expect(parseNeedCode('N-2026112-0042')).toBeNull();
    expect(parseNeedCode('hello')).toBeNull();
  });
});
