import { maskAddress, maskName, maskPhone, scrubForLog } from './masking.js';
import { clip, isContentless, normalizePhone } from '../intake/intake-rules.js';

describe('masking', () => {
  it('masks phones', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('051087654321')).toBe('**********21');
    expect(maskPhone(null)).toBe('');
  });

  it('keeps only the community of an address', () => {
    expect(maskAddress('幸福小区3号楼2单元501')).toBe('幸福小区***');
    expect(maskAddress('和平村5组12号')).toBe('和平村***');
    expect(maskAddress('12 Long Road')).toBe('12***');
  });

  it('masks names', () => {
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('Alice')).toBe('A***');
  });

  it('scrubs phones out of log text', () => {
    expect(scrubForLog('call 138 1234 5678 or +8613912345678')).toBe('call 138****5678 or 139****5678');
  });
});

describe('intake rules', () => {
  it('normalises phones', () => {
    expect(normalizePhone('138-1234-5678')).toBe('13812345678');
    expect(normalizePhone('＋86 138 1234 5678')).toBe('13812345678');
    expect(normalizePhone('１３８１２３４５６７８')).toBe('13812345678');
    expect(normalizePhone('0510-87654321')).toBe('051087654321');
    expect(normalizePhone('12345678901')).toBeNull();
    expect(normalizePhone('138123456789')).toBeNull();
    expect(normalizePhone('我的电话')).toBeNull();
  });

  it('detects texts without words and clips long ones by code point', () => {
    expect(isContentless('👍👍！！')).toBe(true);
    expect(isContentless('好')).toBe(false);
    expect(clip('😀'.repeat(5), 3)).toEqual({ text: '😀😀😀', truncated: true });
    expect(clip('abc', 3)).toEqual({ text: 'abc', truncated: false });
  });
});
