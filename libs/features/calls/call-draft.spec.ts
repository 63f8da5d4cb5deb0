import type { TeamRow } from '@baiying/db';
import { teamByName } from './audience.js';
import { parseHeadcount, validateDraft } from './call-draft.js';

describe('parseHeadcount', () => {
  it.each([
    ['5', 5],
    ['5人', 5],
    ['5个人', 5],
    ['５ 位', 5],
    ['五人', 5],
    ['5位', 5],
    ['二十名志愿者', 20],
    ['需要十个', 10],
    ['两人', 2],
    ['12 people', 12],
    ['3 volunteers', 3],
  ])('reads %s as %d', (text, n) => {
    expect(parseHeadcount(text)).toBe(n);
  });

  it.each(['', '几个人', 'many', '5.5人', '五六个人', '人'])('refuses %p', (text) => {
    expect(parseHeadcount(text)).toBeNull();
  });
});

describe('teamByName', () => {
  const team = (code: string, name: string, nameEn: string | null): TeamRow => ({ id: code, code, name, nameEn, categoryCode: 'elderly', orgUnitId: 'u' });
  const teams = [
    team('A', '幸福社区为老服务队', 'Xingfu elderly care team'),
    team('B', '幸福社区维修队', 'Xingfu repair team'),
    team('C', '东湖镇为老服务队', null),
  ];

  it('prefers an exact name, in either language, ignoring case and width', () => {
    expect(teamByName(teams, ' 幸福社区维修队 ').map((t) => t.code)).toEqual(['B']);
    expect(teamByName(teams, 'XINGFU ELDERLY CARE TEAM').map((t) => t.code)).toEqual(['A']);
  });

  it('falls back to every team containing the words (the caller refuses more than one)', () => {
    expect(teamByName(teams, '维修').map((t) => t.code)).toEqual(['B']);
    expect(teamByName(teams, '为老服务队').map((t) => t.code)).toEqual(['A', 'C']);
    expect(teamByName(teams, '   ')).toEqual([]);
    expect(teamByName(teams, '消防')).toEqual([]);
  });
});

describe('validateDraft', () => {
  const now = new Date('2026-12-06T02:00:00Z');
  const draft = {
    title: '清扫积雪',
    description: '',
    placeText: '幸福社区',
    startsAt: new Date('2026-12-07T01:00:00Z'),
    endsAt: new Date('2026-12-07T03:00:00Z'),
    headcount: 5,
    audience: { everyone: true },
  };

  it('refuses NUL and other control characters in any text field, naming the field', () => {
    expect(validateDraft(draft, now)).toEqual({ ok: true, value: undefined });
    expect(validateDraft({ ...draft, placeText: '\u0000' }, now)).toMatchObject({ ok: false, code: 'call/bad_input', detail: { field: 'place' } });
    expect(validateDraft({ ...draft, title: 'a\u0007b' }, now)).toMatchObject({ ok: false, detail: { field: 'title' } });
    expect(validateDraft({ ...draft, description: 'x\u007f' }, now)).toMatchObject({ ok: false, detail: { field: 'description' } });
    expect(validateDraft({ ...draft, skills: ['急救\u0000'] }, now)).toMatchObject({ ok: false, detail: { field: 'skills' } });
    // Line breaks and tabs are text.
    expect(validateDraft({ ...draft, description: '一\n二\t三' }, now)).toEqual({ ok: true, value: undefined });
  });
});
