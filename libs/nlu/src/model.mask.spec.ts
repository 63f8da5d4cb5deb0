// What leaves the desk for the model: the need without who and where.
import { maskForModel } from './model.mask.js';

describe('maskForModel', () => {
  it.each([
    ['老李家的孩子需要辅导作业，请联系李老师', '老[姓名]家的孩子需要辅导作业，请联系[姓名]老师'],
    ['东湖村8组的赵大爷家停电了', '[地址]的[姓名]大爷家停电了'],
    ['刘阿姨需要人陪同去医院，地址：幸福路18号', '[姓名]阿姨需要人陪同去医院，地址：[地址]'],
    ['Mrs. Wang at Block 7 needs groceries', 'Mrs. [姓名] at [地址] needs groceries'],
    ['手机：+86 138-1234-5678，找小王', '手机：[电话]，找小[姓名]'],
  ])('masks %s', (text, masked) => {
    expect(maskForModel(text)).toBe(masked);
  });

  it('keeps words that only look like names or numbers of an address', () => {
    for (const text of [
      '老人不会用手机挂号，想请人教一教',
      '小区停电了，请帮忙看看',
      '老毛病又犯了，需要人送药',
      '需要2个人帮忙搬家，下午3点',
      'My mother needs a ride to the hospital',
    ]) {
      expect(maskForModel(text)).toBe(text);
    }
  });
});
