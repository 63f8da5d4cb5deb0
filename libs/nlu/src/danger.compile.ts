// Compiling a message's cues into signals (steps 3–4 in danger.detector.ts): normalise and mask the
// message, find the cues of every family (danger.cues.ts), set aside those a resolution, an animal,
// the context or a denial answers (danger.context.ts, danger.scope.ts), and keep one signal per
// place and family. danger.detector.ts weighs what is left into a level.
import { CJK, CUES, LATIN, mask, MASK_EN, MASK_ZH, normalise } from './danger.cues.js';
import { weigh } from './danger.context.js';
import { clauseBreaks, messageContext, resolutions, type MessageContext, type Span } from './danger.message.js';
import { aboutAnimal, isNegated, turnContexts } from './danger.scope.js';
import type { DangerFamily } from './nlu.types.js';

// Families whose weak cues a question about routine care (a vaccine, a plaster) sets aside.
const MINOR_INJURY_FAMILIES: ReadonlySet<DangerFamily> = new Set<DangerFamily>(['fall', 'bleeding', 'unconscious']);

/** A cue found in the message: its family, strength and span in the normalised text. */
export interface Candidate extends Span {
  family: DangerFamily;
  strength: 'strong' | 'weak';
  life: boolean | undefined;
  english: boolean;
  pairOnly: boolean;
  firm: boolean;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** A message read for cues: its normalised and masked text, clause breaks, whole-message context, every cue found and the signals kept. */
export interface CompiledSignals {
  normal: string;
  masked: string;
  breaks: Uint8Array;
  ctx: MessageContext;
  candidates: Candidate[];
  signals: Candidate[];
}

/** Every cue of the vocabulary found in the (normalised, masked) text. */
function findCandidates(masked: string, hasCjk: boolean, hasLatin: boolean): Candidate[] {
  const candidates: Candidate[] = [];
  for (const cue of CUES) {
    if (cue.english ? !hasLatin : !hasCjk) continue;
    cue.re.lastIndex = 0;
    for (let m = cue.re.exec(masked); m !== null; m = cue.re.exec(masked)) {
      if (m[0].length === 0) {
        cue.re.lastIndex++;
        continue;
      }
      candidates.push({
        family: cue.family,
        strength: cue.strength,
        life: cue.life,
        english: cue.english,
        pairOnly: cue.pairOnly,
        firm: cue.firm,
        start: m.index,
        end: m.index + m[0].length,
      });
      cue.re.lastIndex = m.index + 1;
    }
  }
  return candidates;
}

/** The cues of a message, and the signals left once each is weighed in its clause and context. */
export function compileSignals(input: string): CompiledSignals {
  const normal = normalise(input);
  const hasCjk = CJK.test(normal);
  const hasLatin = LATIN.test(normal);
  let masked = hasCjk ? mask(normal, MASK_ZH) : normal;
  if (hasLatin) masked = mask(masked, MASK_EN);
  const breaks = clauseBreaks(normal);
  const candidates = findCandidates(masked, hasCjk, hasLatin);

  const resolved = candidates.length > 0 ? resolutions(normal) : [];
  const { whole: ctx, at: contextAt } = turnContexts(normal, messageContext);
  const kept: Candidate[] = [];
  // A family the resident denies outright ("没有着火，就是有点焦味") loses its weak cues too.
  const denied = new Set<DangerFamily>();
  for (const c of candidates) {
    // A resolution after the cue, or inside a cue that runs on past a clause end ("井塌了一角，没人掉下去").
    if (
      resolved.some(
        (r) => (r.start >= c.end || (r.start > c.start && breaks.subarray(c.start, r.start).includes(1))) && (r.families === 'all' || r.families.has(c.family)),
      )
    )
      continue;
    const cctx = contextAt(c.start);
    if (aboutAnimal(normal, breaks, cctx, c)) continue;
    const verdict = weigh(normal, breaks, cctx, c);
    // A weak cue beside a gripe about a thing, or an injury beside a question about routine care.
    if (c.strength === 'weak' && ((cctx.gripe && c.family === 'self_harm') || (cctx.routineCare && MINOR_INJURY_FAMILIES.has(c.family) && !c.firm))) continue;
    if (verdict === 'drop' || (verdict === 'demote' && c.strength === 'weak')) {
      if (c.strength === 'strong' && isNegated(normal, breaks, c)) denied.add(c.family);
      continue;
    }
    kept.push(verdict !== 'keep' && c.strength === 'strong' ? { ...c, strength: 'weak', life: false } : c);
  }
  if (denied.size > 0) {
    for (let i = kept.length - 1; i >= 0; i--) if (kept[i]!.strength === 'weak' && denied.has(kept[i]!.family)) kept.splice(i, 1);
  }

  // One signal per place and family: a weak cue inside a strong one of its family (or a shorter
  // one inside a longer one of the same strength, or the same span twice) says nothing more.
  const signals = kept.filter(
    (c, i) =>
      !kept.some(
        (o, j) =>
          o !== c &&
          o.family === c.family &&
          overlaps(o, c) &&
          ((o.strength === 'strong' && c.strength === 'weak') ||
            (o.strength === c.strength &&
              (o.end - o.start > c.end - c.start || (o.end - o.start === c.end - c.start && (o.start < c.start || (o.start === c.start && j < i)))))),
      ),
  );
  signals.sort((a, b) => a.start - b.start || a.end - b.end);
  return { normal, masked, breaks, ctx, candidates, signals };
}
