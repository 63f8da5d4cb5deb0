import type { Language } from './nlu.types.js';
import { countCjk } from './text.util.js';

/**
 * zh, en or mixed. A single Latin word in Chinese text ("WiFi坏了", "反诈APP") is still
 * Chinese; two or more English words next to Chinese make the message mixed.
 */
export function detectLanguage(text: string): Language {
  const cjk = countCjk(text);
  const englishWords = (text.match(/[A-Za-z]{2,}/g) ?? []).length;
  if (cjk === 0) return englishWords > 0 ? 'en' : 'zh';
  if (englishWords >= 2 && cjk >= 2) return 'mixed';
  return 'zh';
}
