// Purpose keys: the exact keys, no two families sharing a key, the prefixes used in look-ups
// finding their keys and only those, and the SQL twin of the call message key.
import { CALL_MESSAGE_KEY_SQL, PurposeKey } from './purpose-keys.js';

const NEED = '11111111-1111-4111-8111-111111111111';
const CLAIM = '22222222-2222-4222-8222-222222222222';
const EVENT = '33333333-3333-4333-8333-333333333333';
const DISPATCH = '44444444-4444-4444-8444-444444444444';
const CHAT = '55555555-5555-4555-8555-555555555555';
const PERSON = '66666666-6666-4666-8666-666666666666';
const CALL = '77777777-7777-4777-8777-777777777777';
const OTHER = '88888888-8888-4888-8888-888888888888';

/** Every builder with sample arguments, and the key it must build. */
const KEYS: Record<keyof typeof PurposeKey, [string, string]> = {
  reply: [PurposeKey.reply('telegram', '7001:90071', 1764000000000, 2), 'r.telegram.7001:90071.midc1z40.2'],
  rateLimited: [PurposeKey.rateLimited('telegram', '90071'), 'r.telegram.90071.limited'],
  menuTick: [PurposeKey.menuTick('r.web.c1.k.0', 'c9'), 'r.web.c1.k.0.tick.c9'],
  needDispatched: [PurposeKey.needDispatched(NEED), `need.${NEED}.dispatched`],
  needReassigned: [PurposeKey.needReassigned(NEED, EVENT), `need.${NEED}.reassigned.${EVENT}`],
  needEscalated: [PurposeKey.needEscalated(NEED, DISPATCH), `need.${NEED}.escalated.${DISPATCH}`],
  needUnrouted: [PurposeKey.needUnrouted(NEED), `need.${NEED}.unrouted`],
  needTaken: [PurposeKey.needTaken(NEED, CLAIM), `need.${NEED}.taken.${CLAIM}`],
  needEnRoute: [PurposeKey.needEnRoute(NEED, CLAIM), `need.${NEED}.en_route.${CLAIM}`],
  needReleased: [PurposeKey.needReleased(NEED, CLAIM), `need.${NEED}.released.${CLAIM}`],
  needAskConfirm: [PurposeKey.needAskConfirm(NEED, EVENT), `need.${NEED}.ask_confirm.${EVENT}`],
  needAskConfirmsOf: [PurposeKey.needAskConfirmsOf(NEED), `need.${NEED}.ask_confirm.`],
  needAskRating: [PurposeKey.needAskRating(NEED), `need.${NEED}.ask_rating`],
  settled: [PurposeKey.settled(`need.${NEED}.ask_rating`), `need.${NEED}.ask_rating.settled`],
  askedAgain: [PurposeKey.askedAgain('r.telegram.8.lz1.0'), 'r.telegram.8.lz1.0.again'],
  needRated: [PurposeKey.needRated(NEED), `need.${NEED}.rated`],
  needRatingComment: [PurposeKey.needRatingComment(NEED), `need.${NEED}.rating_comment`],
  needRelay: [PurposeKey.needRelay(NEED, EVENT), `need.${NEED}.relay.${EVENT}`],
  needAutoConfirmed: [PurposeKey.needAutoConfirmed(NEED), `need.${NEED}.auto_confirmed`],
  needVerified: [PurposeKey.needVerified(NEED), `need.${NEED}.coordinator_confirmed`],
  needCancelled: [PurposeKey.needCancelled(NEED), `need.${NEED}.cancelled`],
  needUnfulfilled: [PurposeKey.needUnfulfilled(NEED), `need.${NEED}.unfulfilled`],
  needScoreInvite: [PurposeKey.needScoreInvite(NEED, 'abc'), `need.${NEED}.score_invite.abc`],
  needScored: [PurposeKey.needScored(NEED), `need.${NEED}.scored`],
  messagesOfNeed: [PurposeKey.messagesOfNeed(NEED), `need.${NEED}.`],
  jobCard: [PurposeKey.jobCard(DISPATCH, CHAT), `card.${DISPATCH}.${CHAT}`],
  directCard: [PurposeKey.directCard(DISPATCH, PERSON), `card.${DISPATCH}.p.${PERSON}`],
  cardsOf: [PurposeKey.cardsOf(DISPATCH), `card.${DISPATCH}.`],
  directCardsOf: [PurposeKey.directCardsOf(DISPATCH), `card.${DISPATCH}.p.`],
  cardEdit: [PurposeKey.cardEdit(PurposeKey.jobCard(DISPATCH, CHAT), 'card.taken'), `card.${DISPATCH}.${CHAT}.edit.card.taken`],
  cardAgain: [PurposeKey.cardAgain(PurposeKey.jobCard(DISPATCH, CHAT)), `card.${DISPATCH}.${CHAT}.again`],
  jobDetails: [PurposeKey.jobDetails(CLAIM), `claim.${CLAIM}.details`],
  messagesOfClaim: [PurposeKey.messagesOfClaim(CLAIM), `claim.${CLAIM}.`],
  claimDisputed: [PurposeKey.claimDisputed(CLAIM, EVENT), `claim.${CLAIM}.disputed.${EVENT}`],
  claimTimedOut: [PurposeKey.claimTimedOut(CLAIM), `claim.${CLAIM}.timed_out`],
  recordCredited: [PurposeKey.recordCredited(EVENT), `record.${EVENT}.credited`],
  approvalRequest: [PurposeKey.approvalRequest(PERSON, CHAT), `approval.${PERSON}.t.${CHAT}`],
  approvalDecided: [PurposeKey.approvalDecided(PERSON, CHAT), `approval.${PERSON}.decided.${CHAT}`],
  approvalListed: [PurposeKey.approvalListed(PERSON, CHAT, 'web.c1.7'), `approval.${PERSON}.t.${CHAT}.l.web.c1.7`],
  approvalAsked: [PurposeKey.approvalAsked(PERSON, CHAT), `approval.${PERSON}.t.${CHAT}.`],
  linkCodeBurned: [PurposeKey.linkCodeBurned(PERSON, 'K7QM'), `link.${PERSON}.burned.K7QM`],
  alert: [PurposeKey.alert('escalated', DISPATCH), `alert.escalated.${DISPATCH}`],
  alertTo: [PurposeKey.alertTo(PurposeKey.alert('review', NEED), PERSON), `alert.review.${NEED}.${PERSON}`],
  callTally: [PurposeKey.callTally(CALL), `call.${CALL}.tally`],
  callTallyVersion: [PurposeKey.callTallyVersion(CALL, '1764000000000'), `call.${CALL}.tally.v1764000000000`],
  callTeamNotice: [PurposeKey.callTeamNotice(CALL, CHAT), `call.${CALL}.team.${CHAT}`],
  callMessage: [PurposeKey.callMessage(CALL, PERSON), `call.${CALL}.m.${PERSON}`],
  callMessagesOf: [PurposeKey.callMessagesOf(CALL), `call.${CALL}.m.`],
  callPressReply: [PurposeKey.callPressReply(CALL, '42'), `call.${CALL}.press.42`],
  callPromoted: [PurposeKey.callPromoted(CALL, PERSON), `call.${CALL}.promoted.${PERSON}`],
  callNudge: [PurposeKey.callNudge(CALL, PERSON), `call.${CALL}.nudge.${PERSON}`],
  callNudgesOf: [PurposeKey.callNudgesOf(CALL), `call.${CALL}.nudge.`],
  callAnswered: [PurposeKey.callAnswered(CALL, PERSON, 'k1.m'), `call.${CALL}.answered.${PERSON}.k1.m`],
  callCancelled: [PurposeKey.callCancelled(CALL, PERSON), `call.${CALL}.cancelled.${PERSON}`],
  callCancelledOf: [PurposeKey.callCancelledOf(CALL), `call.${CALL}.cancelled.`],
  callReminder: [PurposeKey.callReminder(CALL, 1440, PERSON), `call.${CALL}.remind1440.${PERSON}`],
  callCredited: [PurposeKey.callCredited(CALL, PERSON), `call.${CALL}.credited.${PERSON}`],
  callUnconfirmed: [PurposeKey.callUnconfirmed(CALL), `call.${CALL}.unconfirmed`],
};

