// What a whole message says before any cue is weighed (step 4 in danger.detector.ts, with
// danger.context.ts): where its clauses end, its frame as a whole (legal or recovery aftermath,
// hardship, news of elsewhere, a lecture wanted, animals only, a question about the services), and
// where a resolution of a family ("已经扑灭了") starts. Split from danger.context.ts (decision 0066).
import { ZH_ONGOING } from './danger-vocabulary.eleventh-pass.js';
import { HELPERS_WANTED } from './danger-vocabulary.twentieth-pass.js';
import {
  CLAUSE_PUNCTUATION,
  EN_ANIMAL,
  EN_ANIMAL_AGENT,
  EN_ELSEWHERE,
  EN_EMERGENCY_INFO,
  EN_HUMAN,
  EN_LEGAL_AFTERMATH,
  EN_MEDIA,
  EN_RECOVERY_AFTERMATH,
  EN_RESOLUTION_NEGATED,
  RESOLUTIONS,
  ZH_ANIMAL,
  ZH_ANIMAL_AGENT,
  ZH_ANIMAL_OWNER,
  ZH_ELSEWHERE,
  ZH_EMERGENCY_INFO,
  ZH_GRIPE,
  ZH_HARDSHIP,
  ZH_HUMAN,
  ZH_LEARNING,
  ZH_LEGAL_AFTERMATH,
  ZH_LEGAL_SOFT,
  ZH_MEDIA,
  ZH_RECOVERY_AFTERMATH,
  ZH_RESOLUTION_NEGATED,
  ZH_ROUTINE_CARE,
} from './danger-vocabulary.js';
import { CJK, englishSource, LATIN } from './danger.cues.js';
import type { DangerFamily } from './nlu.types.js';

interface CompiledResolution {
  families: ReadonlySet<DangerFamily> | 'all';
  re: RegExp;
  english: boolean;
}

const RESOLUTION_RES: CompiledResolution[] = RESOLUTIONS.flatMap((r) => {
  const families = r.families === 'all' ? 'all' : new Set(r.families);
  const out: CompiledResolution[] = [];
  if (r.zh) out.push({ families, re: new RegExp(r.zh, 'g'), english: false });
  if (r.en) out.push({ families, re: new RegExp(englishSource([r.en]), 'g'), english: true });
  return out;
});

/** Where clauses end: punctuation, or whitespace between Chinese characters (an English word in Chinese text stays in its clause). */
export function clauseBreaks(text: string): Uint8Array {
  const breaks = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (CLAUSE_PUNCTUATION.test(ch)) breaks[i] = 1;
    else if (/\s/.test(ch) && CJK.test(text[i - 1] ?? '') && CJK.test(text[i + 1] ?? '')) breaks[i] = 1;
  }
  return breaks;
}

export interface Span {
  start: number;
  end: number;
}

/** keep; drop; cap (stands at most as a weak cue); demote (strong → weak, weak → drop). */
export type Verdict = 'keep' | 'drop' | 'cap' | 'demote';

/** What the whole message says about its cues: the danger is over, disputed, or money trouble. */
export interface MessageContext {
  gripe: boolean;
  routineCare: boolean;
  legal: boolean;
  legalSoft: boolean;
  recovery: boolean;
  hardship: boolean;
  /** News of somewhere else: a medium and a place away from here. */
  elsewhere: boolean;
  /** A lecture or class is wanted: "摔倒了该咋办 想听讲座". */
  learning: boolean;
  /** An animal and no person: harm to animals only ("小狗被车撞了 流了好多血"). */
  animalOnly: boolean;
  /** A question about the emergency services themselves ("120救护车出车要钱吗"). */
  emergencyInfo: boolean;
}

export function messageContext(text: string): MessageContext {
  return {
    gripe: ZH_GRIPE.test(text),
    routineCare: ZH_ROUTINE_CARE.test(text),
    legal: ZH_LEGAL_AFTERMATH.test(text) || EN_LEGAL_AFTERMATH.test(text),
    legalSoft: ZH_LEGAL_SOFT.test(text),
    recovery: (ZH_RECOVERY_AFTERMATH.test(text) || EN_RECOVERY_AFTERMATH.test(text)) && !ZH_ONGOING.test(text),
    hardship: ZH_HARDSHIP.test(text),
    elsewhere: (ZH_MEDIA.test(text) && ZH_ELSEWHERE.test(text)) || (EN_MEDIA.test(text) && EN_ELSEWHERE.test(text)),
    learning: ZH_LEARNING.test(text),
    animalOnly:
      (ZH_ANIMAL.test(text) || EN_ANIMAL.test(text)) &&
      !ZH_HUMAN.test(text.replace(ZH_ANIMAL_OWNER, '').replace(HELPERS_WANTED, '')) &&
      !EN_HUMAN.test(text) &&
      !ZH_ANIMAL_AGENT.test(text) &&
      !EN_ANIMAL_AGENT.test(text),
    emergencyInfo: ZH_EMERGENCY_INFO.test(text) || EN_EMERGENCY_INFO.test(text),
  };
}

/** Start offsets of resolutions per family ("已经扑灭了"): cues of those families before them are over. */
export function resolutions(text: string): Array<{ families: ReadonlySet<DangerFamily> | 'all'; start: number }> {
  const out: Array<{ families: ReadonlySet<DangerFamily> | 'all'; start: number }> = [];
  const hasCjk = CJK.test(text);
  const hasLatin = LATIN.test(text);
  for (const r of RESOLUTION_RES) {
    if (r.english ? !hasLatin : !hasCjk) continue;
    r.re.lastIndex = 0;
    for (let m = r.re.exec(text); m !== null; m = r.re.exec(text)) {
      const before = text.slice(Math.max(0, m.index - 4), m.index);
      const negated = r.english ? EN_RESOLUTION_NEGATED.test(text.slice(Math.max(0, m.index - 12), m.index)) : ZH_RESOLUTION_NEGATED.test(before);
      if (!negated) out.push({ families: r.families, start: m.index });
      if (m[0].length === 0) r.re.lastIndex++;
    }
  }
  return out;
}
