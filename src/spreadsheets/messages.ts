// Messages of an import report, kept in all three languages: the report is stored once and read by
// whoever opens it, in their language.
import { localizeDetail, zodFieldErrors } from '../console/forms.ts';
import { LANGS, type Lang } from '../../models/enums.ts';
import { t, translator, type MessageKey, type Params } from '../i18n/t.ts';
import type { z } from 'zod';

export type Localized = Record<Lang, string>;

/** A catalogue message in every language; `params` may depend on the language (e.g. enum labels). */
export function msg(key: MessageKey, params?: Params | ((lang: Lang) => Params)): Localized {
  const out = {} as Localized;
  for (const lang of LANGS) out[lang] = t(lang, key, typeof params === 'function' ? params(lang) : params);
  return out;
}

/** A domain message written "English / 中文" (Tibetan readers get the Chinese half). */
export function domainMsg(text: string): Localized {
  return { zh: localizeDetail(text, 'zh'), en: localizeDetail(text, 'en'), bo: localizeDetail(text, 'bo') };
}

/** The first zod issue of each path, as the console's forms word them. */
export function zodMsgs(error: z.ZodError): Map<string, Localized> {
  const per = Object.fromEntries(LANGS.map((l) => [l, zodFieldErrors(error, translator(l))])) as Record<
    Lang,
    Record<string, string>
  >;
  const out = new Map<string, Localized>();
  for (const path of Object.keys(per.zh)) out.set(path, { zh: per.zh[path], en: per.en[path], bo: per.bo[path] });
  return out;
}

export class SheetError extends Error {
  constructor(readonly messages: Localized) {
    super(messages.en);
  }
}
