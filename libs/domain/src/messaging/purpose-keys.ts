// Every message the desk sends is a sent_message row with a unique purpose key: the key makes a
// retried transaction or a re-run job write the same row again (skipped), never a second message.
// Keys are built here and only here, by name; prefixes used in look-ups come from the same
// builders, so a key and the query that finds it cannot drift apart.

type Id = string;

export const PurposeKey = {
  // --- replies to an inbound update (numbered within the turn) --------------------------------
  // `updateId` names the receiving account (bot) too; `at` (when it was handled, ms) keeps a
  // reply to an update id seen again after its marker was pruned (a new sequence) from being
  // mistaken for the old reply and skipped.
  reply: (channel: string, updateId: string, at: number, n: number) => `r.${channel}.${updateId}.${at.toString(36)}.${n}`,
  /** The polite answer to an update the inbound limit dropped (apart from its replies, were it redelivered). */
  rateLimited: (channel: string, updateId: string) => `r.${channel}.${updateId}.limited`,
  /** A multi-select menu rewritten in place after the tick of update `updateId`. */
  menuTick: (menuKey: string, updateId: string) => `${menuKey}.tick.${updateId}`,

  // --- a need's resident notices -----------------------------------------------------------
  needDispatched: (needId: Id) => `need.${needId}.dispatched`,
  needReassigned: (needId: Id, eventId: Id) => `need.${needId}.reassigned.${eventId}`,
  needEscalated: (needId: Id, dispatchId: Id) => `need.${needId}.escalated.${dispatchId}`,
  needUnrouted: (needId: Id) => `need.${needId}.unrouted`,
  needTaken: (needId: Id, claimId: Id) => `need.${needId}.taken.${claimId}`,
  needEnRoute: (needId: Id, claimId: Id) => `need.${needId}.en_route.${claimId}`,
  needReleased: (needId: Id, claimId: Id) => `need.${needId}.released.${claimId}`,
  needAskConfirm: (needId: Id, eventId: Id) => `need.${needId}.ask_confirm.${eventId}`,
  /** Every "is it done?" asked about one need (a dispute and a second finish ask again). */
  needAskConfirmsOf: (needId: Id) => `need.${needId}.ask_confirm.`,
  needAskRating: (needId: Id) => `need.${needId}.ask_rating`,
  /** The rewrite of a question once answered (its buttons gone): one per question. */
  settled: (askedKey: string) => `${askedKey}.settled`,
  /** A form's open question lost at a bot kill (uncertain), asked again once by the reconciler. */
  askedAgain: (askedKey: string) => `${askedKey}.again`,
  needRated: (needId: Id) => `need.${needId}.rated`,
  needRatingComment: (needId: Id) => `need.${needId}.rating_comment`,
  /** A message passed on between the resident and the taker (the need event that logged it). */
  needRelay: (needId: Id, eventId: Id) => `need.${needId}.relay.${eventId}`,
  needAutoConfirmed: (needId: Id) => `need.${needId}.auto_confirmed`,
  needVerified: (needId: Id) => `need.${needId}.coordinator_confirmed`,
  needCancelled: (needId: Id) => `need.${needId}.cancelled`,
  needUnfulfilled: (needId: Id) => `need.${needId}.unfulfilled`,
  /** 落实清单点评表: the invite to score (one per issued code). */
  needScoreInvite: (needId: Id, stamp: string) => `need.${needId}.score_invite.${stamp}`,
  needScored: (needId: Id) => `need.${needId}.scored`,
  /** Every status message about one need (erasure deletes them). */
  messagesOfNeed: (needId: Id) => `need.${needId}.`,

  // --- job cards (one per bound team chat, plus private cards in emergency mode) --------------
  jobCard: (dispatchId: Id, teamChatId: Id) => `card.${dispatchId}.${teamChatId}`,
  directCard: (dispatchId: Id, personId: Id) => `card.${dispatchId}.p.${personId}`,
  /** Every card of one dispatch (group and private), for editing them all. */
  cardsOf: (dispatchId: Id) => `card.${dispatchId}.`,
  directCardsOf: (dispatchId: Id) => `card.${dispatchId}.p.`,
  cardEdit: (cardKey: string, footer: string) => `${cardKey}.edit.${footer}`,
  /** A group card that turned uncertain, posted again once as a new card (decision 0004). */
  cardAgain: (cardKey: string) => `${cardKey}.again`,

  // --- the taker and the credit ---------------------------------------------------------------
  jobDetails: (claimId: Id) => `claim.${claimId}.details`,
  /** Every message about one claim (erasure deletes them). */
  messagesOfClaim: (claimId: Id) => `claim.${claimId}.`,
  claimDisputed: (claimId: Id, eventId: Id) => `claim.${claimId}.disputed.${eventId}`,
  claimTimedOut: (claimId: Id) => `claim.${claimId}.timed_out`,
  recordCredited: (recordId: Id) => `record.${recordId}.credited`,

  // --- volunteers -------------------------------------------------------------------------------
  approvalRequest: (personId: Id, teamId: Id) => `approval.${personId}.t.${teamId}`,
  approvalDecided: (personId: Id, teamId: Id) => `approval.${personId}.decided.${teamId}`,
  /** An application shown by /approve or /pending: under approvalRequest's prefix, so a decision edits it too. */
  approvalListed: (personId: Id, teamId: Id, listKey: string) => `approval.${personId}.t.${teamId}.l.${listKey}`,
  /** Every message asking about one membership (alerts and listings): what a decision rewrites. */
  approvalAsked: (personId: Id, teamId: Id) => `approval.${personId}.t.${teamId}.`,

  // --- identity -----------------------------------------------------------------------------------
  /** A link code cancelled after wrong guesses, told to the person who issued it. */
  linkCodeBurned: (personId: Id, selector: string) => `link.${personId}.burned.${selector}`,

  // --- coordinators' alerts (one per coordinator: `alert(...)` + `.personId`) -----------------
  alert: (kind: AlertKind, subjectId: string) => `alert.${kind}.${subjectId}`,
  alertTo: (alertKey: string, personId: Id) => `${alertKey}.${personId}`,

  // --- 一呼百应 calls ----------------------------------------------------------------------------
  callTally: (callId: Id) => `call.${callId}.tally`,
  callTallyVersion: (callId: Id, stamp: string) => `call.${callId}.tally.v${stamp}`,
  callTeamNotice: (callId: Id, teamChatId: Id) => `call.${callId}.team.${teamChatId}`,
  callMessage: (callId: Id, personId: Id) => `call.${callId}.m.${personId}`,
  callMessagesOf: (callId: Id) => `call.${callId}.m.`,
  /** The reply to one recorded press of 参加 / 不能参加 (written when the press is applied). */
  callPressReply: (callId: Id, pressId: string) => `call.${callId}.press.${pressId}`,
  callPromoted: (callId: Id, personId: Id) => `call.${callId}.promoted.${personId}`,
  callNudge: (callId: Id, personId: Id) => `call.${callId}.nudge.${personId}`,
  callNudgesOf: (callId: Id) => `call.${callId}.nudge.`,
  /** The rewrite of a recipient's call message or nudge after an answer (`stamp`: when, and which message). */
  callAnswered: (callId: Id, personId: Id, stamp: string) => `call.${callId}.answered.${personId}.${stamp}`,
  callCancelled: (callId: Id, personId: Id) => `call.${callId}.cancelled.${personId}`,
  callCancelledOf: (callId: Id) => `call.${callId}.cancelled.`,
  callReminder: (callId: Id, minutes: number, personId: Id) => `call.${callId}.remind${minutes}.${personId}`,
  callCredited: (callId: Id, personId: Id) => `call.${callId}.credited.${personId}`,
  /** To the call's creator at the finish: who checked in and never out (credited only when confirmed). */
  callUnconfirmed: (callId: Id) => `call.${callId}.unconfirmed`,
} as const;

export type AlertKind =
  | 'escalated'
  | 'unrouted'
  | 'released'
  | 'disputed'
  | 'review'
  | 'wechat_breaker'
  | 'danger'
  | 'self_harm'
  | 'dead_letter'
  | 'claim_timeout'
  | 'report_drift'
  | 'promise_overdue'
  | 'uncertain';

/**
 * The SQL twin of `PurposeKey.callMessage`, for joins over many recipients at once (the
 * delivery counts); a unit test holds the two together.
 */
export const CALL_MESSAGE_KEY_SQL = `'call.' || cr."callId" || '.m.' || cr."personId"`;
