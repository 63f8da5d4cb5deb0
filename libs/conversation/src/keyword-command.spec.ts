import { parseKeywordCommand, splitCode } from './keyword-command.js';

describe('keyword commands', () => {
  it('parses what volunteers and residents type', () => {
    expect(parseKeywordCommand('接单 N-20261123-0042')).toEqual({ kind: 'take', code: 'N-20261123-0042' });
    expect(parseKeywordCommand('@百应 接单 N-0042')).toEqual({ kind: 'take', code: 'N-0042' });
    expect(parseKeywordCommand('完成 N-0042 2小时')).toEqual({ kind: 'finish', code: 'N-0042', hours: '2小时' });
    expect(parseKeywordCommand('完成 N-0042')).toEqual({ kind: 'finish', code: 'N-0042', hours: null });
    expect(parseKeywordCommand('放弃 N-0042 临时有事')).toEqual({ kind: 'release', code: 'N-0042', reason: '临时有事' });
    expect(parseKeywordCommand('评价 N-0042 5 很好')).toEqual({ kind: 'rate', code: 'N-0042', score: 5, comment: '很好' });
    expect(parseKeywordCommand('评价 N-0042 4星')).toEqual({ kind: 'rate', code: 'N-0042', score: 4, comment: null });
    expect(parseKeywordCommand('我的需求')).toEqual({ kind: 'my' });
    expect(parseKeywordCommand('取消 N-0042')).toEqual({ kind: 'cancel', code: 'N-0042' });
    expect(parseKeywordCommand('绑定队伍 S-XF-ELDER')).toEqual({ kind: 'bind', teamCode: 'S-XF-ELDER' });
    expect(parseKeywordCommand('接单　Ｎ－００４２'.replace('－', '-'))).toEqual({ kind: 'take', code: 'N-0042' });
  });

  it('parses the call keywords (一呼百应)', () => {
    expect(parseKeywordCommand('参加 M-20261123-001')).toEqual({ kind: 'call_answer', callCode: 'M-20261123-001', yes: true });
    expect(parseKeywordCommand('不能参加 m20261123-1')).toEqual({ kind: 'call_answer', callCode: 'm20261123-1', yes: false });
    expect(parseKeywordCommand('签到 123456')).toEqual({ kind: 'check_in', checkCode: '123456' });
    expect(parseKeywordCommand('签到　１２３４５６')).toEqual({ kind: 'check_in', checkCode: '123456' });
    expect(parseKeywordCommand('签到')).toEqual({ kind: 'check_in', checkCode: null });
    expect(parseKeywordCommand('签退')).toEqual({ kind: 'check_out', callCode: null });
    expect(parseKeywordCommand('名单 M-20261123-001')).toEqual({ kind: 'call_admin', callCode: 'M-20261123-001', op: 'roster' });
    expect(parseKeywordCommand('取消召集 M-20261123-001')).toEqual({ kind: 'call_admin', callCode: 'M-20261123-001', op: 'cancel' });
    for (const t of ['参加', '参加 N-0042', '签到 12345', '签到 1234567', '我想参加活动']) expect(parseKeywordCommand(t)).toBeNull();
  });

  it('leaves ordinary text alone', () => {
    for (const t of ['我想接单', '评价 N-0042 9', '评价 N-0042', '接单', '家里水管坏了', 'x'.repeat(10_000)]) expect(parseKeywordCommand(t)).toBeNull();
  });

  it('splits full and short codes', () => {
    expect(splitCode('N-20261123-42')).toEqual({ full: 'N-20261123-0042' });
    expect(splitCode('n0042')).toEqual({ number: 42 });
  });
});
