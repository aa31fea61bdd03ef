import { describe, expect, it } from 'vitest';
import { preferredLang } from '../../src/http/matches/matches.handlers.ts';

describe('reasons language from Accept-Language', () => {
  it.each([
    [undefined, 'zh'],
    ['', 'zh'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['zh;q=0.1, en', 'en'],
    ['bo', 'zh'],
    ['fr, de', 'zh'],
    ['fr, en;q=0.5', 'en'],
  ])('%s → %s', (header, lang) => {
    expect(preferredLang(header as string | undefined)).toBe(lang);
  });
});
