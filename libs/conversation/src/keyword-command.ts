// Text commands for chats without buttons (WeChat personal accounts, SMS-like kiosks), also
// accepted everywhere else: "接单 N-20261123-0042", "完成 N-…-0042 2小时", "放弃 N-… 原因",
// "评价 N-… 5 很好", "我的需求", "取消 N-…", "绑定队伍 S-XF-ELDER", "出发 N-…".
export type KeywordCommand =
  | { kind: 'take'; code: string }
  | { kind: 'set_off'; code: string }
  | { kind: 'finish'; code: string; hours: string | null }
  | { kind: 'release'; code: string; reason: string | null }
  | { kind: 'rate'; code: string; score: number; comment: string | null }
  | { kind: 'cancel'; code: string }
  | { kind: 'my' }
  | { kind: 'bind'; teamCode: string }
  | { kind: 'link'; code: string | null }
  | { kind: 'call_answer'; callCode: string; yes: boolean }
  | { kind: 'check_in'; checkCode: string | null }
  | { kind: 'check_out'; callCode: string | null }
  | { kind: 'call_admin'; callCode: string; op: 'remind' | 'extend' | 'close' | 'cancel' | 'roster' };

const CALL = '(M-?\\d{8}-?\\d{1,4})';
const ADMIN_OPS: Record<string, 'remind' | 'extend' | 'close' | 'cancel' | 'roster'> = { 提醒未回复: 'remind', 延长召集: 'extend', 截止召集: 'close', 取消召集: 'cancel', 名单: 'roster' };

/** Full codes (N-20261123-0042) or the short form people read off a card (N-0042). */
const CODE = '(N-?\\d{8}-?\\d{1,6}|N-?\\d{1,6})';

const RULES: Array<[RegExp, (m: RegExpExecArray) => KeywordCommand | null]> = [
  [new RegExp(`^(?:接单|抢单|take)\\s*${CODE}$`, 'i'), (m) => ({ kind: 'take', code: m[1]! })],
  [new RegExp(`^(?:出发|出发了|on my way)\\s*${CODE}$`, 'i'), (m) => ({ kind: 'set_off', code: m[1]! })],
  [new RegExp(`^(?:完成|已完成|done)\\s*${CODE}(?:\\s+(.{1,20}))?$`, 'i'), (m) => ({ kind: 'finish', code: m[1]!, hours: m[2]?.trim() ?? null })],
  [new RegExp(`^(?:放弃|release)\\s*${CODE}(?:\\s+([\\s\\S]{1,200}))?$`, 'i'), (m) => ({ kind: 'release', code: m[1]!, reason: m[2]?.trim() || null })],
  [new RegExp(`^(?:评价|rate)\\s*${CODE}\\s+([1-5])(?:\\s*星)?(?:\\s+([\\s\\S]{1,500}))?$`, 'i'), (m) => ({ kind: 'rate', code: m[1]!, score: Number(m[2]), comment: m[3]?.trim() || null })],
  [new RegExp(`^(?:取消|cancel)\\s*${CODE}$`, 'i'), (m) => ({ kind: 'cancel', code: m[1]! })],
  [/^(?:我的需求|my needs)$/i, () => ({ kind: 'my' })],
  [/^(?:绑定队伍|bind team)\s+([A-Za-z0-9_-]{1,32})$/i, (m) => ({ kind: 'bind', teamCode: m[1]! })],
  [/^(?:绑定账号|link)(?:\s+(\d{6}))?$/i, (m) => ({ kind: 'link', code: m[1] ?? null })],
  [new RegExp(`^(?:参加|报名|join)\\s*${CALL}$`, 'i'), (m) => ({ kind: 'call_answer', callCode: m[1]!, yes: true })],
  [new RegExp(`^(?:不能参加|不参加|取消报名|decline)\\s*${CALL}$`, 'i'), (m) => ({ kind: 'call_answer', callCode: m[1]!, yes: false })],
  [/^(?:签到|check ?in)(?:\s*(\d{6}))?$/i, (m) => ({ kind: 'check_in', checkCode: m[1] ?? null })],
  [new RegExp(`^(?:签退|check ?out)(?:\\s*${CALL})?$`, 'i'), (m) => ({ kind: 'check_out', callCode: m[1] ?? null })],
  [new RegExp(`^(提醒未回复|延长召集|截止召集|取消召集|名单)\\s*${CALL}$`), (m) => ({ kind: 'call_admin', callCode: m[2]!, op: ADMIN_OPS[m[1]!]! })],
];

export function parseKeywordCommand(raw: string): KeywordCommand | null {
  // Drop a leading @mention (WeChat groups) and normalise full-width characters.
  const text = raw.normalize('NFKC').replace(/^@\S+\s+/, '').trim();
  if (text.length > 300) return null;
  for (const [re, make] of RULES) {
    const m = re.exec(text);
    if (m) return make(m);
  }
  return null;
}

/** "N-0042" → the number part, to be resolved against recent needs; full codes pass through. */
export function splitCode(code: string): { full: string } | { number: number } {
  const c = code.toUpperCase().replace(/^N-?/, '');
  const full = /^(\d{8})-?(\d{1,6})$/.exec(c);
  if (full) return { full: `N-${full[1]}-${full[2]!.padStart(4, '0')}` };
  return { number: Number(c) };
}
