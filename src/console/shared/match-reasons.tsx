// A match's score and its reasons, as the matching engine wrote them. Reasons come in the reader's
// language where the engine has them; a page showing one it has only in Chinese says so.
import { HTML_LANG, type Lang } from '../../i18n/lang.ts';
import type { Ui } from '../ui.ts';

export interface ShownReason {
  code: string;
  text: string;
  /** The text's language when it is not the one asked for (the engine marks untranslated texts). */
  lang?: string;
}

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
  // The engine names a reason's language only when it is not the one asked for (no translation yet).
  const langOf = (r: ShownReason): Lang => (r.lang as Lang | undefined) ?? ui.lang;
  const foreign = props.reasons.some((r) => langOf(r) !== ui.lang);
  if (!props.reasons.length) return null;
  return (
    <>
      <ul class="reasons">
        {props.reasons.map((r) => (
          <li lang={langOf(r) === ui.lang ? undefined : HTML_LANG[langOf(r)]}>{r.text}</li>
        ))}
      </ul>
      {foreign && <p class="hint">{ui.t('common.textInChinese')}</p>}
    </>
  );
}
