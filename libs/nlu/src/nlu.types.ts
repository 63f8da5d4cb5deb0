/** A weighted term; a plain string keyword has weight 1. */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/**
 * A service category and the words that suggest it. Categories are data: a county adds its
 * own "N" category by adding an entry, without code changes.
 *
 * Keyword syntax:
 * - Chinese terms match whole words of the segmented text (a term may span several
 *   segmenter tokens but never cuts one): "电" does not match inside "电话".
 * - English terms match whole words, case-insensitively, with light plural/-ing/-ed
 *   folding ("leaking" matches "leak"); multi-word terms match consecutive words.
 * - "A+B" matches when every part occurs anywhere in the message (e.g. "手机+教").
 * - A negative weight lowers the category when the term occurs.
 */
export interface NluCategory {
  code: string;
  nameZh: string;
  nameEn: string;
  keywords: Array<string | WeightedTerm>;
}

export interface KnownPlace {
  id: string;
  name: string;
  aliases?: string[];
}

export interface UnderstandOptions {
  /** Reference time for relative expressions ("明天", "next Monday"); default: the current time. */
  now?: Date;
  /** IANA time zone the resident lives in; default Asia/Shanghai. */
  timeZone?: string;
}

export type Beneficiary = 'elderly' | 'child' | 'disabled' | 'hardship' | 'none';
export type Urgency = 'urgent' | 'normal';
export type Language = 'zh' | 'en' | 'mixed';

/**
 * Parts of the day, with the hours [start, end) used to resolve them:
 * small-hours 00–06 (凌晨), early-morning 06–09 (早上), morning 08–12 (上午, "morning"),
 * noon 11–13 (中午), afternoon 13–18, dusk 17–19 (傍晚), evening 18–22 (晚上, "evening",
 * "night"), night 22–24 (半夜, 深夜).
 */
export type PartOfDay = 'small-hours' | 'early-morning' | 'morning' | 'noon' | 'afternoon' | 'dusk' | 'evening' | 'night';

export interface TimeUnderstanding {
  /** The words of the message that state the time, as written. */
  text: string;
  /** ISO 8601 with the zone's offset, e.g. 2025-03-13T08:00:00+08:00. */
  start?: string;
  end?: string;
  /** Weekdays use ISO numbering: 1 = Monday … 7 = Sunday. */
  recurring?: { weekdays: number[]; partOfDay?: string };
}

export interface PlaceUnderstanding {
  /** The address fragment as written. */
  text: string;
  community?: string;
  building?: string;
  unit?: string;
  room?: string;
  village?: string;
  group?: string;
  matched?: { id: string; name: string };
}

/**
 * How sure the danger check is that someone is in immediate danger: `likely` = act as an
 * emergency now; `possible` = ask the resident one yes/no question ("现在有人有危险吗？");
 * `none` = no sign of danger.
 */
export type DangerLevel = 'none' | 'possible' | 'likely';

export type DangerFamily =
  'fire' | 'gas' | 'electric' | 'flood' | 'collapse' | 'trapped' | 'fall' | 'unconscious' | 'bleeding' | 'missing' | 'violence' | 'self_harm';

/** One sign of danger found in a message: the words as written and where they are. */
export interface DangerSignal {
  family: DangerFamily;
  text: string;
  /** UTF-16 offsets into the message as given (end exclusive). */
  start: number;
  end: number;
  strength: 'strong' | 'weak';
}

export interface DangerAssessment {
  level: DangerLevel;
  /** In the order they occur in the message. */
  signals: DangerSignal[];
  /** The signals' families, each once, in order of first occurrence. */
  families: DangerFamily[];
  /** The resident should call 110/119/120 first (see danger.detector.ts for which signals). */
  lifeThreatening: boolean;
  /** Some signal speaks of suicide or self-harm (answer with care, give the hotline). */
  selfHarm: boolean;
}

export interface Understanding {
  category: string;
  confidence: number;
  /** Ranked, top first, excluding `category`. */
  alternatives: Array<{ code: string; confidence: number }>;
  beneficiary: Beneficiary;
  urgency: Urgency;
  /** The first phone number of the message: mobiles as 11 digits, landlines as area code + number digits. */
  phone: string | null;
  phones: string[];
  time: TimeUnderstanding | null;
  place: PlaceUnderstanding | null;
  language: Language;
  /** The danger check, run on every message beside the category (see assessDanger). */
  danger: DangerAssessment;
  /** Which engine decided the category, beneficiary and urgency. */
  source?: 'rules' | 'model';
}
