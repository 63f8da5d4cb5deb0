// Masking for anything shown in groups or written to logs.

/** 13812345678 → 138****5678; other numbers keep their last 2 digits. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const d = phone.replace(/\D/g, '');
  if (d.length === 11) return `${d.slice(0, 3)}****${d.slice(7)}`;
  if (d.length <= 2) return '*'.repeat(d.length);
  return `${'*'.repeat(d.length - 2)}${d.slice(-2)}`;
}

/** Keeps the community-level prefix of an address and hides building/unit/room numbers. */
export function maskAddress(address: string | null | undefined): string {
  if (!address) return '';
  const a = address.normalize('NFKC');
  const m = /^(.*?(?:小区|社区|村|花园|公寓|苑|庄|里|镇|街道))/.exec(a);
  if (m && m[1] && m[1].length < a.length) return `${m[1]}***`;
  return a.length <= 2 ? '***' : `${a.slice(0, 2)}***`;
}

/** 张三丰 → 张*丰, 李四 → 李*, Alice → A***. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  if (/^[\p{Script=Han}]+$/u.test(name.trim())) {
    if (chars.length === 1) return '*';
    if (chars.length === 2) return `${chars[0]}*`;
    return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
  }
  return `${chars[0]}***`;
}

const PHONE_RE = /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)/g;

/** Scrubs phone-like numbers from free text before it reaches a log line. */
export function scrubForLog(text: string): string {
  return text.normalize('NFKC').replace(PHONE_RE, (p) => maskPhone(p.replace(/^\+?86/, '')));
}
