// The staff's admission pages: the center's applications, and one application (answers, reviews,
// the aggregate, the reviewer's own review form, the decision form).
import type { AdmissionFormView } from '../../lifecycle/admission-form.ts';
import type { ApplicationView } from '../../lifecycle/applications.ts';
import type { ReviewView } from '../../lifecycle/reviews.ts';
import { ADMISSION_DECISIONS, RECOMMENDATIONS } from '../../../models/enums.ts';
import { MAX_REASON } from '../../../models/applications/validation.ts';
import { Badge, CsrfField, FormErrors, Notice, Radios, Select, TextArea } from '../components.tsx';
import { formatDate, formatNumber } from '../format.ts';
import type { FieldErrors } from '../forms.ts';
import { Page } from '../layout.tsx';
import type { Ui } from '../ui.ts';
import { type CenterChoice, CenterChooser, localText } from './shared.tsx';

export interface ListedApplication {
  app: ApplicationView;
  title: string;
}

const score = (n: number, lang: Ui['lang']) =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 2 }).format(n);

export function StateBadge(props: { ui: Ui; app: Pick<ApplicationView, 'status' | 'decision'> }) {
  const { t } = props.ui;
  const d = props.app.decision?.decision;
  if (props.app.status === 'submitted') return <Badge kind="warn">{t('lifeui.app.status.submitted')}</Badge>;
  if (props.app.status === 'withdrawn') return <Badge kind="info">{t('lifeui.app.status.withdrawn')}</Badge>;
  return (
    <Badge kind={d === 'admitted' ? 'ok' : d === 'rejected' ? 'bad' : 'info'}>
      {t(`lifeui.decision.${d ?? 'waitlisted'}`)}
    </Badge>
  );
}

