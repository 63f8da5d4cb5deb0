// Names for prepared statements (decision 0072). A named statement is parsed once per connection,
// the driver then sends only Bind/Execute for it, and after five runs PostgreSQL may keep a generic
// plan for it (the saving measured; also why only the bot, whose statements are a few texts run
// again and again, prepares). Prisma's pg adapter asks for a name for every statement it sends
// (`statementNameGenerator`); this gives one to a statement text only once it has come back, and
// to a bounded number of texts per process, so that what every connection keeps in PostgreSQL stays
// bounded too. Not for a pooler in transaction mode (PgBouncer before 1.21 and the like): there
// prepared statements must be off (max 0).
import { createHash } from 'node:crypto';

/** What the pg adapter hands the generator (only the text matters here). */
export interface NamedQuery {
  readonly sql: string;
}

export class StatementNames {
  private readonly named = new Map<string, string>();
  private readonly seen = new Set<string>();

  /**
   * @param max statement texts named per process, at most (0 = none: every statement unnamed)
   * @param track texts remembered as seen once, at most (the set is cleared when full)
   */
  constructor(
    readonly max: number,
    private readonly track = 4096,
  ) {}

  /** The name for this text, or '' (the driver's unnamed statement, parsed on every run). */
  name(query: NamedQuery): string {
    const { sql } = query;
    const known = this.named.get(sql);
    if (known !== undefined) return known;
    if (this.named.size >= this.max) return '';
    if (!this.seen.has(sql)) {
      if (this.seen.size >= this.track) this.seen.clear();
      this.seen.add(sql);
      return '';
    }
    this.seen.delete(sql);
    const name = `by_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    this.named.set(sql, name);
    return name;
  }

  /** How many texts have a name (metrics, tests). */
  get size(): number {
    return this.named.size;
  }
}
