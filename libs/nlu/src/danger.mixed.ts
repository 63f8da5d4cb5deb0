// Mixed Chinese and English (decision 0061): residents who switch languages mid-sentence put the
// danger word in English and the rest in Chinese ("师傅 touch 了那根 wire 就倒了", "宿舍 smell 好重 像
// gas"), so neither the Chinese cues nor the English ones see a whole phrase. This reading puts the
// English danger words of such a message into Chinese (MIXED_GLOSS) and closes the spaces around
// them, keeping for every unit its offset in the original; the detector reads it beside the message
// as written, and the graver reading counts.
import { MIXED_GLOSS } from './danger-vocabulary.mixed-gloss.js';

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const WORD = /[A-Za-z][A-Za-z']*/g;
const SPACE = /[ \t\u3000]/;
const GLOSS: ReadonlyMap<string, string> = new Map(MIXED_GLOSS);

interface Unit {
  c: string;
  at: number;
  chinese: boolean;
  gloss: boolean;
}

/**
 * The message with its English danger words read in Chinese and the spaces beside them closed, and
 * for each unit its offset in the original; null when the message has no Chinese or no such word.
 */
export function glossMixed(input: string): { text: string; at: number[] } | null {
  if (!CJK.test(input)) return null;
  const units: Unit[] = [];
  let from = 0;
  let glossed = false;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(input); m !== null; m = WORD.exec(input)) {
    for (let i = from; i < m.index; i++) units.push({ c: input[i]!, at: i, chinese: CJK.test(input[i]!), gloss: false });
    const end = m.index + m[0].length;
    const zh = GLOSS.get(m[0].toLowerCase());
    if (zh) {
      glossed = true;
      // Each Chinese unit points into the English word; the last one to its last letter.
      for (let k = 0; k < zh.length; k++)
        units.push({ c: zh[k]!, at: k === zh.length - 1 ? end - 1 : Math.min(m.index + k, end - 1), chinese: true, gloss: true });
    } else {
      for (let i = m.index; i < end; i++) units.push({ c: input[i]!, at: i, chinese: false, gloss: false });
    }
    from = end;
  }
  if (!glossed) return null;
  for (let i = from; i < input.length; i++) units.push({ c: input[i]!, at: i, chinese: CJK.test(input[i]!), gloss: false });
  // Spaces go where a gloss meets Chinese (or another gloss) across them.
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (SPACE.test(u.c)) {
      let j = i;
      while (j < units.length && SPACE.test(units[j]!.c)) j++;
      const before = units[i - 1];
      const after = units[j];
      if (before && after && before.chinese && after.chinese && (before.gloss || after.gloss)) {
        i = j - 1;
        continue;
      }
    }
    text += u.c;
    at.push(u.at);
  }
  return { text, at };
}
