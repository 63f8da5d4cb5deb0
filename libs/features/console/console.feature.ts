import { ListAudit } from './console-audit.usecase.js';
import { ListCalls } from './console-calls.usecase.js';
import { GetDispatchBoard } from './console-dispatch.usecase.js';
import { ListNeeds } from './console-needs-list.usecase.js';
import { NeedDetail, RevealNeed } from './console-needs.usecase.js';
import { DeleteSavedFilter, ListSavedFilters, SaveFilter } from './console-saved-filters.usecase.js';

/** The coordinators' console (管理后台): what its API reads and does, scoped on the server. */
export class ConsoleFeature {
  readonly listNeeds = new ListNeeds();
  readonly savedFilters = new ListSavedFilters();
  readonly saveFilter = new SaveFilter();
  readonly deleteSavedFilter = new DeleteSavedFilter();
  readonly needDetail = new NeedDetail();
  readonly reveal = new RevealNeed();
  readonly audit = new ListAudit();
  readonly listCalls = new ListCalls();
  readonly dispatchBoard = new GetDispatchBoard();
}
