// A match's score and its reasons, as the matching engine wrote them. Reasons come in the reader's
// language where the engine has them; one written in Chinese on a Tibetan or English page says so.
import type { Lang } from '../../i18n/lang.ts';
import type { Ui } from '../ui.ts';

export interface ShownReason {
  code: string;
  text: string;
  /** The text's language when it is not the one asked for (the engine marks untranslated texts). */
  lang?: string;
}

/** The language the engine is asked to write reasons in for a page in `lang`. */
export type EngineLang = 'zh' | 'en';
export const reasonLangFor = (lang: Lang): EngineLang => (lang === 'en' ? 'en' : 'zh');

export function MatchScore(props: { ui: Ui; score: number }) {
  const pct = Math.round(props.score * 100);
  const label = props.ui.t('discover.score', { score: pct });
  return (
    <p class="score">
      <meter min={0} max={100} value={pct} aria-label={label}>
        {pct}
      </meter>{' '}
      <span>{label}</span>
    </p>
  );
}

export function MatchReasons(props: { ui: Ui; reasons: ShownReason[] }) {
  const { ui } = props;
  // The language each reason is in: the engine's mark, else the language it was asked for.
  const asked = reasonLangFor(ui.lang);
  const langOf = (r: ShownReason) => r.lang ?? asked;
  const inChinese = props.reasons.some((r) => langOf(r) === 'zh') && ui.lang !== 'zh';
  if (!props.reasons.length) return null;
  return (
    <>
      <ul class="reasons">
        {props.reasons.map((r) => (
          <li lang={langOf(r) === 'zh' && ui.lang !== 'zh' ? 'zh-Hans' : undefined}>{r.text}</li>
        ))}
      </ul>
      {inChinese && ui.lang === 'bo' && <p class="hint">{ui.t('common.textInChinese')}</p>}
    </>
  );
}
