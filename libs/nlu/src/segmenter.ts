import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** Splits Chinese text into words; tokens concatenate back to the input. */
export interface Segmenter {
  cut(text: string): string[];
}

// Frequency given to domain words so jieba keeps "上门理发" or "四点半课堂" whole; high
// enough to beat the split, low enough not to swallow the neighbouring characters.
const DOMAIN_WORD_FREQUENCY = 2000;

// Loading jieba's 350k-word dictionary takes ~250 ms: one instance per distinct set of
// domain words, shared by every classifier built with that vocabulary.
const cache = new Map<string, Jieba>();

export function createSegmenter(domainWords: Iterable<string>): Segmenter {
  const words = [...new Set([...domainWords].map((w) => w.trim()).filter((w) => w.length > 1 && !/\s/.test(w)))].sort();
  const key = words.join('\n');
  let jieba = cache.get(key);
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    if (words.length > 0) jieba.loadDict(Buffer.from(words.map((w) => `${w} ${DOMAIN_WORD_FREQUENCY}`).join('\n')));
    cache.set(key, jieba);
  }
  const instance = jieba;
  // Without HMM, unknown runs fall apart into single characters instead of being glued
  // to a neighbouring keyword, which keeps keyword matching aligned to real words.
  return { cut: (text) => instance.cut(text, false) };
}
