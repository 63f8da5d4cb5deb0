// Text from outside is cleaned once, where it enters: PostgreSQL refuses NUL bytes (a whole
// transaction failed, again on every retry), unpaired surrogates are not valid text, and in a
// name, line breaks, bidi overrides and zero-width characters could forge lines of a bot message
// or hide what a name really says.

// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const NUL_AND_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const BIDI_AND_INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const ANY_LINE_BREAK = /[\r\n\u0085\u2028\u2029]+/g;

/** A message's text: no NUL or control characters (tab and line breaks stay), valid UTF-16. */
export function cleanText(text: string): string {
  return text.replace(NUL_AND_CONTROLS, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** A display name or title: one line, no bidi overrides or invisible characters, at most `max` characters. */
export function cleanName(name: string, max = 64): string {
  const one = cleanText(name).replace(BIDI_AND_INVISIBLE, '').replace(ANY_LINE_BREAK, ' ').replace(/\s+/g, ' ').trim();
  // Cut by code points (never half a surrogate pair); a cut after a space leaves none behind.
  return [...one].slice(0, max).join('').trimEnd();
}
