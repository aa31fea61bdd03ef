// A project as its insiders read it (its founders, its center's staff, admins): every field including the
// languages, the center and the confidential notes. Outsiders get shared/project-facts.tsx instead.
import { enumLabel, regionName } from '../../i18n/labels.ts';
import { formatNumber } from '../format.ts';
import type { Ui } from '../ui.ts';

export function InsiderProjectFacts(props: {
  ui: Ui;
  project: Record<string, any>;
  /** The center's name, null when the project has none. */
  center: string | null;
  founders: readonly string[];
}) {
  const { ui, project: p } = props;
  const { t, lang } = ui;
  return (
    <dl class="facts">
      <dt>{t('founder.project.founders')}</dt>
      <dd>{props.founders.join('、') || t('common.none')}</dd>
      <dt>{t('founder.project.field.description')}</dt>
      <dd class="prewrap">{p.description}</dd>
      <dt>{t('founder.project.field.sector')}</dt>
      <dd>{enumLabel(lang, 'sector', p.sector)}</dd>
      <dt>{t('founder.project.field.stage')}</dt>
      <dd>{enumLabel(lang, 'stage', p.stage)}</dd>
      <dt>{t('founder.project.field.region')}</dt>
      <dd>{regionName(p.regionCode, lang)}</dd>
      <dt>{t('founder.project.field.center')}</dt>
      <dd>{props.center ?? t('common.none')}</dd>
      <dt>{t('founder.project.field.needs')}</dt>
      <dd>{(p.needs as string[]).map((n) => enumLabel(lang, 'topic', n)).join('、') || t('common.none')}</dd>
      <dt>{t('founder.project.field.funding')}</dt>
      <dd>
        {p.fundingNeedCny == null
          ? t('common.none')
          : t('founder.project.fundingValue', { amount: formatNumber(p.fundingNeedCny, lang) })}
      </dd>
      <dt>{t('founder.project.field.languages')}</dt>
      <dd>{(p.languages as string[]).map((l) => enumLabel(lang, 'lang', l)).join('、')}</dd>
      {typeof p.confidential?.notes === 'string' && (
        <>
          <dt>{t('founder.project.field.notes')}</dt>
          <dd class="prewrap">{p.confidential.notes}</dd>
        </>
      )}
    </dl>
  );
}
