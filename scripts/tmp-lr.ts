import { readFileSync } from 'node:fs';
import { DANGER_TRAINING } from '../libs/nlu/src/index.js';
import { LearnedModel, messageFeatures } from '../libs/nlu/src/learned.model.js';
import { parseDangerExamples } from '../libs/nlu/src/danger.evaluation.js';
import { normalise, mask, MASK_ZH, MASK_EN } from '../libs/nlu/src/danger.cues.js';

const dir = 'libs/nlu/data/';
const A = ['danger-eval.jsonl', 'danger-blind2.jsonl'].flatMap((f) => parseDangerExamples(readFileSync(dir + f, 'utf8')).filter((_, i) => i % 3 !== 0));
const prep = (t: string) => mask(mask(normalise(t), MASK_ZH), MASK_EN);
const train = DANGER_TRAINING.map((e) => ({ text: prep(e.text), danger: e.danger }));
const test = A.map((e) => ({ text: prep(e.text), danger: e.danger }));

function report(name: string, score: (t: string) => number) {
  const s = test.map((e) => ({ p: score(e.text), d: e.danger }));
  const pos = s.filter((x) => x.d).map((x) => x.p), neg = s.filter((x) => !x.d).map((x) => x.p).sort((a, b) => b - a);
  let auc = 0; for (const p of pos) for (const n of neg) auc += p > n ? 1 : p === n ? 0.5 : 0;
  auc /= pos.length * neg.length;
  const at = (fa: number) => { const thr = neg[Math.floor(neg.length * fa)]!; return (pos.filter((p) => p > thr).length / pos.length * 100).toFixed(1); };
  console.log(`${name}: AUC ${auc.toFixed(4)} recall@FA2% ${at(0.02)} @5% ${at(0.05)} @10% ${at(0.1)} @20% ${at(0.2)}`);
}
for (const cw of [1, 0.5]) for (const sm of [0.1, 0.5, 1]) {
  const nb = LearnedModel.train(train.map((e) => ({ text: e.text, category: e.danger ? 'd' : 'o' })), ['d', 'o'], { temperature: 3, smoothing: sm, charWeight: cw })!;
  report(`NB cw${cw} sm${sm}`, (t) => nb.posterior(t)?.probabilities[0] ?? 0);
}
// logistic regression
function trainLR(l2: number, epochs: number) {
  const idx = new Map<string, number>();
  const rows = train.map((e) => { const f = [...messageFeatures(e.text)].map(([k, w]) => { let i = idx.get(k); if (i === undefined) { i = idx.size; idx.set(k, i); } return [i, w] as const; }); return { f, y: e.danger ? 1 : 0 }; });
  const w = new Float64Array(idx.size); let b = 0; const g2 = new Float64Array(idx.size).fill(1e-8); let gb2 = 1e-8;
  const pos = rows.filter((r) => r.y === 1).length, neg = rows.length - pos;
  for (let ep = 0; ep < epochs; ep++) {
    for (const r of rows) {
      let z = b; for (const [i, v] of r.f) z += w[i]! * v;
      const p = 1 / (1 + Math.exp(-z));
      const cw = r.y === 1 ? rows.length / (2 * pos) : rows.length / (2 * neg);
      const g = (p - r.y) * cw;
      for (const [i, v] of r.f) { const gi = g * v + l2 * w[i]!; g2[i]! += gi * gi; w[i]! -= 0.1 * gi / Math.sqrt(g2[i]!); }
      gb2 += g * g; b -= 0.1 * g / Math.sqrt(gb2);
    }
  }
  return (t: string) => { let z = b; for (const [k, v] of messageFeatures(t)) { const i = idx.get(k); if (i !== undefined) z += w[i]! * v; } return 1 / (1 + Math.exp(-z)); };
}
for (const l2 of [0, 1e-4, 1e-3]) for (const ep of [5, 15]) { const s = performance.now(); const m = trainLR(l2, ep); const ms = performance.now() - s; report(`LR l2=${l2} ep${ep} (${ms.toFixed(0)}ms)`, m); }
