// What the optional model endpoint may read of a resident's message: the need, without who and
// where. Phones, names and addresses are replaced by placeholders before the text leaves the
// desk (the rules keep extracting them from the original, on this machine).
import { findPhones } from './phone.extractor.js';
import { findPlace } from './place.extractor.js';
import { maskSpans, toHalfWidth } from './text.util.js';

export const MASK = { phone: '[电话]', name: '[姓名]', address: '[地址]' } as const;

interface Span {
  start: number;
  end: number;
  kind: keyof typeof MASK;
}

// The most common Chinese surnames (they cover well over four fifths of residents).
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧阳司马诸葛上官';
const SURNAME = `[${SURNAMES}]`;
const HAN = '\\p{Script=Han}';
/** How residents address or name someone: 王奶奶, 李师傅, 张老师, 刘阿姨, 赵先生, 老王, 小李. */
const HONORIFIC = '(?:先生|女士|小姐|阿姨|叔叔|大爷|大妈|大娘|大叔|大姐|大哥|奶奶|爷爷|婆婆|老师|师傅|医生|护士|同志|书记|主任)';
const NAME_PATTERNS: RegExp[] = [
  // A surname (and maybe a given name) before a form of address.
  new RegExp(`${SURNAME}${HAN}{0,2}?(?=${HONORIFIC})`, 'gu'),
  // 老王, 小李, 老李家 (老人, 小区 are no surnames; 老毛病, 老方法, 小白菜 are words).
  new RegExp(`(?<=[老小])${SURNAME}(?![病法菜历虾])`, 'gu'),
  // Names said as names: 我叫张三, 我是李四, 姓名：王五, 联系人刘六, 找陈七.
  new RegExp(`(?<=(?:我叫|名叫|叫做|我是|姓名[:：]?\\s*|联系人[:：]?\\s*|联系|找))${SURNAME}(?!${HONORIFIC})${HAN}{1,2}`, 'gu'),
  // English: my name is Ann Lee, I'm Ann, Mr. Lee, contact Ann Lee.
  /(?<=\b(?:[Mm]y name is|[Ii] am|I'm|[Cc]ontact|[Cc]all|[Aa]sk for)\s+)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?/g,
  /(?<=\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?/g,
];
// Address parts beyond what the place extractor clusters: 3号楼, 2单元, 501室, 12栋, 8组, 幸福路18号.
const NUM = '[0-9一二三四五六七八九十百零〇两]+';
const ADDRESS_PATTERNS: RegExp[] = [
  new RegExp(`${HAN}{1,8}(?:路|街|巷|弄|大道)${NUM}号`, 'gu'),
  new RegExp(`${NUM}\\s*(?:号楼|栋|幢|单元|室|层|号院|组|号)`, 'gu'),
  /\b(?:[Rr]oom|[Uu]nit|[Bb]uilding|[Bb]lock|[Ff]lat|[Aa]pt\.?|[Nn]o\.)\s*\d+[A-Za-z]?\b/g,
  /\b\d+\s+[A-Z][a-z]+\s+(?:[Rr]oad|[Ss]treet|[Ll]ane|[Aa]venue|Rd|St)\b/g,
];

function matches(text: string, patterns: RegExp[], kind: Span['kind']): Span[] {
  const out: Span[] = [];
  for (const re of patterns) for (const m of text.matchAll(re)) if (m[0].length > 0) out.push({ start: m.index, end: m.index + m[0].length, kind });
  return out;
}

/**
 * The message with every phone, name and address replaced by a placeholder ([电话], [姓名],
 * [地址]); the rest, the words that say what is needed, is kept as written.
 */
export function maskForModel(text: string): string {
  // Half-width first so "１３８…" and "３号楼" are seen; the offsets are the same (one char each).
  const normal = toHalfWidth(text);
  const spans: Span[] = findPhones(normal).map((p) => ({ start: p.start, end: p.end, kind: 'phone' }));
  const rest = maskSpans(normal, spans);
  const place = findPlace(rest);
  if (place?.text) {
    const at = rest.indexOf(place.text);
    if (at >= 0) spans.push({ start: at, end: at + place.text.length, kind: 'address' });
  }
  spans.push(...matches(rest, ADDRESS_PATTERNS, 'address'), ...matches(rest, NAME_PATTERNS, 'name'));
  // Overlapping spans merge into the first; replaced from the end so offsets stay valid.
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  // Offsets in the normalised text are offsets in the original: the rest is kept as written.
  let out = text;
  for (const s of merged.reverse()) out = `${out.slice(0, s.start)}${MASK[s.kind]}${out.slice(s.end)}`;
  return out;
}
