// Messages written word by word ("我 不 想 活 了", "老人 摔 了 地上 不动" — low literacy, some input
// methods): the danger check also reads them with the gaps between Chinese characters closed
// (danger.detector.ts, readClosed).
import { CJK } from './danger.cues.js';

const CJK_RUNS = new RegExp(`${CJK.source}+`, 'g');

const CJK_GAP = new RegExp(`${CJK.source}[ \\t\u3000]+(?=${CJK.source})`);

/**
 * The text with spaces between two Chinese characters removed, and for each unit kept its offset
 * in the original; null when the text is not written word by word (it is read as it is).
 */
export function closeCjkGaps(input: string): { text: string; at: number[] } | null {
  if (!CJK_GAP.test(input)) return null;
  // Word by word: at least three gaps and Chinese runs of about two characters on average. Spaces
  // between longer runs are the clause breaks of unpunctuated voice-to-text, which the rules read.
  const runs = input.match(CJK_RUNS) ?? [];
  if (runs.length < 4 || runs.join('').length / runs.length > 2.5) return null;
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (c === ' ' || c === '\t' || c === '\u3000') {
      let j = i;
      while (j < input.length && (input[j] === ' ' || input[j] === '\t' || input[j] === '\u3000')) j++;
      if (i > 0 && j < input.length && CJK.test(input[i - 1]!) && CJK.test(input[j]!)) {
        i = j - 1;
        continue;
      }
    }
    text += c;
    at.push(i);
  }
  return { text, at };
}
