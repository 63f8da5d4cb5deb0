// Text commands for chats without buttons (WeChat personal accounts), accepted on every
// channel: "接单 N-20261123-0042", "完成 N-0042 2小时", "参加 M-20261123-001", "签到 123456".
// A keyword is defined once: the words it answers to, how its arguments are read, and how
// they are written. Buttons show `show(...)` as their keyword and the engine parses with
// `parse(...)`, so what a message tells people to type is what the desk accepts (a spec checks
// the round trip for every keyword).
import { currentLocale, type Locale } from '@baiying/i18n';

export interface KeywordDef<A> {
  readonly name: string;
  /** Accepted words; the first is the one messages show. */
  readonly words: readonly string[];
  parse(text: string): A | null;
  /** The full text to type in the reader's language, e.g. "接单 N-20261123-0042" / "take N-20261123-0042". */
  show(args: A, locale?: Locale): string;
}

export interface KeywordSpec<A> {
  name: string;
  words: readonly string[];
  /** Regular expression source for what follows the word (anchored to the end). */
  args: string;
  /** Case-insensitive matching (English words). */
  read(m: RegExpExecArray): A | null;
  /** The arguments as written after the word ('' when none). */
  write(args: A): string;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function defineKeyword<A>(spec: KeywordSpec<A>): KeywordDef<A> {
  const words = [...spec.words].sort((a, b) => b.length - a.length).map(escape);
  const re = new RegExp(`^(?:${words.join('|')})${spec.args}$`, 'i');
  return {
    name: spec.name,
    words: spec.words,
    parse: (text) => {
      const m = re.exec(text);
      return m ? spec.read(m) : null;
    },
    show: (args, locale = currentLocale()) => {
      const rest = spec.write(args);
      // The first word in the reader's language: English words are the Latin ones.
      const word = (locale === 'en' ? spec.words.find((w) => /^[a-z]/i.test(w)) : undefined) ?? spec.words[0]!;
      return rest ? `${word} ${rest}` : word;
    },
  };
}

/** Need codes as people type them: full (N-20261123-0042) or short (N-0042). */
export const NEED_CODE = '(N-?\\d{8}-?\\d{1,6}|N-?\\d{1,6})';
/** Call codes: M-20261123-001. */
export const CALL_CODE = '(M-?\\d{8}-?\\d{1,4})';

/** What a keyword sees: full-width characters normalised, a leading @mention dropped. */
export function normaliseKeywordText(raw: string): string | null {
  const text = raw
    .normalize('NFKC')
    .replace(/^@\S+\s+/, '')
    .trim();
  return text.length > MAX_KEYWORD_TEXT ? null : text;
}

/** Longer texts are never keywords (a need description may start with "完成"). */
export const MAX_KEYWORD_TEXT = 300;
