// The intake's view of text understanding. The rule-based NLU library plugs in here; a
// keyword matcher over the categories' seeded words is the fallback.
export interface Understanding {
  category: string | null;
  confidence: number;
  alternatives: Array<{ code: string; confidence: number }>;
  beneficiary: 'elderly' | 'child' | 'disabled' | 'hardship' | 'none';
  urgency: 'urgent' | 'normal';
  phone: string | null;
  time: string | null;
  place: { text: string; stationId?: string } | null;
}

export interface CategoryVocab {
  code: string;
  keywords: string[];
}

export interface Understander {
  understand(text: string, now: Date): Understanding | Promise<Understanding>;
}

/** Counts keyword hits per category; confidence is the winner's share of all hits. */
export class KeywordUnderstander implements Understander {
  constructor(private readonly categories: () => CategoryVocab[]) {}

  understand(text: string): Understanding {
    const t = text.toLowerCase();
    const scores = this.categories()
      .map((c) => ({ code: c.code, score: c.keywords.reduce((s, k) => (k && t.includes(k.toLowerCase()) ? s + k.length : s), 0) }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score);
    const total = scores.reduce((s, x) => s + x.score, 0);
    const ranked = scores.map((s) => ({ code: s.code, confidence: total ? s.score / total : 0 }));
    return {
      category: ranked[0]?.code ?? null,
      confidence: ranked[0]?.confidence ?? 0,
      alternatives: ranked.slice(1, 4),
      beneficiary: 'none',
      urgency: /紧急|马上|快来人|救命|!!|！！|urgent|emergency/i.test(text) ? 'urgent' : 'normal',
      phone: null,
      time: null,
      place: null,
    };
  }
}
