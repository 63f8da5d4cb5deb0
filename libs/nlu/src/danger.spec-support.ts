// Assertions the danger check's reading specs share: the message is read at this level with this
// family among its families, or read as nothing. The text is in every comparison, so a failure
// names the message. A spec-support file: left out of the build (tsconfig.build.json).
import { assessDanger, DangerDetector } from './danger.detector.js';
import type { DangerFamily, DangerLevel } from './nlu.types.js';

export function expectFound(text: string, family: DangerFamily | null, level: DangerLevel = 'likely'): void {
  const a = assessDanger(text);
  expect({ text, level: a.level }).toEqual({ text, level });
  if (family !== null) expect({ text, families: a.families }).toEqual({ text, families: expect.arrayContaining([family]) as unknown });
}

export function expectNone(text: string): void {
  expect({ text, level: assessDanger(text).level }).toEqual({ text, level: 'none' });
}

/** The rules alone (no learned backup): a pass's own readings are tested by themselves. */
export const rulesOnly = new DangerDetector({ training: [] });

/** The rules alone read the message at this level with this family among its families. */
export function expectRuleRead(text: string, family: DangerFamily, level: DangerLevel = 'likely'): void {
  const a = rulesOnly.assess(text);
  expect({ text, level: a.level, found: a.families.includes(family) }).toEqual({ text, level, found: true });
}

/** The rules alone read the message as nothing. */
export function expectRuleNone(text: string): void {
  expect({ text, level: rulesOnly.assess(text).level }).toEqual({ text, level: 'none' });
}
