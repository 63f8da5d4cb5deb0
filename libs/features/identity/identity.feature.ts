import { AuthenticateAdmin, AuthenticateToken } from './authenticate-token.usecase.js';
import { IssueApiToken } from './issue-api-token.usecase.js';
import { IssueLinkCode } from './issue-link-code.usecase.js';
import { LinkAccount } from './link-account.usecase.js';

/** Identity: one person across channels; personal API tokens. */
export class IdentityFeature {
  readonly issueLinkCode = new IssueLinkCode();
  readonly link = new LinkAccount();
  readonly issueApiToken = new IssueApiToken();
  readonly authenticateToken = new AuthenticateToken();
  readonly authenticateAdmin = new AuthenticateAdmin();
}
