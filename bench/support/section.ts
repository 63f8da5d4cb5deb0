// A bench section: one function returning one JSON object. bench/run.ts runs the listed
// sections in order, starting or stopping the apps as each one requires; a new section
// (e.g. "broadcast") is one more entry in that list.
import type { BenchContext } from './context.js';

export interface Section<T extends object = object> {
  /** Key of the section's object in bench/results/latest.json. */
  key: string;
  title: string;
  /** 'running': the bot and worker must be up; 'stopped': they must be down (nothing competes for the CPU). */
  apps: 'running' | 'stopped';
  run(ctx: BenchContext): Promise<T>;
}

/** Helps TypeScript keep each section's own result type while listing them together. */
export function section<T extends object>(s: Section<T>): Section<T> {
  return s;
}
