// The console's languages: the contract's LANGS, Chinese first (the default).
import { LANGS, type Lang } from '../../models/enums.ts';

export type { Lang };
export const DEFAULT_LANG: Lang = 'zh';
/** The order of the language switch. */
export const UI_LANGS: readonly Lang[] = ['zh', ...LANGS.filter((l) => l !== 'zh')];
/** BCP 47 tags for `<html lang>`. */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-Hans', en: 'en', bo: 'bo' };
/** Each language named in itself, for the switch. */
export const LANG_SELF_NAMES: Record<Lang, string> = { zh: '中文', en: 'English', bo: 'བོད་ཡིག' };

export const parseLang = (value: string | null | undefined): Lang | null =>
  value && (LANGS as readonly string[]).includes(value) ? (value as Lang) : null;
