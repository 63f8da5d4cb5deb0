import { LearnedModel, type LearnedModelOptions, type TrainingExample } from './learned.model.js';
import type { NluCategory } from './nlu.types.js';
import type { Segmenter } from './segmenter.js';
import { hasCjk, stemEnglish, toHalfWidth } from './text.util.js';

export interface CategoryScore {
  code: string;
  confidence: number;
  /** What the ranking uses: the keyword score plus the learned model's share (see LEARNED_WEIGHT). */
  score: number;
  /** Sum of the weights of the keywords found, plus the character back-off. */
  keywordScore: number;
  /**
   * The learned model's probability for this category; 0 without a model, for a category without
   * examples, or for a message with no feature the examples had.
   */
  learned: number;
}

export interface CategoryClassifierOptions {
  /**
   * Labelled messages to train the learned model on (see LearnedModel); only those of
   * configured categories are used. Without examples the classifier uses keywords alone.
   */
  training?: readonly TrainingExample[];
  /** Default LEARNED_WEIGHT. */
  learnedWeight?: number;
  learned?: LearnedModelOptions;
}

/**
 * The learned model adds LEARNED_WEIGHT × (p − 1/K) to the score of each of the K categories it
 * knows, p being its probability for the category: up to ~3 points, a strong keyword's worth, for
 * a confident prediction; a little below 0 for a category it rules out; 0 for categories without
 * examples, which therefore compete on their keywords alone. Chosen on round 4 of the
 * development set with the learned model trained on rounds 1–3 (README, Evaluation).
 */
export const LEARNED_WEIGHT = 3;

interface Contribution {
  category: number;
  weight: number;
}

interface Conjunction extends Contribution {
  parts: string[];
}

interface Match {
  key: string;
  start: number;
  end: number;
  /** Found inside a longer word ("腰鼓" in "腰鼓队"), not as words of its own. */
  partial: boolean;
}

// Softmax temperature: one weight-2 keyword alone gives ~0.4, two give ~0.8, three ~0.97.
const SOFTMAX_BETA = 1;
// jieba keeps many compounds whole (腰鼓队, 儿科医生, 暑假作业); a keyword inside one counts
// for this much. A keyword listed with weight 0 for the compound itself ("手机号") vetoes it.
const PARTIAL_FACTOR = 0.6;
const MIN_PARTIAL_TOKEN = 3;
// Back-off for words the vocabulary lacks ("扇子舞", "颈椎操"): each character outside the
// keywords found votes for the categories whose keywords use it, in proportion to their
// keyword weight and by how specific it is (ln N/df). Small, so any real keyword wins.
const CHAR_FACTOR = 0.2;
const CHAR_CAP = 1;
// Function characters say nothing about a category even inside a keyword ("交多少", "说了不听").
const FUNCTION_CHARS = new Set(
  '的了是我你他她它们个一不没有在人这那么怎咋啥多少几吗呢吧啊呀去来给让把被就都也还要想能会可以和与跟说讲看做很太好大小上下里中天点些得着过对到'.split(''),
);
const MAX_ZH_TOKENS_PER_TERM = 6;
const MAX_EN_WORDS_PER_TERM = 4;

function englishWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z'’]*/g) ?? []).map(stemEnglish);
}

// Dialect for "not have" read as the standard word, so "莫得电了" meets the keyword "没电了".
const DIALECT_NOT = /莫得|冇得|冇/g;

/** Half-width, lower case, dialect negation as 没: applied to keywords and messages alike. */
function normaliseText(text: string): string {
  return toHalfWidth(text).toLowerCase().replace(DIALECT_NOT, '没');
}

function normaliseTerm(term: string): string {
  return normaliseText(term).trim();
}

/** Every Chinese term, for the segmenter's dictionary. */
export function vocabularyWords(categories: readonly NluCategory[]): string[] {
  const out: string[] = [];
  for (const c of categories) {
    for (const k of c.keywords) {
      const term = typeof k === 'string' ? k : k.term;
      for (const part of term.split('+')) if (hasCjk(part)) out.push(normaliseTerm(part));
    }
  }
  return out;
}

/** A card's task line holds at most this many vocabulary words… */
export const TASK_TERMS = 3;
/** …each worth at least this much for the category (drops generic words such as 家里, 老人). */
const TASK_TERM_MIN_POINTS = 2;

/**
 * Scores each configured category by the keywords found in a message and, when given labelled
 * examples, by a learned model (naive Bayes over characters, character pairs and English
 * words), then turns the scores into confidences (softmax). Chinese keywords are matched on word
 * boundaries of the segmented text, English ones on whole (folded) words.
 */
export class CategoryClassifier {
  private readonly codes: string[];
  private readonly zh = new Map<string, Contribution[]>();
  private readonly en = new Map<string, Contribution[]>();
  private readonly conjunctions: Conjunction[] = [];
  private readonly chars = new Map<string, Array<{ category: number; vote: number }>>();
  private maxZhLength = 1;
  private readonly model: LearnedModel | null;
  /** Index of each model category among the configured ones. */
  private readonly modelIndex: number[] = [];
  private readonly learnedWeight: number;

