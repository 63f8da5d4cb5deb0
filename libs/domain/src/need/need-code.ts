/** Readable need codes, e.g. N-20261123-0042, numbered per day in the desk's time zone. */
export function needDay(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}${get('month')}${get('day')}`;
}

export function formatNeedCode(day: string, n: number): string {
  return `N-${day}-${String(n).padStart(4, '0')}`;
}

const CODE_RE = /\bN-?(\d{8})-?(\d{1,6})\b/i;

/** Accepts what people type: "N-20261123-0042", "n20261123-42", surrounded by text. */
export function parseNeedCode(text: string): string | null {
  const m = CODE_RE.exec(text.normalize('NFKC'));
  if (!m) return null;
  return formatNeedCode(m[1]!, Number(m[2]));
}
