// The language of the match endpoints' reasons from Accept-Language (when no ?lang= is given), and
// the zh/en language of stored texts (assignment runs, weight previews), which stays as it was.
import { describe, expect, it } from 'vitest';
import { preferredLang, preferredReasonLang } from '../../src/http/matches/matches.handlers.ts';

describe('reasons language from Accept-Language', () => {
  it.each([
    [undefined, 'zh'],
    ['', 'zh'],
    ['bo', 'bo'],
    ['bo-CN', 'bo'],
    ['BO', 'bo'],
    ['bo;q=0.9, en;q=0.5', 'bo'],
    ['zh, bo;q=0.5', 'zh'],
    ['en, bo;q=0.8', 'en'],
    ['bo;q=0, zh;q=0.1', 'zh'],
    ['bo;q=abc', 'zh'],
    ['en-US,en;q=0.9', 'en'],
    ['fr, de', 'zh'],
  ])('%s → %s', (header, lang) => {
    expect(preferredReasonLang(header as string | undefined)).toBe(lang);
  });

  it('stored zh/en texts: Tibetan callers read Chinese, everything else as before', () => {
    for (const header of ['bo', 'bo-CN', 'bo;q=0.9, en;q=0.5']) expect(preferredLang(header)).toBe('zh');
    expect(preferredLang('en, bo;q=0.8')).toBe('en');
    expect(preferredLang('zh;q=0.1, en')).toBe('en');
  });
});
