// The texts a coach reads (rules, feature details, notes), written in every reason language.
import { enumLabel, type LabelKind } from '../i18n/labels.ts';
import type { ReasonLang, Texts } from './types.ts';

/** A text in zh, en and bo. */
export const say = (zh: string, en: string, bo: string): Texts => ({ zh, en, bo });

const TIBETAN_END = /[\u0F40-\u0FBC]$/u;
/** A shad after a Tibetan item: none after a final ག or ཀ, a tsheg first after a final ང (the orthography's rules). */
const shad = (x: string) => (/[གཀ]$/u.test(x) ? `${x} ` : x.endsWith('ང') ? `${x}་། ` : `${x}། `);
/**
 * Items joined as each language lists them: 、 in Chinese, commas in English, a shad between Tibetan
 * words; other items in a Tibetan list (keywords, names as written) by commas.
 */
export function list(lang: ReasonLang, items: readonly string[]): string {
  if (lang === 'zh') return items.join('、');
  if (lang === 'en') return items.join(', ');
  return items.map((x, k) => (k === items.length - 1 ? x : TIBETAN_END.test(x) ? shad(x) : `${x}, `)).join('');
}

/** "电子商务、市场营销" / "E-commerce, Marketing" / "གློག་རྡུལ་ཚོང་དོན། ཁྲོམ་རའི་ཚོང་འགྲེམས" */
function labelList(group: LabelKind, values: string[]): Texts {
  const of = (lang: ReasonLang) =>
    list(
      lang,
      values.map((v) => enumLabel(lang, group, v)),
    );
  return say(of('zh'), of('en'), of('bo'));
}

/**
 * A sentence in every language around a label list:
 * labelled('stage', ['idea'], (l) => `阶段：${l}`, (l) => `Stage: ${l}`, (l) => `བར་སྐབས: ${l}`).
 */
export function labelled(
  group: LabelKind,
  values: string[],
  zh: (l: string) => string,
  en: (l: string) => string,
  bo: (l: string) => string,
): Texts {
  const l = labelList(group, values);
  return say(zh(l.zh), en(l.en), bo(l.bo));
}
export const pct = (x: number) => `${Math.round(x * 100)}%`;
