// t(lang, key, params): the one way the console turns a message key into text.
import type { Lang } from './lang.ts';
import { bo } from './messages/bo.ts';
import { en } from './messages/en.ts';
import { zh, type MessageKey, type Messages } from './messages/zh.ts';

export type { MessageKey };
const catalogues: Record<Lang, Messages> = { zh, en, bo };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function t(lang: Lang, key: MessageKey, params?: Params): string {
  const text = catalogues[lang][key] ?? zh[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m)) : text;
}

export const translator =
  (lang: Lang): Translate =>
  (key, params) =>
    t(lang, key, params);

export const isMessageKey = (key: string): key is MessageKey => key in zh;
