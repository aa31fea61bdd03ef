// What a mentor or investor may read of a project: its public fields only. `publicProject` copies
// those fields out of a row, so a confidential block can never reach a page even if a row carried it.
import type { Lang } from '../../i18n/lang.ts';
import { enumLabel, enumLabelLang, regionName, type LabelKind } from '../../i18n/labels.ts';
import type { Ui } from '../ui.ts';
import { formatNumber } from '../format.ts';

export interface PublicProject {
  id: string;
  title: string;
  description: string;
  sector: string;
  stage: string;
  regionCode: string;
  needs: string[];
  fundingNeedCny: number | null;
  centerId: string | null;
}

export const publicProject = (r: Record<string, any>): PublicProject => ({
  id: r.id,
  title: r.title,
  description: r.description,
  sector: r.sector,
  stage: r.stage,
  regionCode: r.regionCode,
  needs: r.needs ?? [],
  fundingNeedCny: r.fundingNeedCny ?? null,
  centerId: r.centerId ?? null,
});

/** A label, marked with its language when it is not the page's (a Tibetan page showing a Chinese label). */
export function Label(props: { lang: Lang; kind: LabelKind; value: string }) {
  const shown = enumLabelLang(props.lang, props.kind, props.value);
  const text = enumLabel(props.lang, props.kind, props.value);
  return shown === props.lang ? text : <span lang="zh-Hans">{text}</span>;
}

/** Between the items of a list of labels. */
const LIST_SEP: Record<Lang, string> = { zh: '、', en: ', ', bo: '། ' };

export const cny = (ui: Ui, amount: number) => ui.t('inbox.fact.cny', { amount: formatNumber(amount, ui.lang) });

/** One line for lists: sector · stage · place · funding need, then the needs. */
export function ProjectLine(props: { ui: Ui; project: PublicProject }) {
  const { ui, project: p } = props;
  const { t, lang } = ui;
  return (
    <>
      <p class="muted">
        <Label lang={lang} kind="sector" value={p.sector} /> · <Label lang={lang} kind="stage" value={p.stage} /> ·{' '}
        {regionName(p.regionCode, lang)}
        {p.fundingNeedCny !== null && <> · {cny(ui, p.fundingNeedCny)}</>}
      </p>
      {p.needs.length > 0 && (
        <p>
          <span class="muted">{t('inbox.fact.needs')}</span>{' '}
          {p.needs.map((n, i) => (
            <>
              {i > 0 && LIST_SEP[lang]}
              <Label lang={lang} kind="topic" value={n} />
            </>
          ))}
        </p>
      )}
    </>
  );
}

/** Sector, stage, place, needs and funding need as a definition list; the description below when `full`. */
export function ProjectFacts(props: { ui: Ui; project: PublicProject; full?: boolean }) {
  const { ui, project: p } = props;
  const { t, lang } = ui;
  return (
    <>
      <dl class="facts">
        <dt>{t('inbox.fact.sector')}</dt>
        <dd>
          <Label lang={lang} kind="sector" value={p.sector} />
        </dd>
        <dt>{t('inbox.fact.stage')}</dt>
        <dd>
          <Label lang={lang} kind="stage" value={p.stage} />
        </dd>
        <dt>{t('inbox.fact.region')}</dt>
        <dd>{regionName(p.regionCode, lang)}</dd>
        <dt>{t('inbox.fact.needs')}</dt>
        <dd>
          {p.needs.length
            ? p.needs.map((n, i) => (
                <>
                  {i > 0 && LIST_SEP[lang]}
                  <Label lang={lang} kind="topic" value={n} />
                </>
              ))
            : t('common.none')}
        </dd>
        {p.fundingNeedCny !== null && (
          <>
            <dt>{t('inbox.fact.fundingNeed')}</dt>
            <dd>{cny(ui, p.fundingNeedCny)}</dd>
          </>
        )}
      </dl>
      {props.full && (
        <section>
          <h2>{t('inbox.fact.description')}</h2>
          <p class="prose">{p.description}</p>
        </section>
      )}
    </>
  );
}