  constructor(
    categories: readonly NluCategory[],
    private readonly segmenter: Segmenter,
    options: CategoryClassifierOptions = {},
  ) {
    if (categories.length === 0) throw new Error('CategoryClassifier needs at least one category');
    const seen = new Set<string>();
    for (const c of categories) {
      if (seen.has(c.code)) throw new Error(`duplicate category code: ${c.code}`);
      seen.add(c.code);
    }
    this.codes = categories.map((c) => c.code);
    categories.forEach((category, index) => {
      for (const k of category.keywords) {
        const term = typeof k === 'string' ? k : k.term;
        const weight = typeof k === 'string' ? 1 : k.weight;
        if (!Number.isFinite(weight)) throw new Error(`keyword "${term}" of ${category.code} has no finite weight`);
        const parts = term
          .split('+')
          .map(normaliseTerm)
          .filter((p) => p.length > 0);
        if (parts.length === 0) continue;
        if (parts.length > 1) {
          this.conjunctions.push({ parts: parts.map((p) => this.register(p, null)), category: index, weight });
        } else {
          this.register(parts[0]!, { category: index, weight });
        }
      }
    });
    this.buildCharProfile(categories);
    this.learnedWeight = options.learnedWeight ?? LEARNED_WEIGHT;
    this.model = options.training && options.training.length > 0 ? LearnedModel.trained(options.training, this.codes, options.learned) : null;
    if (this.model) this.modelIndex = this.model.codes.map((code) => this.codes.indexOf(code));
  }

  /** The categories the learned model knows (empty without one). */
  get learnedCategories(): readonly string[] {
    return this.model?.codes ?? [];
  }

  private buildCharProfile(categories: readonly NluCategory[]): void {
    const mass = new Map<string, number[]>();
    categories.forEach((category, index) => {
      for (const k of category.keywords) {
        const term = typeof k === 'string' ? k : k.term;
        const weight = typeof k === 'string' ? 1 : k.weight;
        if (weight <= 0 || term.includes('+')) continue;
        for (const ch of new Set(normaliseTerm(term))) {
          if (!hasCjk(ch) || FUNCTION_CHARS.has(ch)) continue;
          const row = mass.get(ch) ?? categories.map(() => 0);
          row[index]! += weight;
          mass.set(ch, row);
        }
      }
    });
    for (const [ch, row] of mass) {
      const total = row.reduce((a, b) => a + b, 0);
      const df = row.filter((m) => m > 0).length;
      const idf = Math.log(categories.length / df);
      if (idf <= 0) continue;
      this.chars.set(
        ch,
        row.flatMap((m, category) => (m > 0 ? [{ category, vote: (idf * m) / total }] : [])),
      );
    }
  }

  /** Indexes one term; a null contribution only records it for conjunctions. Returns its key. */
  private register(term: string, contribution: Contribution | null): string {
    const cjk = hasCjk(term);
    const key = cjk ? term.replace(/\s+/g, '') : englishWords(term).join(' ');
    const map = cjk ? this.zh : this.en;
    const list = map.get(key) ?? [];
    if (contribution) list.push(contribution);
    map.set(key, list);
    if (cjk) this.maxZhLength = Math.max(this.maxZhLength, key.length);
    return (cjk ? 'zh:' : 'en:') + key;
  }

  get categoryCodes(): readonly string[] {
    return this.codes;
  }

  private zhMatches(text: string): Match[] {
    const tokens = this.segmenter.cut(text);
    const starts: number[] = [];
    let offset = 0;
    for (const t of tokens) {
      starts.push(offset);
      offset += t.length;
    }
    const matches: Match[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (!hasCjk(tokens[i]!) && !/^[a-z0-9]/.test(tokens[i]!)) continue;
      let joined = '';
      for (let j = i; j < tokens.length && j < i + MAX_ZH_TOKENS_PER_TERM; j++) {
        joined += tokens[j];
        if (joined.length > this.maxZhLength) break;
        if (this.zh.has(joined)) matches.push({ key: 'zh:' + joined, start: starts[i]!, end: starts[j]! + tokens[j]!.length, partial: false });
      }
      const token = tokens[i]!;
      if (token.length >= MIN_PARTIAL_TOKEN && !this.zh.has(token) && hasCjk(token)) {
        for (let a = 0; a < token.length - 1; a++) {
          for (let b = a + 2; b <= token.length && b - a <= this.maxZhLength; b++) {
            if (b - a === token.length) continue;
            const sub = token.slice(a, b);
            if (this.zh.has(sub)) matches.push({ key: 'zh:' + sub, start: starts[i]! + a, end: starts[i]! + b, partial: true });
          }
        }
      }
    }
    return matches;
  }

  private enMatches(text: string): Match[] {
    const words = englishWords(text);
    const matches: Match[] = [];
    for (let i = 0; i < words.length; i++) {
      let phrase = '';
      for (let k = 0; k < MAX_EN_WORDS_PER_TERM && i + k < words.length; k++) {
        phrase = k === 0 ? words[i]! : `${phrase} ${words[i + k]}`;
        // English positions live in their own space (word indexes, offset past the Chinese).
        if (this.en.has(phrase)) matches.push({ key: 'en:' + phrase, start: 1e6 + i, end: 1e6 + i + k + 1, partial: false });
      }
    }
    return matches;
  }

