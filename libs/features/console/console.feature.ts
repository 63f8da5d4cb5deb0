import type { CompletionFeature } from '../completion/index.js';
import type { CoordinationFeature } from '../coordination/index.js';
import type { IntakeFeature } from '../intake/index.js';
import type { RoutingFeature } from '../routing/index.js';
import { ListAudit } from './console-audit.usecase.js';
import { ListCalls } from './console-calls.usecase.js';
import { CorrectionStats } from './console-corrections.usecase.js';
import { GetDispatchBoard } from './console-dispatch.usecase.js';
import { NeedActions } from './console-need-actions.usecase.js';
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
  readonly correctionStats = new CorrectionStats();
  /** The need page's actions: the chat's own use cases (reassign, close, verify, cancel, category). */
  readonly needActions: NeedActions;

  constructor(f: { routing: RoutingFeature; coordination: CoordinationFeature; completion: CompletionFeature; intake: IntakeFeature }) {
    this.needActions = new NeedActions(f);
  }
}
