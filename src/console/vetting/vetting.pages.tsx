// The vetting queue and one project's review page (facts, founders, the decision form).
import type { ProjectStatus } from '../../../models/enums.ts';
import { MAX_STATUS_REASON } from '../../../models/projects/validation.ts';
import { enumLabel, regionName } from '../../i18n/labels.ts';
import type { Row } from '../../resources/types.ts';
import { Badge, CsrfField, FormErrors, Notice, Pager, Radios, TextArea } from '../components.tsx';
import { InsiderProjectFacts } from '../shared/insider-project-facts.tsx';
import { StatusBadge } from '../founder/projects.tsx';
import { formatDate, formatNumber } from '../format.ts';
import type { FieldErrors } from '../forms.ts';
import { Page } from '../layout.tsx';
import type { Ui } from '../ui.ts';
import { daysSince, QUEUE_PAGE, type QueuePage } from './vetting.data.ts';

export type Decision = 'vetted' | 'rejected';

function Waited(props: { ui: Ui; since: Date | string | null }) {
  const days = daysSince(props.since);
  const { t } = props.ui;
  return (
    <span>
      {days ? t('vetting.waited', { days }) : t('vetting.waitedToday')}{' '}
      <span class="muted">({t('vetting.submittedOn', { date: formatDate(props.since) })})</span>
    </span>
  );
}

export function QueuePageView(props: { ui: Ui; queue: QueuePage; page: number }) {
  const { ui, queue, page } = props;
  const { t, lang } = ui;
  const pages = Math.ceil(queue.total / QUEUE_PAGE);
  const href = (p: number) => `/app/vetting${p ? `?page=${p + 1}` : ''}`;
  return (
    <Page ui={ui} title={t('vetting.title')}>
      <p>{t('vetting.intro')}</p>
      <p>
        <strong>{t('vetting.total', { count: formatNumber(queue.total, lang) })}</strong>
      </p>
      {queue.items.length ? (
        <ul class="list">
          {queue.items.map((p) => (
            <li class="card">
              <h2>
                <a href={`/app/vetting/${p.id}`}>{p.title}</a>
              </h2>
              {queue.revetting.has(p.id) && <Badge kind="warn">{t('vetting.revetting')}</Badge>}
              <p>
                <Waited ui={ui} since={p.submittedAt ?? p.updatedAt} />
              </p>
              <p class="muted">
                {enumLabel(lang, 'sector', p.sector)} · {enumLabel(lang, 'stage', p.stage)} ·{' '}
                {regionName(p.regionCode, lang)}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('vetting.none')}</p>
      )}
      <Pager ui={ui} previous={page > 0 ? href(page - 1) : null} next={page + 1 < pages ? href(page + 1) : null} />
    </Page>
  );
}

export interface ReviewProps {
  ui: Ui;
  project: Row;
  founders: string[];
  center: string | null;
  revetting: boolean;
  values?: { decision?: string; reason?: string };
  errors?: FieldErrors;
  done?: string;
}

export function ReviewPage(props: ReviewProps) {
  const { ui, project: p } = props;
  const { t } = ui;
  const status = p.status as ProjectStatus;
  const v = props.values ?? {};
  return (
    <Page ui={ui} title={p.title}>
      <p>
        <a href="/app/vetting">{t('vetting.back')}</a>
      </p>
      {(props.done === 'vetted' || props.done === 'rejected') && (
        <Notice kind="success">{t(`vetting.done.${props.done}`, { title: p.title })}</Notice>
      )}
      <section class="card" aria-labelledby="status-h">
        <h2 id="status-h">{t('founder.project.status')}</h2>
        <p>
          <StatusBadge ui={ui} status={status} />{' '}
          {props.revetting && status === 'submitted' && <Badge kind="warn">{t('vetting.revetting')}</Badge>}
        </p>
        {status === 'submitted' && (
          <p>
            <Waited ui={ui} since={p.submittedAt ?? p.updatedAt} />
          </p>
        )}
        {p.statusReason && (
          <>
            <h3>{t('vetting.currentReason')}</h3>
            <p class="prewrap">{p.statusReason}</p>
          </>
        )}
      </section>
      <section class="card" aria-labelledby="facts-h">
        <h2 id="facts-h">{t('founder.project.facts')}</h2>
        <InsiderProjectFacts ui={ui} project={p} center={props.center ?? null} founders={props.founders} />
      </section>
      {status === 'submitted' ? (
        <DecisionForm ui={ui} projectId={p.id} values={v} errors={props.errors} />
      ) : (
        <Notice kind="info">{t('vetting.notWaiting')}</Notice>
      )}
    </Page>
  );
}

function DecisionForm(props: {
  ui: Ui;
  projectId: string;
  values: { decision?: string; reason?: string };
  errors?: FieldErrors;
}) {
  const { ui, values: v, errors } = props;
  const { t } = ui;
  return (
    <form method="post" action={`/app/vetting/${props.projectId}`} class="card" aria-labelledby="decision-h">
      <h2 id="decision-h">{t('vetting.decision')}</h2>
      <CsrfField ui={ui} />
      <FormErrors ui={ui} errors={errors} />
      {/* The form's heading says it; the legend names the choice for screen readers. */}
      <Radios
        name="decision"
        label={t('vetting.decision')}
        hiddenLegend
        options={(['vetted', 'rejected'] as const).map((d) => ({ value: d, label: t(`vetting.decision.${d}`) }))}
        value={v.decision}
        required
        errors={errors}
      />
      <TextArea
        name="reason"
        label={t('vetting.reason')}
        hint={t('vetting.reason.hint')}
        value={v.reason}
        rows={4}
        maxlength={MAX_STATUS_REASON}
        errors={errors}
      />
      <div class="actions">
        <button type="submit">{t('vetting.decide')}</button>
      </div>
    </form>
  );
}
