import type { UnitOfWork } from '@baiying/kernel';
import { CleanupExports, DownloadExport, ExportStatus, ListExports, RequestExport, RunExport } from './exports.usecase.js';
import { CreatePullToken, ListPullTokens, PullCsv, RevokePullToken } from './pull-tokens.usecase.js';

/** Exports (报表): files built by the worker, download links that expire, pull tokens. */
export class ExportsFeature {
  readonly request = new RequestExport();
  readonly status = new ExportStatus();
  readonly list = new ListExports();
  readonly download = new DownloadExport();
  readonly cleanup = new CleanupExports();
  readonly run: RunExport;
  readonly createToken = new CreatePullToken();
  readonly listTokens = new ListPullTokens();
  readonly revokeToken = new RevokePullToken();
  readonly pull: PullCsv;

  constructor(uow: UnitOfWork) {
    this.run = new RunExport(uow);
    this.pull = new PullCsv(uow);
  }
}
