import { browserSummary, newLoginCode, parseLoginCode, showLoginCode } from './login-code.js';

describe('console login codes', () => {
  it('shows a code as ABCD-EFGH and reads it back in any case, with or without the dash', () => {
    for (let i = 0; i < 200; i++) {
      const { code, selector } = newLoginCode();
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
      expect(code.startsWith(selector)).toBe(true);
      const shown = showLoginCode(code);
      expect(shown).toMatch(/^.{4}-.{4}$/);
      for (const typed of [shown, shown.toLowerCase(), code, `${code.slice(0, 4)} ${code.slice(4)}`]) expect(parseLoginCode(typed)).toEqual({ code, selector });
    }
  });

  it('refuses look-alikes and wrong lengths', () => {
    for (const typed of ['ABCD-EFG', 'ABCD-EFGHJ', 'ABC0-EFGH', 'ABCD-EFGI', 'ABCD-1FGH', 'ABCD_EFGH', '']) expect(parseLoginCode(typed)).toBeNull();
  });

  it('summarises a browser without quoting its User-Agent', () => {
    expect(browserSummary('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36')).toBe(
      'Chrome · Windows',
    );
    expect(browserSummary('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/130.0 Safari/537.36 Edg/130.0')).toBe('Edge · Windows');
    expect(browserSummary('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile MicroMessenger/8.0')).toBe('WeChat · iOS');
    expect(browserSummary('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15')).toBe('Safari · macOS');
    expect(browserSummary('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('Firefox · Linux');
    expect(browserSummary(undefined)).toBe('? · ?');
  });
});
