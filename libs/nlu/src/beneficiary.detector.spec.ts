import { detectBeneficiary } from './beneficiary.detector.js';

describe('detectBeneficiary', () => {
  it.each([
    ['我妈八十多了一个人住，中午没人做饭', 'elderly'],
    ['楼下王奶奶腿脚不方便', 'elderly'],
    ['我爸今年85了', 'elderly'],
    ['Grandma lives alone', 'elderly'],
    ['孩子父母在外打工，放学后作业没人辅导', 'child'],
    ['想给村里的小朋友办个暑期读书班', 'child'],
    ['娃上三年级，数学老是不及格', 'child'],
    ['My son needs help with homework', 'child'],
    ['我是残疾人，想找份在家能做的工作', 'disabled'],
    ['盲人按摩店想在网上卖货', 'disabled'],
    ['家里太困难了，过冬的煤还没钱买', 'hardship'],
    ['我是低保户', 'hardship'],
    ["we can't afford food this month", 'hardship'],
    ['女儿考上研究生了，家里供不起', 'hardship'],
    ['孩子他爸进去了，家里一点进项都没了', 'hardship'],
    ['Could the centre help a single mum with two kids? She has no income', 'hardship'],
    ['俺娘瘫床上好几年了', 'disabled'],
    ['俩老汉为了一垄地吵了一上午', 'elderly'],
    ['Lots of the old folks have diabetes', 'elderly'],
    ['My neighbour is 90 and lives upstairs', 'elderly'],
    ['My 15-year-old will not talk to us', 'child'],
    ['下水道堵了，厨房全是水', 'none'],
    ['公司拖欠工资半年了', 'none'],
  ])('%s → %s', (text, expected) => {
    expect(detectBeneficiary(text)).toBe(expected);
  });

  it('gives ties to disabled, then hardship, then child, then elderly', () => {
    expect(detectBeneficiary('老伴瘫痪在床')).toBe('disabled');
    expect(detectBeneficiary('特困老人家里没有暖气')).toBe('hardship');
    expect(detectBeneficiary('孙女上一年级，俺们老两口教不了')).toBe('child');
  });

  it('does not count words that do not name who is helped', () => {
    expect(detectBeneficiary('想找几个大学生志愿者')).toBe('none');
    expect(detectBeneficiary('宝妈带娃太累，想有人开导开导')).toBe('none');
    expect(detectBeneficiary('父亲去世没留遗嘱，房产怎么继承')).toBe('none');
    expect(detectBeneficiary('想请老师给家长们讲讲怎么辅导孩子写作业')).toBe('none');
  });

  it('reads ages', () => {
    expect(detectBeneficiary('邻居七十八岁了')).toBe('elderly');
    expect(detectBeneficiary('十岁左右的男孩')).toBe('child');
    expect(detectBeneficiary('he is 82 years old')).toBe('elderly');
  });
});