  /** The keywords found in a message: which match, at what strength (1, or PARTIAL_FACTOR inside a compound). */
  private keywordMatches(normal: string): { factor: Map<string, number>; present: Set<string>; kept: Match[] } {
    const all = [...(hasCjk(normal) ? this.zhMatches(normal) : []), ...(/[a-z]/.test(normal) ? this.enMatches(normal) : [])];
    const present = new Set(all.map((m) => m.key));
    // "法律援助" also contains "援助": a keyword inside a longer keyword found at the same place does not count again.
    const kept = all.filter((m) => !all.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));
    // Each keyword counts once per message, at its best (whole-word) strength.
    const factor = new Map<string, number>();
    for (const m of kept) factor.set(m.key, Math.max(factor.get(m.key) ?? 0, m.partial ? PARTIAL_FACTOR : 1));
    return { factor, present, kept };
  }

  /** What the keywords of a message add to each category: for explaining a choice and tuning a vocabulary. */
  keywordsFound(text: string): Array<{ term: string; code: string; points: number }> {
    const { factor, present } = this.keywordMatches(normaliseText(text));
    const out: Array<{ term: string; code: string; points: number }> = [];
    for (const [key, f] of factor) {
      const list = key.startsWith('zh:') ? this.zh.get(key.slice(3)) : this.en.get(key.slice(3));
      for (const c of list ?? []) out.push({ term: key.slice(3), code: this.codes[c.category]!, points: c.weight * f });
    }
    for (const c of this.conjunctions) {
      if (c.parts.every((p) => present.has(p))) out.push({ term: c.parts.map((p) => p.slice(3)).join('+'), code: this.codes[c.category]!, points: c.weight });
    }
    return out;
  }

  /**
   * A short task line for a job card: the words of `code`'s vocabulary found in the message that
   * count at least `minPoints` for it, in the order written, at most `max`. Only vocabulary words
   * come out — never the message's other words (phones, addresses, names).
   */
  taskTerms(text: string, code: string, max = TASK_TERMS, minPoints = TASK_TERM_MIN_POINTS): string[] {
    const category = this.codes.indexOf(code);
    if (category < 0) return [];
    const { kept } = this.keywordMatches(normaliseText(text));
    const out: string[] = [];
    for (const m of [...kept].sort((a, b) => a.start - b.start)) {
      const term = m.key.slice(3);
      const list = m.key.startsWith('zh:') ? this.zh.get(term) : this.en.get(term);
      const points = (list ?? []).filter((c) => c.category === category).reduce((n, c) => n + c.weight * (m.partial ? PARTIAL_FACTOR : 1), 0);
      if (points < minPoints || out.some((o) => o.includes(term) || term.includes(o))) continue;
      out.push(term);
      if (out.length >= max) break;
    }
    return out;
  }

  /** Every category, best first, with confidences summing to 1. */
  classify(text: string): CategoryScore[] {
    const normal = normaliseText(text);
    const { factor, present, kept } = this.keywordMatches(normal);
    const scores = this.codes.map(() => 0);
    for (const [key, f] of factor) {
      const list = key.startsWith('zh:') ? this.zh.get(key.slice(3)) : this.en.get(key.slice(3));
      for (const c of list ?? []) scores[c.category]! += c.weight * f;
    }
    for (const c of this.conjunctions) {
      if (c.parts.every((p) => present.has(p))) scores[c.category]! += c.weight;
    }
    const covered = new Uint8Array(normal.length);
    for (const m of kept) if (!m.key.startsWith('en:')) covered.fill(1, m.start, m.end);
    const seen = new Set<string>();
    const backoff = this.codes.map(() => 0);
    for (let i = 0; i < normal.length; i++) {
      const ch = normal[i]!;
      if (seen.has(ch) || covered[i]) continue;
      seen.add(ch);
      for (const v of this.chars.get(ch) ?? []) backoff[v.category]! += CHAR_FACTOR * v.vote;
    }
    backoff.forEach((b, i) => (scores[i]! += Math.min(CHAR_CAP, b)));
    const keywordScores = [...scores];
    const learned = this.codes.map(() => 0);
    const posterior = this.model?.posterior(text);
    if (posterior) {
      const k = posterior.probabilities.length;
      posterior.probabilities.forEach((p, j) => {
        const i = this.modelIndex[j]!;
        learned[i] = p;
        scores[i]! += this.learnedWeight * (p - 1 / k);
      });
    }
    const max = Math.max(...scores);
    const exps = scores.map((s) => Math.exp(SOFTMAX_BETA * (s - max)));
    const total = exps.reduce((a, b) => a + b, 0);
    return this.codes
      .map((code, i) => ({ code, score: scores[i]!, keywordScore: keywordScores[i]!, learned: learned[i]!, confidence: exps[i]! / total, order: i }))
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .map(({ code, score, keywordScore, learned, confidence }) => ({ code, score, keywordScore, learned, confidence }));
  }
}
