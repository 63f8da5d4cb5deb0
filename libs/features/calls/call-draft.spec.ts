import type { TeamRow } from '@baiying/db';
import { teamByName } from './audience.js';
import { parseHeadcount } from './call-draft.js';

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