export function ApplicationsPage(props: {
  ui: Ui;
  items: ListedApplication[];
  form: AdmissionFormView | null;
  centerName: string | null;
  choose?: { centers: CenterChoice[]; value: string | null };
  query: string;
}) {
  const { ui, form } = props;
  const { t, lang } = ui;
  const open = props.items.filter((i) => i.app.status === 'submitted');
  return (
    <Page ui={ui} title={t('lifeui.admission.title')}>
      {props.choose && <CenterChooser ui={ui} action="/app/admission" {...props.choose} />}
      {props.centerName && <p class="muted">{props.centerName}</p>}
      {form && (
        <>
          <p>{t('lifeui.admission.intro', { min: form.minReviews })}</p>
          <p class="actions">
            <a class="button secondary" href={`/app/admission/form${props.query}`}>
              {t('lifeui.admission.editForm')}
            </a>
            <a class="button secondary" href={`/app/incubation${props.query}`}>
              {t('lifeui.incubation.title')}
            </a>
          </p>
          <p>
            <strong>{t('lifeui.admission.openCount', { count: formatNumber(open.length, lang) })}</strong>
          </p>
          {props.items.length ? (
            <ul class="list">
              {props.items.map(({ app, title }) => (
                <li class="card">
                  <h2>
                    <a href={`/app/admission/${app.id}`}>{title}</a>
                  </h2>
                  <p>
                    <StateBadge ui={ui} app={app} />{' '}
                    <span class="muted">{t('lifeui.app.appliedOn', { date: formatDate(app.createdAt) })}</span>
                  </p>
                  <p>
                    {t('lifeui.reviews.count', { count: app.reviews.length, min: form.minReviews })}
                    {app.aggregate &&
                      ` · ${t('lifeui.aggregate.short', {
                        score: score(app.aggregate.score, lang),
                        scale: form.scale,
                        spread: score(app.aggregate.spread, lang),
                      })}`}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty">{t('lifeui.admission.none')}</p>
          )}
        </>
      )}
    </Page>
  );
}

export interface ReviewValues {
  scores: Record<string, string>;
  recommendation?: string;
  comment?: string;
}

export interface ApplicationPageProps {
  ui: Ui;
  app: ApplicationView;
  title: string;
  form: AdmissionFormView;
  reviewers: Map<string, string>;
  mine: ReviewView | null;
  review?: { values: ReviewValues; errors?: FieldErrors };
  decision?: { values: { decision?: string; reason?: string }; errors?: FieldErrors };
  done?: string;
}

export function ApplicationPage(props: ApplicationPageProps) {
  const { ui, app, form } = props;
  const { t, lang } = ui;
  const open = app.status === 'submitted';
  const answered = new Set(form.questions.map((q) => q.id));
  const orphans = Object.keys(app.answers).filter((id) => !answered.has(id));
  return (
    <Page ui={ui} title={props.title}>
      <p>
        <a href="/app/admission">{t('lifeui.admission.back')}</a>
      </p>
      {props.done === 'reviewed' && <Notice kind="success">{t('lifeui.review.done')}</Notice>}
      {props.done === 'decided' && <Notice kind="success">{t('lifeui.decision.done')}</Notice>}
      <section class="card" aria-labelledby="state-h">
        <h2 id="state-h">{t('lifeui.app.state')}</h2>
        <p>
          <StateBadge ui={ui} app={app} />{' '}
          <span class="muted">{t('lifeui.app.appliedOn', { date: formatDate(app.createdAt) })}</span>
        </p>
        {app.decision && (
          <>
            <h3>{t('lifeui.decision.reason')}</h3>
            <p class="prewrap">{app.decision.reason}</p>
            <p class="muted">{t('lifeui.decision.on', { date: formatDate(app.decision.decidedAt) })}</p>
          </>
        )}
        <p>
          <a href={`/app/registry/projects/${app.projectId}`}>{t('lifeui.app.projectRecord')}</a>
        </p>
      </section>
      <section class="card" aria-labelledby="answers-h">
        <h2 id="answers-h">{t('lifeui.answers')}</h2>
        {form.questions.length || orphans.length ? (
          <dl class="facts">
            {form.questions.map((q) => (
              <>
                <dt>
                  {localText(q.text, lang)}{' '}
                  {q.confidential && <Badge kind="warn">{t('lifeui.question.confidential')}</Badge>}
                </dt>
                <dd class="prewrap">{app.answers[q.id]?.trim() || t('lifeui.answers.none')}</dd>
              </>
            ))}
            {orphans.map((id) => (
              <>
                <dt>{id}</dt>
                <dd class="prewrap">{app.answers[id]}</dd>
              </>
            ))}
          </dl>
        ) : (
          <p class="empty">{t('lifeui.answers.noQuestions')}</p>
        )}
        {app.wanted && (
          <>
            <h3>{t('lifeui.apply.wanted')}</h3>
            <p class="prewrap">{app.wanted}</p>
          </>
        )}
      </section>
      <section class="card" aria-labelledby="reviews-h">
        <h2 id="reviews-h">{t('lifeui.reviews')}</h2>
        <p>{t('lifeui.reviews.count', { count: app.reviews.length, min: form.minReviews })}</p>
        {app.aggregate && (
          <p>
            <strong>
              {t('lifeui.aggregate', {
                score: score(app.aggregate.score, lang),
                scale: form.scale,
                spread: score(app.aggregate.spread, lang),
              })}
            </strong>
            <br />
            <span class="hint">{t('lifeui.aggregate.hint')}</span>
          </p>
        )}
        {app.reviews.length ? (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('lifeui.review.reviewer')}</th>
                  {form.criteria.map((c) => (
                    <th scope="col" class="num">
                      {localText(c.name, lang)}
                    </th>
                  ))}
                  <th scope="col" class="num">
                    {t('lifeui.review.mean')}
                  </th>
                  <th scope="col">{t('lifeui.review.recommendation')}</th>
                  <th scope="col">{t('lifeui.review.comment')}</th>
                </tr>
              </thead>
              <tbody>
                {app.reviews.map((r) => (
                  <tr>
                    <td data-label={t('lifeui.review.reviewer')}>{props.reviewers.get(r.reviewer) ?? r.reviewer}</td>
                    {form.criteria.map((c) => (
                      <td class="num" data-label={localText(c.name, lang)}>
                        {r.scores[c.id] ?? '—'}
                      </td>
                    ))}
                    <td class="num" data-label={t('lifeui.review.mean')}>
                      {r.weightedMean === null ? '—' : score(r.weightedMean, lang)}
                    </td>
                    <td data-label={t('lifeui.review.recommendation')}>{t(`lifeui.recommend.${r.recommendation}`)}</td>
                    <td class="prewrap" data-label={t('lifeui.review.comment')}>
                      {r.comment ?? ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p class="empty">{t('lifeui.reviews.none')}</p>
        )}
      </section>
      {open ? (
        <>
          <ReviewForm {...props} />
          <DecisionForm {...props} />
        </>
      ) : (
        <Notice kind="info">{t('lifeui.app.closed')}</Notice>
      )}
    </Page>
  );
}

function ReviewForm(props: ApplicationPageProps) {
  const { ui, app, form, mine } = props;
  const { t, lang } = ui;
  const errors = props.review?.errors;
  const v: ReviewValues = props.review?.values ?? {
    scores: Object.fromEntries(Object.entries(mine?.scores ?? {}).map(([k, s]) => [k, String(s)])),
    recommendation: mine?.recommendation,
    comment: mine?.comment ?? '',
  };
  const scale = Array.from({ length: form.scale }, (_, i) => String(i + 1));
  return (
    <form method="post" action={`/app/admission/${app.id}/review`} class="card" aria-labelledby="review-h">
      <h2 id="review-h">{mine ? t('lifeui.review.editMine') : t('lifeui.review.mine')}</h2>
      <p class="hint">{t('lifeui.review.hint', { scale: form.scale })}</p>
      <CsrfField ui={ui} />
      <FormErrors ui={ui} errors={errors} />
      {form.criteria.map((c) => (
        <Select
          name={`scores.${c.id}`}
          label={`${localText(c.name, lang)} (${t('lifeui.criterion.weightOf', { weight: c.weight })})`}
          options={scale.map((s) => ({ value: s, label: s }))}
          value={v.scores[c.id] ?? ''}
          empty={t('lifeui.review.choose')}
          required
          errors={errors}
        />
      ))}
      <Radios
        name="recommendation"
        label={t('lifeui.review.recommendation')}
        options={RECOMMENDATIONS.map((r) => ({ value: r, label: t(`lifeui.recommend.${r}`) }))}
        value={v.recommendation}
        required
        errors={errors}
      />
      <TextArea
        name="comment"
        label={t('lifeui.review.comment')}
        value={v.comment}
        rows={3}
        maxlength={5000}
        errors={errors}
      />
      <div class="actions">
        <button type="submit">{t('lifeui.review.save')}</button>
      </div>
    </form>
  );
}

function DecisionForm(props: ApplicationPageProps) {
  const { ui, app, form } = props;
  const { t } = ui;
  const errors = props.decision?.errors;
  const v = props.decision?.values ?? {};
  const enough = app.reviews.length >= form.minReviews;
  return (
    <form method="post" action={`/app/admission/${app.id}/decision`} class="card" aria-labelledby="decision-h">
      <h2 id="decision-h">{t('lifeui.decision')}</h2>
      {!enough && (
        <p class="notice info" id="decision-blocked">
          {t('lifeui.decision.blocked', { min: form.minReviews, count: app.reviews.length })}
        </p>
      )}
      <CsrfField ui={ui} />
      <FormErrors ui={ui} errors={errors} />
      <Radios
        name="decision"
        label={t('lifeui.decision.choice')}
        options={ADMISSION_DECISIONS.map((d) => ({ value: d, label: t(`lifeui.decision.${d}`) }))}
        value={v.decision}
        required
        disabled={!enough}
        describedBy={enough ? undefined : 'decision-blocked'}
        errors={errors}
      />
      <TextArea
        name="reason"
        label={t('lifeui.decision.reason')}
        hint={t('lifeui.decision.reason.hint')}
        value={v.reason}
        rows={4}
        maxlength={MAX_REASON}
        required
        errors={errors}
      />
      <div class="actions">
        <button type="submit" disabled={!enough}>
          {t('lifeui.decision.submit')}
        </button>
      </div>
    </form>
  );
}
