// Character-level helpers shared by the extractors. Every transformation here maps one
// UTF-16 unit to exactly one unit, so offsets found in normalised text are valid in the
// original message too (extractors report spans of the text the resident wrote).

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const CJK_GLOBAL = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;

/** Full-width ASCII (Ｆ１２３！，：) and the ideographic space to their half-width forms. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}

export function countCjk(text: string): number {
  return text.match(CJK_GLOBAL)?.length ?? 0;
}

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

const DIGIT: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  幺: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Parses "12", "十二", "二十三", "一百零五", "一三〇二" (digit by digit) into a number.
 * Returns null for anything else, so callers can reject a match instead of guessing.
 */
export function parseNumber(raw: string): number | null {
  const s = raw.trim();
  if (s === '') return null;
  if (/^\d+$/.test(s)) return Number(s);
  if (![...s].every((c) => c in DIGIT || c in UNIT)) return null;
  if (![...s].some((c) => c in UNIT)) {
    // Written digit by digit, as room and building numbers often are: 一三〇二.
    return Number([...s].map((c) => DIGIT[c]).join(''));
  }
  let total = 0;
  let current = 0;
  for (const c of s) {
    const d = DIGIT[c];
    if (d !== undefined) {
      current = d;
      continue;
    }
    const unit = UNIT[c] ?? 1;
    total += (current === 0 ? 1 : current) * unit;
    current = 0;
  }
  return total + current;
}

/** Replaces the given spans with spaces so later extractors cannot read them twice. */
export function maskSpans(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  if (spans.length === 0) return text;
  const chars = text.split('');
  for (const { start, end } of spans) {
    for (let i = start; i < end && i < chars.length; i++) chars[i] = ' ';
  }
  return chars.join('');
}

/**
 * Light English folding: leaks/leaking/leaked → leak, legally → legal. The one stemmer of the
 * library: the keyword matcher (keywords and messages alike) and the learned model both use it,
 * so a word folds the same way for both halves of the classifier.
 */
export function stemEnglish(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 5 && w.endsWith('ally')) return w.slice(0, -2);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && /(?:sh|ch|x|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  // smoke/smoking, headache/headaches (→ "headach"), dance/dancing: a final e goes too.
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}
