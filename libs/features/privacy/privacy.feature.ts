import { ApplyRetention } from './apply-retention.usecase.js';
import { ErasePerson } from './erase-person.usecase.js';
import { RequestErasure } from './request-erasure.usecase.js';

/** Privacy: erasure on request (删除我的数据, /erase) and retention (docs/privacy.md). */
export class PrivacyFeature {
  readonly requestErasure = new RequestErasure();
  readonly erase = new ErasePerson();
  readonly retention = new ApplyRetention();
}
