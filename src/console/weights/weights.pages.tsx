// The matching weights page: one journey's criteria as a form (preview, save, reset to defaults), and
// the preview side by side: each sampled project's top matches now and with the proposed weights.
import type { MessageKey } from '../../i18n/t.ts';
import type { previewWeights } from '../../matching/weights.ts';
import { Badge, CsrfField, FormErrors, Notice, type Option, TextField } from '../components.tsx';
import { formatDate } from '../format.ts';
import type { FieldErrors } from '../forms.ts';
import { Page } from '../layout.tsx';
import { CenterPicker } from '../shared/center-choice.tsx';
import type { Ui } from '../ui.ts';
import { canPreview, JOURNEYS, WEIGHT_MAX, WEIGHT_MIN, type WeightValues } from './weights.data.ts';

export type Preview = Awaited<ReturnType<typeof previewWeights>>;

const journeyLabel = (ui: Ui, id: string) => ui.t(`weights.journey.${id}` as MessageKey);
const featureLabel = (ui: Ui, id: string) => ui.t(`weights.feature.${id}` as MessageKey);

const hrefOf = (ui: Ui, journey: string, centerId: string) => {
  const q = new URLSearchParams({ journey });
  if (ui.session?.account.role === 'admin') q.set('center', centerId);
  return `/app/weights?${q}`;
};

interface Row {
  id: string;
  name: string;
  now: number | null;
  proposed: number | null;
}

/** One project's comparison: every candidate in either top list, ordered by the proposed rank. */
function rowsOf(p: Preview['projects'][number], names: Map<string, string>): Row[] {
  const now = new Map(p.current.map((x, k) => [x.id, k + 1]));
  const rows: Row[] = p.proposed.map((x, k) => ({
    id: x.id,
    name: names.get(x.id) ?? x.id,
    now: now.get(x.id) ?? null,
    proposed: k + 1,
  }));
  for (const x of p.current)
    if (!rows.some((r) => r.id === x.id))
      rows.push({ id: x.id, name: names.get(x.id) ?? x.id, now: now.get(x.id)!, proposed: null });
  return rows;
}

function Move(props: { ui: Ui; row: Row }) {
  const { t } = props.ui;
  const { now, proposed } = props.row;
  if (now === null) return <Badge kind="ok">{t('weights.preview.entered')}</Badge>;
  if (proposed === null) return <Badge kind="bad">{t('weights.preview.left')}</Badge>;
  if (proposed < now) return <span>{t('weights.preview.up', { n: now - proposed })}</span>;
  if (proposed > now) return <span>{t('weights.preview.down', { n: proposed - now })}</span>;
  return <span class="muted">{t('weights.preview.same')}</span>;
}

function PreviewSection(props: { ui: Ui; preview: Preview; names: Map<string, string> }) {
  const { ui, preview } = props;
  const { t } = ui;
  return (
    <section aria-labelledby="preview-h">
      <h2 id="preview-h">{t('weights.preview.title')}</h2>
      <p class="hint">{t('weights.preview.hint')}</p>
      {preview.projects.length ? (
        preview.projects.map((p, k) => (
          <div class="card preview-project">
            <h3 id={`pv-${k}`}>{p.title}</h3>
            <p>
              {t('weights.preview.summary', {
                entered: p.entered.length,
                left: p.left.length,
                kept: p.overlap,
              })}
            </p>
            <div class="table-wrap">
              <table aria-labelledby={`pv-${k}`}>
                <thead>
                  <tr>
                    <th scope="col">{t('weights.preview.candidate')}</th>
                    <th scope="col" class="num">
                      {t('weights.preview.now')}
                    </th>
                    <th scope="col" class="num">
                      {t('weights.preview.proposed')}
                    </th>
                    <th scope="col">{t('weights.preview.change')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rowsOf(p, props.names).map((r) => (
                    <tr>
                      <td data-label={t('weights.preview.candidate')}>{r.name}</td>
                      <td data-label={t('weights.preview.now')} class="num">
                        {r.now ?? '—'}
                      </td>
                      <td data-label={t('weights.preview.proposed')} class="num">
                        {r.proposed ?? '—'}
                      </td>
                      <td data-label={t('weights.preview.change')}>
                        <Move ui={ui} row={r} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ))
      ) : (
        <p class="empty">{t('weights.preview.noProjects')}</p>
      )}
    </section>
  );
}

export function WeightsPage(props: {
  ui: Ui;
  centers: Option[];
  centerId: string | null;
  journey: { id: string; features: string[] };
  values: WeightValues;
  defaults: Record<string, number>;
  updatedAt: Date | null;
  errors?: FieldErrors;
  done?: string;
  preview?: { preview: Preview; names: Map<string, string> };
}) {
  const { ui, journey, centerId } = props;
  const { t } = ui;
  const previewable = canPreview(journey.id);
  return (
    <Page ui={ui} title={t('weights.title')}>
      <p class="muted">{t('weights.intro')}</p>
      <CenterPicker ui={ui} action="/app/weights" centers={props.centers} value={centerId} />
      {!centerId ? (
        <p class="empty">{t('assign.center.none')}</p>
      ) : (
        <>
          {props.done === 'saved' && <Notice kind="success">{t('weights.saved')}</Notice>}
          {props.done === 'reset' && <Notice kind="success">{t('weights.resetDone')}</Notice>}
          <nav class="tabs" aria-label={t('weights.journeys')}>
            {JOURNEYS.map((j) => (
              <a href={hrefOf(ui, j.id, centerId)} aria-current={j.id === journey.id ? 'page' : undefined}>
                {journeyLabel(ui, j.id)}
              </a>
            ))}
          </nav>
          <h2>{journeyLabel(ui, journey.id)}</h2>
          <p class="hint">
            {t('weights.hint', { min: WEIGHT_MIN, max: WEIGHT_MAX })}{' '}
            {props.updatedAt
              ? t('weights.updatedAt', { date: formatDate(props.updatedAt) })
              : t('weights.usingDefaults')}
          </p>
          <form method="post" action="/app/weights" class="card weights-form">
            <CsrfField ui={ui} />
            <input type="hidden" name="centerId" value={centerId} />
            <input type="hidden" name="journey" value={journey.id} />
            <FormErrors ui={ui} errors={props.errors} />
            <div class="weight-fields">
              {journey.features.map((f) => (
                <TextField
                  name={f}
                  label={featureLabel(ui, f)}
                  hint={t('weights.default', { value: props.defaults[f] ?? 0 })}
                  type="number"
                  min={WEIGHT_MIN}
                  step="any"
                  value={props.values[f]}
                  errors={props.errors}
                  required
                />
              ))}
            </div>
            <div class="actions">
              {previewable && (
                <button type="submit" name="action" value="preview" class="secondary">
                  {t('weights.preview')}
                </button>
              )}
              <button type="submit" name="action" value="save">
                {t('action.save')}
              </button>
            </div>
            {!previewable && <p class="hint">{t('weights.preview.unavailable')}</p>}
          </form>
          <form method="post" action="/app/weights/reset" class="reset-form">
            <CsrfField ui={ui} />
            <input type="hidden" name="centerId" value={centerId} />
            <input type="hidden" name="journey" value={journey.id} />
            <div class="actions">
              <button type="submit" class="secondary" data-confirm={t('weights.reset.confirm')}>
                {t('weights.reset')}
              </button>
            </div>
          </form>
          {props.preview && <PreviewSection ui={ui} preview={props.preview.preview} names={props.preview.names} />}
        </>
      )}
    </Page>
  );
}
