import { ancestry, isWithin, type OrgNode } from './org-tree.js';
import { chooseRoute, type TeamRef } from './routing.js';
import { slaMs } from './sla.js';

const units = new Map<string, OrgNode>(
  [
    { id: 'C', parentId: null, tier: 'center', name: '县中心' },
    { id: 'I1', parentId: 'C', tier: 'institute', name: '东镇所' },
    { id: 'I2', parentId: 'C', tier: 'institute', name: '西镇所' },
    { id: 'S1', parentId: 'I1', tier: 'station', name: '幸福社区站' },
    { id: 'S2', parentId: 'I1', tier: 'station', name: '和平村站' },
    { id: 'S3', parentId: 'I2', tier: 'station', name: '西村站' },
  ].map((u) => [u.id, u as OrgNode]),
);
const team = (id: string, orgUnitId: string, categoryCode: string, reachable = true): TeamRef => ({ id, code: id, orgUnitId, categoryCode, reachable });
const teams = [
  team('S1-elderly', 'S1', 'elderly'),
  team('I1-elderly', 'I1', 'elderly'),
  team('C-elderly', 'C', 'elderly'),
  team('I1-repair', 'I1', 'repair'),
  team('C-legal', 'C', 'legal'),
  team('S2-legal-unbound', 'S2', 'legal', false),
];

describe('routing', () => {
  it('prefers the station team of the category', () => {
    expect(chooseRoute(units, teams, { stationId: 'S1', categoryCode: 'elderly' })?.team.id).toBe('S1-elderly');
  });

  it('falls back to the institute, then the centre', () => {
    expect(chooseRoute(units, teams, { stationId: 'S2', categoryCode: 'repair' })?.team.id).toBe('I1-repair');
    expect(chooseRoute(units, teams, { stationId: 'S3', categoryCode: 'elderly' })?.team.id).toBe('C-elderly');
  });

  it('skips teams nobody can be reached in', () => {
    expect(chooseRoute(units, teams, { stationId: 'S2', categoryCode: 'legal' })?.team.id).toBe('C-legal');
  });

  it('returns null when no tier has the category', () => {
    expect(chooseRoute(units, teams, { stationId: 'S1', categoryCode: 'psych' })).toBeNull();
  });

  it('escalates strictly above the current unit', () => {
    expect(chooseRoute(units, teams, { stationId: 'S1', categoryCode: 'elderly', aboveUnitId: 'S1' })?.team.id).toBe('I1-elderly');
    expect(chooseRoute(units, teams, { stationId: 'S1', categoryCode: 'elderly', aboveUnitId: 'I1' })?.team.id).toBe('C-elderly');
    expect(chooseRoute(units, teams, { stationId: 'S1', categoryCode: 'elderly', aboveUnitId: 'C' })).toBeNull();
  });

  it('can be limited to tiers (emergency mode skipping the institute)', () => {
    expect(chooseRoute(units, teams, { stationId: 'S1', categoryCode: 'elderly', aboveUnitId: 'S1', tiers: ['center'] })?.team.id).toBe('C-elderly');
  });

  it('computes ancestry and scope, surviving a cycle', () => {
    expect(ancestry(units, 'S1').map((u) => u.id)).toEqual(['S1', 'I1', 'C']);
    expect(isWithin(units, 'S1', 'I1')).toBe(true);
    expect(isWithin(units, 'S3', 'I1')).toBe(false);
    const cyclic = new Map<string, OrgNode>([
      ['A', { id: 'A', parentId: 'B', tier: 'station', name: 'a' }],
      ['B', { id: 'B', parentId: 'A', tier: 'institute', name: 'b' }],
    ]);
    expect(ancestry(cyclic, 'A').map((u) => u.id)).toEqual(['A', 'B']);
  });
});

describe('escalation SLA', () => {
  const rules = { stationMinutes: 60, instituteMinutes: 120, centerMinutes: 240, urgentMinutes: 15, timeFactor: 1 };
  it('uses the tier SLA, and the short one for urgent needs', () => {
    expect(slaMs(rules, 'station', 'normal')).toBe(3_600_000);
    expect(slaMs(rules, 'institute', 'normal')).toBe(7_200_000);
    expect(slaMs(rules, 'center', 'normal')).toBe(14_400_000);
    expect(slaMs(rules, 'center', 'urgent')).toBe(900_000);
  });
  it('scales for tests', () => {
    expect(slaMs({ ...rules, timeFactor: 0.001 }, 'station', 'normal')).toBe(3600);
  });
});
