// Finding danger cues (steps 1–3 in danger.detector.ts): normalise a message keeping every
// offset, mask what only looks like danger, and the compiled cue, mask and alarm patterns.
import {
  ALARM_STRONG,
  ALARM_WEAK,
  DANGER_CUES,
  DIALECT_FOLD,
  HOMOPHONE_FOLD,
  NOT_DANGER,
  NOT_DANGER_EN,
  PINYIN_ALARMS,
  PINYIN_CUES,
  type DangerCue,
  type PinyinCue,
} from './danger-vocabulary.js';
import { TONE_FOLD } from './danger-vocabulary.eighteenth-pass.js';
import type { DangerFamily } from './nlu.types.js';
import { toHalfWidth } from './text.util.js';
import { foldTraditional } from './traditional-fold.js';

// Masked phrases become commas: a cue's window ([^，。！？]{0,n}) must not reach across them.
const MASK_CHAR = '，';

export interface CompiledCue {
  family: DangerFamily;
  strength: 'strong' | 'weak';
  life: boolean | undefined;
  re: RegExp;
  english: boolean;
  pairOnly: boolean;
  firm: boolean;
}

/** An English source: whole words, a space standing for any whitespace. */
export function englishSource(sources: readonly string[]): string {
  return `\\b(?:${sources.map((s) => s.replace(/ /g, '\\s+')).join('|')})\\b`;
}

function compileCues(cues: readonly DangerCue[]): CompiledCue[] {
  const out: CompiledCue[] = [];
  for (const cue of cues) {
    if (cue.zh && cue.zh.length > 0) {
      out.push({
        family: cue.family,
        strength: cue.strength,
        life: cue.life,
        re: new RegExp(cue.zh.join('|'), 'g'),
        english: false,
        pairOnly: cue.pairOnly === true,
        firm: cue.firm === true,
      });
    }
    if (cue.en && cue.en.length > 0) {
      out.push({
        family: cue.family,
        strength: cue.strength,
        life: cue.life,
        re: new RegExp(englishSource(cue.en), 'g'),
        english: true,
        pairOnly: cue.pairOnly === true,
        firm: cue.firm === true,
      });
    }
  }
  return out;
}

/** A pinyin source: whole Latin words, syllables written together or apart. */
export function pinyinSource(sources: readonly string[]): string {
  return `\\b(?:${sources.map((s) => s.replace(/ /g, '\\s*')).join('|')})\\b`;
}

function compilePinyin(cues: readonly PinyinCue[]): CompiledCue[] {
  return cues.map((c) => ({
    family: c.family,
    strength: c.strength,
    life: c.life,
    re: new RegExp(pinyinSource(c.pinyin), 'g'),
    english: true,
    pairOnly: false,
    firm: false,
  }));
}

export const CUES = [...compileCues(DANGER_CUES), ...compilePinyin(PINYIN_CUES)];
export const MASK_ZH = new RegExp(NOT_DANGER.join('|'), 'g');
export const MASK_EN = new RegExp(englishSource(NOT_DANGER_EN), 'g');
export const ALARM_STRONG_RE = new RegExp([...ALARM_STRONG.map((s) => s.replace(/ /g, '\\s+')), pinyinSource(PINYIN_ALARMS)].join('|'), 'g');
export const ALARM_WEAK_RE = new RegExp(ALARM_WEAK.join('|'), 'g');

export const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
export const LATIN = /[a-z]/;

// Homophones first: they are longer than most dialect forms and never overlap them. Tone marks of
// pinyin last: single letters, read toneless (decision 0061).
const FOLD = [...HOMOPHONE_FOLD, ...DIALECT_FOLD, ...TONE_FOLD];
const DIALECT_MAP: ReadonlyMap<string, string> = new Map(FOLD);
const DIALECT_RE = new RegExp(FOLD.map(([from]) => from).join('|'), 'g');
for (const [from, to] of FOLD) if (from.length !== to.length) throw new Error(`fold ${from} → ${to} changes the length`);

/**
 * Half-width, traditional characters as simplified ones (traditional-fold.ts), ASCII lower case, ’ as ',
 * Cantonese forms and voice-to-text homophones as standard ones (DIALECT_FOLD, HOMOPHONE_FOLD), pinyin
 * tone marks dropped (TONE_FOLD): one
 * UTF-16 unit for one, so offsets stay valid.
 */
export function normalise(text: string): string {
  const half = foldTraditional(toHalfWidth(text)).replace(DIALECT_RE, (m) => DIALECT_MAP.get(m) ?? m);
  let out = '';
  for (let i = 0; i < half.length; i++) {
    const c = half.charCodeAt(i);
    if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else if (c === 0x2019 || c === 0x2018) out += "'";
    else out += half[i];
  }
  return out;
}

export function mask(text: string, re: RegExp): string {
  return text.replace(re, (m) => MASK_CHAR.repeat(m.length));
}
