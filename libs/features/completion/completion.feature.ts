import { CommentOnRating } from './comment-on-rating.usecase.js';
import { CreditTimeout } from './credit-timeout.usecase.js';
import { OwnNeedStatus } from './need-status.usecase.js';
import { RateService } from './rate-service.usecase.js';
import { RespondToCompletion } from './respond-to-completion.usecase.js';
import { VerifyCompletion } from './verify-completion.usecase.js';

/** 群众评单: confirmation, dispute, rating and the credit of hours and points. */
export class CompletionFeature {
  readonly respond = new RespondToCompletion();
  readonly rate = new RateService();
  readonly comment = new CommentOnRating();
  readonly status = new OwnNeedStatus();
  readonly creditTimeout = new CreditTimeout();
  readonly verify = new VerifyCompletion();
}
