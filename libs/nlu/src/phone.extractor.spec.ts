import { extractPhones, findPhones } from './phone.extractor.js';

describe('extractPhones', () => {
  it('finds a plain mobile number', () => {
    expect(extractPhones('需要志愿者帮忙，联系电话13511112222')).toEqual(['13511112222']);
  });

  it.each([
    ['spaces', '电话 138 1234 5678 谢谢', '13812345678'],
    ['dashes', '电话 137-1234-5678', '13712345678'],
    ['dots', 'tel 139.1234.5678', '13912345678'],
    ['full-width digits', '电话：１３９１２３４５６７８', '13912345678'],
    ['full-width digits with an ideographic space', '电话是１５９　８８８８　６６６６', '15988886666'],
    ['+86 with spaces', '+86 139 0510 8888 这是我电话', '13905108888'],
    ['+86 with dashes', '电话 +86-138-0000-1111', '13800001111'],
    ['86 glued on', '联系我：8613912340000', '13912340000'],
    ['0086', '0086 13912340000', '13912340000'],
    ['full-width plus', '＋８６１３９１２３４５６７８', '13912345678'],
  ])('normalises a mobile written with %s', (_label, text, phone) => {
    expect(extractPhones(text)).toEqual([phone]);
  });

  it('returns two phones in the order written', () => {
    expect(extractPhones('电话13812345678或者15900001111都行')).toEqual(['13812345678', '15900001111']);
  });

  it('does not repeat a number given twice', () => {
    expect(extractPhones('13812345678，再说一遍13812345678')).toEqual(['13812345678']);
  });

  it('keeps a room number written right before the phone out of it', () => {
    expect(extractPhones('阳光花园12栋1单元1302 13861234567，下水道堵了')).toEqual(['13861234567']);
    expect(extractPhones('幸福小区3栋2单元501室13912345678')).toEqual(['13912345678']);
  });

  it('does not read address numbers as phones', () => {
    expect(extractPhones('我家住人民路138号5栋1302室')).toEqual([]);
  });

  it.each([
    ['a 12-digit order number', '订单号：202503120001，东西坏了'],
    ['a 12-digit number starting like a mobile', '编号138123456789'],
    ['an ID card number', '身份证号320282195001011234'],
    ['a bank card number', '银行卡号6222021234567890123'],
    ['an 11-digit number that is no mobile', '工号12345678901'],
    ['a date', '2025-03-12来'],
  ])('ignores %s', (_label, text) => {
    expect(extractPhones(text)).toEqual([]);
  });

  it('reads landlines with an area code as area code + number digits', () => {
    expect(extractPhones('电话0510-87654321')).toEqual(['051087654321']);
    expect(extractPhones('tel: 0510 8765 4321')).toEqual(['051087654321']);
    expect(extractPhones('(0510)87654321')).toEqual(['051087654321']);
    expect(extractPhones('北京 010-62345678')).toEqual(['01062345678']);
    expect(extractPhones('上海021-64381234')).toEqual(['02164381234']);
  });

  it('tells mobiles and landlines apart and reports where each was written', () => {
    const text = '手机：13912345678，备用：021-64381234';
    const found = findPhones(text);
    expect(found.map((p) => [p.value, p.kind])).toEqual([
      ['13912345678', 'mobile'],
      ['02164381234', 'landline'],
    ]);
    expect(text.slice(found[1]!.start, found[1]!.end)).toBe('021-64381234');
  });
});

describe('extractPhones: landline shape', () => {
  it('does not take a number whose local part starts with 0 or 1 for a landline', () => {
    expect(extractPhones('发票号码 044001900111')).toEqual([]);
    expect(extractPhones('单号 051012345678')).toEqual([]);
    expect(extractPhones('电话0510-22345678')).toEqual(['051022345678']);
  });
});
