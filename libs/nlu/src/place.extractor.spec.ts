import type { KnownPlace } from './nlu.types.js';
import { extractPlace, findPlace, PlaceMatcher } from './place.extractor.js';

describe('extractPlace: address fragments', () => {
  it('reads community, building, unit and room', () => {
    expect(extractPlace('我住在阳光小区3号楼2单元302室，灯坏了')).toEqual({
      text: '阳光小区3号楼2单元302室',
      community: '阳光小区',
      building: '3',
      unit: '2',
      room: '302',
    });
  });

  it('takes a bare number after the unit as the room and Chinese numerals as digits', () => {
    expect(extractPlace('地址幸福小区3栋2单元501')).toMatchObject({ community: '幸福小区', building: '3', unit: '2', room: '501' });
    expect(extractPlace('幸福里小区18号楼二单元1301室')).toMatchObject({ community: '幸福里小区', building: '18', unit: '2', room: '1301' });
  });

  it('keeps names that contain words which usually introduce a place', () => {
    expect(extractPlace('我家住和平小区5号楼')?.community).toBe('和平小区');
    expect(extractPlace('住在向阳家园2栋')?.community).toBe('向阳家园');
  });

  it('reads village and group', () => {
    expect(extractPlace('外婆住在幸福村3组，想请人去看看')).toEqual({ text: '幸福村3组', village: '幸福村', group: '3' });
    expect(extractPlace('王家村五组')).toMatchObject({ village: '王家村', group: '5' });
  });

  it('does not take "the village\'s …" or "our community" for names', () => {
    expect(extractPlace('村里的小孩想学画画')).toBeNull();
    expect(extractPlace('村口的垃圾没人清')).toBeNull();
    expect(extractPlace('我们小区的广场舞队')).toBeNull();
    expect(extractPlace('社区想搞个活动')).toBeNull();
    expect(extractPlace('农村合作医疗怎么交')).toBeNull();
    expect(extractPlace('电梯卡在6楼和7楼之间')).toBeNull();
  });

  it('reads English addresses', () => {
    expect(extractPlace('I live in Sunshine Garden building 3 unit 2 room 501')).toMatchObject({
      community: 'Sunshine Garden',
      building: '3',
      unit: '2',
      room: '501',
    });
    expect(extractPlace('Fire in building 5!')).toMatchObject({ building: '5' });
    expect(extractPlace('the kitchen of flat 302')).toMatchObject({ room: '302' });
  });

  it('prefers the richest address when several fragments appear', () => {
    expect(extractPlace('我在阳光小区上班，家住和平小区5号楼3单元402')).toMatchObject({ community: '和平小区', building: '5', unit: '3', room: '402' });
  });
});

describe('extractPlace: known stations and communities', () => {
  const places: KnownPlace[] = [
    { id: 'st-xw', name: '西望村新时代文明实践站', aliases: ['西望村'] },
    { id: 'st-yg', name: '阳光社区实践站' },
    { id: 'st-hp', name: '和平社区', aliases: ['和平小区'] },
  ];

  it('matches a name or alias written in full', () => {
    expect(extractPlace('我是西望村的，老人想理发', places)?.matched).toEqual({ id: 'st-xw', name: '西望村新时代文明实践站' });
    expect(extractPlace('和平小区5号楼3单元402', places)).toMatchObject({ building: '5', matched: { id: 'st-hp', name: '和平社区' } });
  });

  it("matches a community whose name without its suffix is the known one's", () => {
    expect(extractPlace('家住阳光小区7号楼', places)?.matched).toEqual({ id: 'st-yg', name: '阳光社区实践站' });
  });

  it('returns the match alone when no address fragment is written', () => {
    expect(extractPlace('西望村这边有人吵架', places)).toEqual({ text: '西望村', village: '西望村', matched: { id: 'st-xw', name: '西望村新时代文明实践站' } });
  });

  it('does not match unrelated text', () => {
    expect(extractPlace('新华书店门口', places)).toBeNull();
  });

  it('indexes names once and can be reused', () => {
    const matcher = new PlaceMatcher(places);
    expect(matcher.size).toBeGreaterThan(places.length);
    expect(findPlace('西望村', matcher)?.matched?.id).toBe('st-xw');
    expect(findPlace('阳光社区', matcher)?.matched?.id).toBe('st-yg');
  });
});
