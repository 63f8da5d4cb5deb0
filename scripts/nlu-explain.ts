// npx tsx scripts/nlu-explain.ts "message" ["message" …]
// Why a message got its category: the keywords found (with the points they add), the learned
// model's probabilities and the blended ranking. For tuning the vocabulary; not a stable format.
import { createSegmenter, CategoryClassifier, DEFAULT_CATEGORIES, vocabularyWords } from '../libs/nlu/src/index.js';
import { DEFAULT_TRAINING } from '../libs/nlu/src/training-data.js';

const classifier = new CategoryClassifier(DEFAULT_CATEGORIES, createSegmenter(vocabularyWords(DEFAULT_CATEGORIES)), { training: DEFAULT_TRAINING });
const round = (n: number) => Math.round(n * 100) / 100;
for (const text of process.argv.slice(2)) {
  process.stdout.write(`${text}\n`);
  const found = classifier.keywordsFound(text).sort((a, b) => a.code.localeCompare(b.code) || b.points - a.points);
  process.stdout.write(`  keywords: ${found.map((k) => `${k.code}:${k.term}(${round(k.points)})`).join(' ') || '-'}\n`);
  for (const s of classifier.classify(text).slice(0, 5)) {
    process.stdout.write(
      `  ${s.code.padEnd(12)} score ${round(s.score).toString().padStart(6)}  keywords ${round(s.keywordScore).toString().padStart(5)}  learned ${round(s.learned).toString().padStart(4)}  confidence ${round(s.confidence)}\n`,
    );
  }
}
