// Searches captured text for planted personal data and keeps every hit with where it was found.
// A hit is allowed only where the caller says so (the owner's own chat, the taker's details);
// anything else is a leak.
import { needlesOf, type Needle, type Planted } from './planted.js';

export type Source =
  'log' | 'redis-command' | 'redis-key' | 'redis-value' | 'telegram-message' | 'wechat-message' | 'web-message' | 'sent-message' | 'database';

export interface Hit {
  source: Source;
  /** Where exactly: a log line number, a key, a chat id and message, a table.column and row. */
  where: string;
  label: string;
  form: string;
  /** The text around the hit. */
  excerpt: string;
  /** Why it is allowed, or null for a leak. */
  allowedAs: string | null;
}

/** Says whether a planted value may appear in a place, and as what (null: it may not). */
export type Allow = (p: Planted) => string | null;

export const nowhere: Allow = () => null;

export class LeakScanner {
  private needles: Needle[] = [];
  /** A quick pre-check: one alternation of every form. */
  private any: RegExp = /$^/;
  readonly hits: Hit[] = [];
  /** Items scanned per source (lines, commands, keys, values, messages, cells). */
  readonly scanned = new Map<Source, number>();
  /** Characters scanned per source. */
  readonly chars = new Map<Source, number>();

  constructor(readonly planted: Planted[]) {
    this.reindex();
  }

  /** After a planted value changed (e.g. it learned its need's code) or values were added. */
  reindex(): void {
    this.needles = this.planted.flatMap(needlesOf);
    this.any = new RegExp(this.needles.map((n) => n.re.source).join('|'));
  }

  plant(p: Planted): Planted {
    this.planted.push(p);
    this.reindex();
    return p;
  }

  /** Scans one item of a source. */
  scan(source: Source, where: string, text: string, allow: Allow = nowhere): void {
    this.scanned.set(source, (this.scanned.get(source) ?? 0) + 1);
    this.chars.set(source, (this.chars.get(source) ?? 0) + text.length);
    if (!this.any.test(text)) return;
    for (const n of this.needles) {
      const m = n.re.exec(text);
      if (!m) continue;
      const from = Math.max(0, m.index - 60);
      this.hits.push({
        source,
        where,
        label: n.planted.label,
        form: n.form,
        excerpt: text.slice(from, m.index + m[0].length + 60).replace(/\s+/g, ' '),
        allowedAs: allow(n.planted),
      });
    }
  }

  leaks(): Hit[] {
    return this.hits.filter((h) => h.allowedAs === null);
  }

  /** A readable list of hits, one per line (the report a failing assertion shows). */
  static describe(hits: Hit[]): string {
    return hits.map((h) => `${h.label} [${h.form}] in ${h.source} ${h.where}${h.allowedAs ? ` (allowed: ${h.allowedAs})` : ''}: …${h.excerpt}…`).join('\n');
  }
}
