// Saved filters of the console's needs list (decision 0034): each person's own, a name and the
// list's query string (checked as the list checks it), at most SAVED_FILTERS_MAX. Someone
// else's filter answers exactly like a missing one.
import { err, ok, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import type { ConsolePrincipal } from '../sessions/index.js';
import { SAVED_FILTERS_MAX, savedFilterSchema } from './needs-list.schemas.js';
import type { SavedFilter } from '@baiying/contracts';

const view = (r: { id: string; name: string; query: string; createdAt: Date }): SavedFilter => ({
  id: r.id,
  name: r.name,
  query: r.query,
  createdAt: r.createdAt.toISOString(),
});

export class ListSavedFilters {
  async execute(w: Work, p: ConsolePrincipal): Promise<Result<{ items: SavedFilter[]; max: number }>> {
    return ok({ items: (await w.repos.console.savedFilters(p.personId)).map(view), max: SAVED_FILTERS_MAX });
  }
}

export class SaveFilter {
  /** Saves under a name (the same name again replaces its query); refused past the cap. */
  async execute(w: Work, p: ConsolePrincipal, input: unknown): Promise<Result<SavedFilter>> {
    const cmd = parseCommand(savedFilterSchema, input);
    if (!cmd.ok) return cmd;
    const row = await w.repos.console.saveFilter(p.personId, cmd.value.name, cmd.value.query, SAVED_FILTERS_MAX, w.now);
    return row ? ok(view(row)) : err('console/too_many_filters', { max: SAVED_FILTERS_MAX });
  }
}

export class DeleteSavedFilter {
  async execute(w: Work, p: ConsolePrincipal, input: { id: string }): Promise<Result<{ deleted: true }>> {
    return (await w.repos.console.deleteSavedFilter(p.personId, input.id)) ? ok({ deleted: true }) : err('console/not_found');
  }
}
