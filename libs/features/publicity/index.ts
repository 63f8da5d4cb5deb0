export { PublicityFeature } from './publicity.feature.js';
export { publicityChat } from './publicity.chat.js';
export { alertOverduePromises, freezeUnitMonth, publicityJobs } from './publicity.jobs.js';
export { renderPublicPage, publicPageCsp, type PageNotice } from './publicity.page.js';
export { correctionSchema, snapshotIdSchema, snapshotListSchema } from './snapshots.usecase.js';
export { scoreByCodeSchema, scoreButton, scoreKeyword, normaliseScoreCode, SCORE_CODE_MAX_FAILURES } from './score.usecase.js';
export { publicPath } from './paths.js';
export type { PublicLists } from './public-page.usecase.js';