/** Builders that make look-up prefixes, not keys of messages. */
const PREFIXES = new Set<keyof typeof PurposeKey>([
  'cardsOf',
  'directCardsOf',
  'callMessagesOf',
  'callNudgesOf',
  'callCancelledOf',
  'messagesOfNeed',
  'messagesOfClaim',
  'approvalAsked',
  'needAskConfirmsOf',
]);

describe('PurposeKey', () => {
  it.each(Object.entries(KEYS))('%s builds its exact key', (_name, [built, expected]) => {
    expect(built).toBe(expected);
  });

  it('has a case here for every builder', () => {
    expect(Object.keys(KEYS).sort()).toEqual(Object.keys(PurposeKey).sort());
  });

  it('never builds one key for two purposes', () => {
    const keys = Object.entries(KEYS)
      .filter(([name]) => !PREFIXES.has(name as keyof typeof PurposeKey))
      .map(([, [k]]) => k);
    expect(new Set(keys).size).toBe(keys.length);
    // Reminders at two lead times are two messages.
    expect(PurposeKey.callReminder(CALL, 1440, PERSON)).not.toBe(PurposeKey.callReminder(CALL, 120, PERSON));
  });

  it('makes every prefix a prefix of the keys it looks for', () => {
    const cards = [PurposeKey.jobCard(DISPATCH, CHAT), PurposeKey.directCard(DISPATCH, PERSON), PurposeKey.cardAgain(PurposeKey.jobCard(DISPATCH, CHAT))];
    for (const k of cards) expect(k.startsWith(PurposeKey.cardsOf(DISPATCH))).toBe(true);
    expect(PurposeKey.directCard(DISPATCH, PERSON).startsWith(PurposeKey.directCardsOf(DISPATCH))).toBe(true);
    expect(PurposeKey.callMessage(CALL, PERSON).startsWith(PurposeKey.callMessagesOf(CALL))).toBe(true);
    expect(PurposeKey.callNudge(CALL, PERSON).startsWith(PurposeKey.callNudgesOf(CALL))).toBe(true);
    expect(PurposeKey.needAskConfirm(NEED, EVENT).startsWith(PurposeKey.needAskConfirmsOf(NEED))).toBe(true);
    expect(PurposeKey.callCancelled(CALL, PERSON).startsWith(PurposeKey.callCancelledOf(CALL))).toBe(true);
    // Erasure finds every message about a need or a claim, and none about another.
    const aboutNeed = (Object.entries(KEYS) as Array<[string, [string, string]]>).filter(([n]) => n.startsWith('need')).map(([, [k]]) => k);
    for (const k of aboutNeed) expect(k.startsWith(PurposeKey.messagesOfNeed(NEED))).toBe(true);
    for (const k of [PurposeKey.jobDetails(CLAIM), PurposeKey.claimDisputed(CLAIM, EVENT), PurposeKey.claimTimedOut(CLAIM)])
      expect(k.startsWith(PurposeKey.messagesOfClaim(CLAIM))).toBe(true);
    expect(PurposeKey.needTaken(OTHER, CLAIM).startsWith(PurposeKey.messagesOfNeed(NEED))).toBe(false);
    // What follows the prefix is the person (the delivery counts read it back).
    expect(PurposeKey.callMessage(CALL, PERSON).slice(PurposeKey.callMessagesOf(CALL).length)).toBe(PERSON);
    expect(PurposeKey.directCard(DISPATCH, PERSON).slice(PurposeKey.directCardsOf(DISPATCH).length)).toBe(PERSON);
  });

  it('makes no prefix find the keys of another family or another subject', () => {
    const isUnder = (key: string, prefix: string) => key.startsWith(prefix);
    expect(isUnder(PurposeKey.jobCard(DISPATCH, CHAT), PurposeKey.directCardsOf(DISPATCH))).toBe(false);
    expect(isUnder(PurposeKey.jobCard(OTHER, CHAT), PurposeKey.cardsOf(DISPATCH))).toBe(false);
    const callKeys = [
      PurposeKey.callTally(CALL),
      PurposeKey.callTeamNotice(CALL, CHAT),
      PurposeKey.callPromoted(CALL, PERSON),
      PurposeKey.callReminder(CALL, 60, PERSON),
      PurposeKey.callCredited(CALL, PERSON),
      PurposeKey.callUnconfirmed(CALL),
      PurposeKey.callAnswered(CALL, PERSON, 'k1.m'),
    ];
    const families = [
      [PurposeKey.callMessagesOf(CALL), PurposeKey.callMessage(CALL, PERSON)],
      [PurposeKey.callNudgesOf(CALL), PurposeKey.callNudge(CALL, PERSON)],
      [PurposeKey.callCancelledOf(CALL), PurposeKey.callCancelled(CALL, PERSON)],
    ] as const;
    for (const [prefix, own] of families) {
      const others = [...callKeys, ...families.map(([, k]) => k).filter((k) => k !== own), own.replace(CALL, OTHER)];
      for (const k of others) expect({ prefix, k, under: isUnder(k, prefix) }).toEqual({ prefix, k, under: false });
    }
  });
});

/** Evaluates a concatenation of SQL string literals ('a' || 'b'), the only SQL the twin uses once its columns are values. */
function concatSql(sql: string): string {
  return sql
    .split('||')
    .map((part) => {
      const m = /^\s*'((?:[^']|'')*)'\s*$/.exec(part);
      if (!m) throw new Error(`not a string literal: ${part}`);
      return m[1]!.replace(/''/g, "'");
    })
    .join('');
}

describe('CALL_MESSAGE_KEY_SQL', () => {
  it('builds the same key as PurposeKey.callMessage for a recipient row', () => {
    const row = { callId: CALL, personId: PERSON };
    const sql = CALL_MESSAGE_KEY_SQL.replace('cr."callId"', `'${row.callId}'`).replace('cr."personId"', `'${row.personId}'`);
    expect(sql).not.toContain('cr.');
    expect(concatSql(sql)).toBe(PurposeKey.callMessage(row.callId, row.personId));
  });

  it('reads the columns of call_recipient as cr', () => {
    expect(CALL_MESSAGE_KEY_SQL.match(/cr\."\w+"/g)).toEqual(['cr."callId"', 'cr."personId"']);
  });
});
