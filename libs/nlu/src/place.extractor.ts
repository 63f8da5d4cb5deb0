import type { KnownPlace, PlaceUnderstanding } from './nlu.types.js';
import { parseNumber, toHalfWidth } from './text.util.js';

type Field = 'community' | 'building' | 'unit' | 'room' | 'village' | 'group' | 'road';

interface Component {
  field: Field;
  value: string;
  start: number;
  end: number;
}

const NUM = '(?:\\d{1,4}|[零〇一二两三四五六七八九十百]{1,4})';
const COMMUNITY_SUFFIX = '(?:小区|社区|花园|家园|新村|公寓|大院|新城|嘉园|华庭|山庄|花苑|苑)';
// "村" followed by these is "the village's …" (村里, 村口, 村委会, 村民), not a village name.
const NOT_VILLAGE_AFTER = /^[里口委民头东西南北子上中小内外级道干医卫部庄镇集办长支主书会]/;

// Left edge of a place name: punctuation, digits, or the words that introduce it.
const HARD_BOUNDARY = /[\s\d,.!?;:()、，。！？；：（）“”"'…\-号路街巷弄]/;
const SOFT_BOUNDARY = [
  '住在',
  '家住',
  '位于',
  '地址是',
  '地址',
  '住址',
  '我家',
  '俺家',
  '你家',
  '他家',
  '她家',
  '咱家',
  '我们',
  '咱们',
  '俺们',
  '附近',
  '旁边',
  '对面',
  '门口',
  '隔壁',
  '在',
  '住',
  '是',
  '到',
  '去',
  '来',
  '的',
  '了',
  '和',
  '跟',
  '与',
  '从',
  '向',
  '往',
  '我',
  '俺',
  '你',
  '他',
  '她',
  '这',
  '那',
  '就',
  '也',
  '都',
  '还',
];
const GENERIC_NAMES = new Set([
  '本',
  '全',
  '各',
  '该',
  '邻',
  '外',
  '农',
  '乡',
  '新农',
  '美丽乡',
  '城中',
  '山',
  '渔',
  '旧',
  '老',
  '新',
  '整个',
  '一个',
  '这个',
  '那个',
  '几个',
  '各个',
  '周边',
  '附近',
  '农村',
  '城乡',
  '乡',
  '所在',
  '个',
]);

function nameBefore(text: string, suffixStart: number, minLength: number): { name: string; start: number } | null {
  let start = suffixStart;
  while (start > 0 && suffixStart - start < 8 && !HARD_BOUNDARY.test(text[start - 1]!)) start--;
  let name = text.slice(start, suffixStart);
  // Cut after the last introducing word that still leaves a name: "我家住和平" → "和平",
  // not "平" (names contain such characters too: 和平, 向阳, 来凤).
  const cuts = new Set<number>();
  for (const word of SOFT_BOUNDARY) {
    for (let at = name.indexOf(word); at >= 0; at = name.indexOf(word, at + 1)) cuts.add(at + word.length);
  }
  const cut = [...cuts].sort((a, b) => b - a).find((c) => name.length - c >= minLength) ?? 0;
  name = name.slice(cut);
  start += cut;
  if (name.length < minLength || GENERIC_NAMES.has(name) || SOFT_BOUNDARY.includes(name)) return null;
  return { name, start };
}

function numberValue(raw: string): string {
  const n = parseNumber(raw);
  return n === null ? raw : String(n);
}

function chineseComponents(text: string): Component[] {
  const out: Component[] = [];
  for (const m of text.matchAll(new RegExp(COMMUNITY_SUFFIX, 'g'))) {
    const named = nameBefore(text, m.index, 2);
    if (named) out.push({ field: 'community', value: named.name + m[0], start: named.start, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(/村/g)) {
    const after = text.slice(m.index + 1);
    if (NOT_VILLAGE_AFTER.test(after)) continue;
    // Covered by the community suffix "新村".
    if (out.some((c) => c.start <= m.index && c.end > m.index)) continue;
    const named = nameBefore(text, m.index, /^\s*\d|^[一二三四五六七八九十]+组/.test(after) ? 1 : 2);
    if (named) out.push({ field: 'village', value: named.name + '村', start: named.start, end: m.index + 1 });
  }
  for (const m of text.matchAll(/([\u4e00-\u9fa5]{1,6}?)(路|街|大道|巷|弄)(\d{1,4})号(?![楼院])/g)) {
    const named = nameBefore(text, m.index + m[1]!.length, 1);
    const start = named ? named.start : m.index;
    out.push({ field: 'road', value: text.slice(start, m.index + m[0].length), start, end: m.index + m[0].length });
  }
  const patterns: ReadonlyArray<readonly [Field, RegExp]> = [
    ['building', new RegExp(`(${NUM})\\s*(?:号楼|栋|幢|号院)`, 'g')],
    ['unit', new RegExp(`(${NUM})\\s*单元`, 'g')],
    ['room', /(\d{3,4}|[零〇一二三四五六七八九]{3,4})\s*(?:室|号房|房间)/g],
    ['group', new RegExp(`(${NUM})\\s*(?:村民小组|小组|组)`, 'g')],
  ];
  for (const [field, re] of patterns) {
    for (const m of text.matchAll(re)) {
      // "3组" means a village group only next to a village ("幸福村3组") or as 村民小组.
      if (field === 'group' && !m[0].includes('村民') && !out.some((c) => c.field === 'village' && m.index - c.end <= 1 && m.index >= c.end)) continue;
      out.push({ field, value: numberValue(m[1]!), start: m.index, end: m.index + m[0].length });
    }
  }
  // A bare number right after the unit or building is the room: "3单元402", "12栋1302".
  for (const c of [...out]) {
    if (c.field !== 'unit' && c.field !== 'building') continue;
    const m = /^\s*(\d{3,4})(?![\d号栋幢单组楼])/.exec(text.slice(c.end));
    if (m && !out.some((o) => o.field === 'room' && o.start >= c.end && o.start <= c.end + m[0].length)) {
      const start = c.end + m[0].length - m[1]!.length;
      out.push({ field: 'room', value: m[1]!, start, end: start + m[1]!.length });
    }
  }
  return out;
}

function englishComponents(text: string): Component[] {
  const out: Component[] = [];
  const patterns: ReadonlyArray<readonly [Field, RegExp]> = [
    ['building', /\b(?:building|bldg|block|blk)\.?\s*(?:no\.?\s*)?#?(\d{1,4})\b/gi],
    ['unit', /\bunit\s*#?(\d{1,4})\b/gi],
    ['room', /\b(?:room|rm|flat|apt|apartment|suite)\.?\s*#?(\d{1,4})\b/gi],
    ['community', /\b((?:[A-Z][a-z]+ ){1,3}(?:Community|Estate|Gardens?|Residence|Compound|Court|Garden City))\b/g],
    ['village', /\b((?:[A-Z][a-z]+ ){1,2}Village)\b/g],
  ];
  for (const [field, re] of patterns) {
    for (const m of text.matchAll(re)) out.push({ field, value: m[1]!, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Components close together form one address; the richest one wins. */
function bestCluster(components: Component[], text: string): Component[] {
  const sorted = [...components].sort((a, b) => a.start - b.start || b.end - a.end);
  const clusters: Component[][] = [];
  for (const c of sorted) {
    const last = clusters[clusters.length - 1];
    const lastEnd = last ? Math.max(...last.map((x) => x.end)) : -1;
    if (last && (c.start < lastEnd || /^[\s,，、]{0,2}$/.test(text.slice(lastEnd, c.start)))) last.push(c);
    else clusters.push([c]);
  }
  let best: Component[] = [];
  let bestFields = 0;
  for (const cluster of clusters) {
    const fields = new Set(cluster.map((c) => c.field)).size;
    if (fields > bestFields) {
      best = cluster;
      bestFields = fields;
    }
  }
  return best;
}

interface IndexedName {
  place: KnownPlace;
  term: string;
  exact: boolean;
}

const PLACE_SUFFIXES =
  /(?:新时代文明实践站|新时代文明实践所|新时代文明实践中心|文明实践站|文明实践所|实践站|实践所|服务站|社区居委会|居委会|村委会|社区|小区|村)$/;

/** "阳光社区实践站" → "阳光": what residents call the place. */
function core(name: string): string {
  let c = name;
  for (let next = c.replace(PLACE_SUFFIXES, ''); next !== c && next.length >= 2; next = c.replace(PLACE_SUFFIXES, '')) c = next;
  return c;
}

/** Known stations and communities, indexed once, matched against each message. */
export class PlaceMatcher {
  private readonly names: IndexedName[] = [];

  constructor(places: readonly KnownPlace[] = []) {
    for (const place of places) {
      for (const raw of [place.name, ...(place.aliases ?? [])]) {
        const term = toHalfWidth(raw).toLowerCase().trim();
        if (term.length < 2) continue;
        this.names.push({ place, term, exact: true });
        const c = core(term);
        if (c.length >= 2 && c !== term) this.names.push({ place, term: c, exact: false });
      }
    }
    // Longest first: "阳光花园小区" before "阳光".
    this.names.sort((a, b) => b.term.length - a.term.length || Number(b.exact) - Number(a.exact));
  }

  get size(): number {
    return this.names.length;
  }

  /**
   * A known place named in full (or by an alias) anywhere in the text, else one whose name
   * without its suffix (村, 社区, 实践站…) equals a community or village the text names.
   */
  match(text: string, fragments: readonly string[]): { place: KnownPlace; start: number; end: number } | null {
    if (this.names.length === 0) return null;
    const lower = toHalfWidth(text).toLowerCase();
    for (const n of this.names) {
      if (!n.exact) continue;
      const at = lower.indexOf(n.term);
      if (at >= 0) return { place: n.place, start: at, end: at + n.term.length };
    }
    const cores = fragments.map((f) => core(toHalfWidth(f).toLowerCase()));
    for (const n of this.names) {
      if (n.exact) continue;
      if (cores.includes(n.term)) {
        const at = lower.indexOf(n.term);
        return { place: n.place, start: Math.max(at, 0), end: Math.max(at, 0) + n.term.length };
      }
    }
    return null;
  }
}

/**
 * Address fragments (X小区 X号楼 X单元 X室, X村 X组, "building 3 unit 2 room 501") and the
 * known place they name. Numbers are given in Arabic digits ("二单元" → unit "2").
 */
export function findPlace(text: string, matcher?: PlaceMatcher): PlaceUnderstanding | null {
  const normal = toHalfWidth(text);
  const components = [...chineseComponents(normal), ...englishComponents(normal)];
  const cluster = bestCluster(components, normal);
  const fragments = components.filter((c) => c.field === 'community' || c.field === 'village').map((c) => c.value);
  const matched = matcher?.match(normal, fragments) ?? null;
  if (cluster.length === 0 && !matched) return null;

  const place: PlaceUnderstanding = { text: '' };
  if (cluster.length > 0) {
    const start = Math.min(...cluster.map((c) => c.start));
    const end = Math.max(...cluster.map((c) => c.end));
    place.text = text.slice(start, end).trim();
    for (const c of cluster) {
      if (c.field === 'road') continue;
      place[c.field] ??= c.value;
    }
  } else if (matched) {
    place.text = text.slice(matched.start, matched.end);
  }
  if (matched) place.matched = { id: matched.place.id, name: matched.place.name };
  return place;
}

export function extractPlace(text: string, places: readonly KnownPlace[] = []): PlaceUnderstanding | null {
  return findPlace(text, places.length > 0 ? new PlaceMatcher(places) : undefined);
}
