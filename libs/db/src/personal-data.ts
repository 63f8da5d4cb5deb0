// The register of personal data columns: the ONE place that says which column of which table
// holds a person's data and what erasure or anonymisation does to it. The privacy repository
// builds its statements from this list, and docs/privacy.md describes it (what is kept, why,
// for how long). A column added, renamed or encrypted elsewhere is updated here only.

/**
 * What anonymisation writes into a column:
 * - `null`: the value is dropped;
 * - `erasedCipher`: a NOT NULL encrypted column gets the encrypted erasure marker (readers still decrypt it);
 * - `emptyJson`: a JSON column becomes `{}`;
 * - `emptyText`: a NOT NULL text column becomes '';
 * - `pseudonym`: a random display name, encrypted like every name (the row stays for statistics and the ledger).
 */
export type Treatment = 'null' | 'erasedCipher' | 'emptyJson' | 'emptyText' | 'pseudonym';

/** The columns of a table anonymised in place (the rows stay). */
export type ColumnRegister = Readonly<Record<string, Treatment>>;

export const PERSONAL_DATA = {
  /** The person row itself: kept (the ledger points at it) under a random name. */
  person: { displayNameEnc: 'pseudonym', displayName: 'null', phoneEnc: 'null', phoneHash: 'null' },
  /** A need's resident-given details; category, station, status and times stay for statistics. */
  need: {
    descriptionEnc: 'erasedCipher',
    addressEnc: 'null',
    locationEnc: 'null',
    phoneEnc: 'null',
    wantedTimeEnc: 'null',
    closeReasonEnc: 'null',
    // Legacy clear columns (emptied by keys:rotate; decision 0017).
    wantedTime: 'null',
    closeReason: 'null',
  },
  /** Event payloads may quote reasons and answers; type, actor id and time stay. */
  need_event: { data: 'emptyJson' },
  /** A volunteer's free-text reason for giving a job back. */
  claim: { releaseReasonEnc: 'null', releaseReason: 'null' },
  /** A resident's comment; the score stays (volunteers' stars). */
  rating: { commentEnc: 'null', comment: 'null' },
  /** A coordinator's correction keeps its label; the quoted description goes. */
  nlu_correction: { textEnc: 'erasedCipher' },
  /** A call's recipient keeps answer, roster and hours; the chat address goes. */
  call_recipient: { chatId: 'emptyText' },
} as const satisfies Readonly<Record<string, ColumnRegister>>;

export type PersonalTable = keyof typeof PERSONAL_DATA;

/**
 * Rows deleted outright when their person is erased (nothing in them is needed afterwards):
 * the accounts that reach them, their chats' dialogue state, messages and sessions, one-time
 * codes, console logins and saved filters, API tokens, roles and a need's attachments (platform file ids of their photos).
 */
export const ERASED_ROWS = [
  'channel_identity',
  'conversation_state',
  'sent_message',
  'web_message',
  'web_session',
  'console_login',
  'link_code',
  'api_token',
  'role_assignment',
  'attachment',
  'console_saved_filter',
] as const;

/** What anonymisation writes where a register says `erasedCipher` or `pseudonym`. */
export interface AnonymiseValues {
  erasedCipher: string;
  /** The random display name, encrypted (names are stored encrypted: decision 0027). */
  pseudonym: string;
}

/**
 * The SET list of an anonymising UPDATE for `table`, with its parameters numbered from $1; the
 * caller's own parameters follow (`values.length + 1` onwards).
 */
export function anonymiseSet(table: PersonalTable, v: AnonymiseValues): { set: string; values: string[] } {
  const cols: ColumnRegister = PERSONAL_DATA[table];
  const values: string[] = [];
  const set = Object.entries(cols).map(([col, how]) => {
    let value: string;
    if (how === 'null') value = 'NULL';
    else if (how === 'emptyJson') value = `'{}'::jsonb`;
    else if (how === 'emptyText') value = `''`;
    else {
      values.push(how === 'erasedCipher' ? v.erasedCipher : v.pseudonym);
      value = `$${values.length}`;
    }
    return `"${col}" = ${value}`;
  });
  return { set: set.join(', '), values };
}
