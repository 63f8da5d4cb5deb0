// The intake's understanding through libs/nlu: categories and their words come from the
// database (a county's own N categories included) merged with the library's default
// vocabulary; station names and aliases are the known places.
import { DEFAULT_CATEGORIES, ModelBackedNlu, RuleBasedNlu, type KnownPlace, type ModelProviderConfig, type NluCategory } from '@baiying/nlu';
import type { AppConfig } from '@baiying/config';
import type { Repos } from '@baiying/db';
import type { Understander, Understanding } from './understander.js';

/**
 * A part of day alone ("晚上老人上下楼看不见") describes circumstances more often than it asks for a
 * time, and names no day: it is not taken from the description — the form asks for the time.
 */
const BARE_PART_OF_DAY = /^(?:早上|早晨|清早|上午|中午|下午|傍晚|晚上|夜里|夜间|半夜|深夜|凌晨|白天|morning|afternoon|evening|at night|night)$/i;

export interface CategoryRow {
  code: string;
  nameZh: string;
  nameEn: string;
  keywords: string[];
}

export function nluCategories(rows: readonly CategoryRow[]): NluCategory[] {
  return rows.map((r) => {
    const base = DEFAULT_CATEGORIES.find((c) => c.code === r.code);
    return { code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, keywords: [...(base?.keywords ?? []), ...r.keywords] };
  });
}

export class NluUnderstander implements Understander {
  private readonly nlu: ModelBackedNlu;
  private readonly rules: RuleBasedNlu;

  /** Categories (with a county's own words) and stations as the database has them now. */
  static async load(repos: Repos, config: AppConfig, onFallback?: (reason: string) => void): Promise<NluUnderstander> {
    const categories = await repos.org.categories();
    const stations = (await repos.org.stations()).map((s) => ({ id: s.id, name: s.name, aliases: s.nameEn ? [...s.aliases, s.nameEn] : s.aliases }));
    return new NluUnderstander(categories, stations, config.timeZone, config.nlu.model ?? null, onFallback);
  }

  constructor(
    categories: readonly CategoryRow[],
    stations: KnownPlace[],
    private readonly timeZone: string,
    model: ModelProviderConfig | null = null,
    onFallback?: (reason: string) => void,
  ) {
    const rules = new RuleBasedNlu({ categories: nluCategories(categories), places: stations });
    this.rules = rules;
    this.nlu = new ModelBackedNlu(rules, model, { onFallback: onFallback ? (reason) => onFallback(reason) : undefined });
  }

  /** A model is configured: its call may take up to its timeout. */
  get waits(): boolean {
    return this.nlu.enabled;
  }

  taskTerms(text: string, category: string): string[] {
    return this.rules.taskTerms(text, category);
  }

  async understand(text: string, now: Date): Promise<Understanding> {
    const u = await this.nlu.understand(text, { now, timeZone: this.timeZone });
    const matched = u.place?.matched;
    return {
      category: u.category || null,
      confidence: u.confidence,
      alternatives: u.alternatives,
      beneficiary: u.beneficiary,
      urgency: u.urgency,
      phone: u.phone,
      time: u.time && !BARE_PART_OF_DAY.test(u.time.text.trim()) ? u.time.text : null,
      place: u.place ? { text: u.place.text, stationId: matched?.id } : null,
      danger: { level: u.danger.level, families: [...u.danger.families], lifeThreatening: u.danger.lifeThreatening, selfHarm: u.danger.selfHarm },
    };
  }
}
