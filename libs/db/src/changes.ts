// What one transaction changed that the console shows live: needs, calls, console logins and
// sessions. The repositories note ids here as they write; after commit the unit of work
// publishes one live event per id (decision 0028). Notes from a rolled-back transaction are
// dropped with it.
export class Changes {
  readonly needs = new Set<string>();
  readonly calls = new Set<string>();
  readonly logins = new Set<string>();
  readonly sessions = new Set<string>();

  get empty(): boolean {
    return this.needs.size + this.calls.size + this.logins.size + this.sessions.size === 0;
  }
}
