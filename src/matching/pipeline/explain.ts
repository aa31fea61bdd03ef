// Stage 5, explain: the reasons of the results returned (most candidates are only scored), in one
// language: the top contributions, the recognised topics, the cold-start note and the rules passed.
import { say } from '../text.ts';
import type { Profile, Reason, ReasonLang, Recipe, Texts } from '../types.ts';
import type { Scored } from './score.ts';

/** A reason in `lang`, or in Chinese saying so when the text has no translation (an empty one). */
function reason(code: string, texts: Texts, lang: ReasonLang): Reason {
  return lang === 'zh' || texts[lang].trim() ? { code, text: texts[lang] } : { code, text: texts.zh, lang: 'zh' };
}

const COLD_START = say(
  '语义向量尚未生成，暂按关键词与规则匹配',
  'Semantic vector not ready yet: matched on keywords and rules',
  'དོན་གྱི་ཕྱོགས་ཚད་ད་དུང་བཟོས་མེད། གནས་སྐབས་གནད་ཚིག་དང་སྒྲིག་གཞི་ལ་གཞིགས་ནས་ཟུང་སྒྲིག་བྱས',
);
const ELIGIBLE = say('符合硬性条件：', 'Meets the hard rules: ', 'ངེས་པར་དགོས་པའི་ཆ་རྐྱེན་ཚང་བ: ');
const RULE_SEPARATOR = say('；', '; ', '། ');

/** The top contributions, the recognised topics, the cold-start note and the rules passed, in one language. */
export function explain<S extends Profile>(recipe: Recipe<S>, source: S, s: Scored, lang: ReasonLang): Reason[] {
  const reasons: Reason[] = s.contributions
    .filter((c) => c.value > 0)
    .sort((a, b) => b.weight * b.value - a.weight * a.value)
    .filter((c, k) => k < 4 || recipe.features.some((f) => f.id === c.id && f.alwaysExplained))
    .map((c) => reason(c.id, c.detail(), lang));
  for (const n of recipe.notes?.(source, s.profile) ?? []) reasons.push(reason('inferred', n, lang));
  if (!source.vector || !(s.profile.vector || s.profile.pair?.similarity != null))
    reasons.push(reason('cold_start', COLD_START, lang));
  const rules = recipe.rules.filter((r) => r.where(source) !== null).map((r) => r.text);
  if (rules.length) {
    // One language for the whole sentence: Chinese when one of the rules has no translation.
    const of = (l: ReasonLang) => ELIGIBLE[l] + rules.map((t) => t[l]).join(RULE_SEPARATOR[l]);
    const complete = rules.every((t) => t[lang].trim());
    reasons.push(complete ? { code: 'eligible', text: of(lang) } : { code: 'eligible', text: of('zh'), lang: 'zh' });
  }
  return reasons;
}
