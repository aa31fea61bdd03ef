// Outcomes month by month, shared by the founder's page and the center's incubation page: the table
// (locked months read-only; the center locks), the form for one month, and reading that form.
import type { OutcomeView } from '../../lifecycle/outcomes.ts';
import type { OutcomeBody } from '../../../models/project-outcomes/validation.ts';
import { Badge, CsrfField, FormErrors, TextArea, TextField } from '../components.tsx';
import { formatNumber } from '../format.ts';
import { type FieldErrors, field } from '../forms.ts';
import type { Ui } from '../ui.ts';

export const COUNT_FIELDS = ['employees', 'graduatesHired', 'localHires', 'ipFilings'] as const;
export const CNY_FIELDS = ['revenueCny', 'fundingRaisedCny'] as const;
const NUMBER_FIELDS = [...COUNT_FIELDS.slice(0, 3), ...CNY_FIELDS, 'ipFilings'] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

export type OutcomeValues = Record<NumberField | 'period' | 'fundingSources', string> & {
  registeredEnterprise: boolean;
};

export const emptyOutcome = (period = ''): OutcomeValues => ({
  period,
  employees: '',
  graduatesHired: '',
  localHires: '',
  revenueCny: '',
  fundingRaisedCny: '',
  ipFilings: '',
  fundingSources: '',
  registeredEnterprise: false,
});

export const valuesOfOutcome = (o: OutcomeView): OutcomeValues => ({
  period: o.period,
  employees: String(o.employees),
  graduatesHired: String(o.graduatesHired),
  localHires: String(o.localHires),
  revenueCny: String(o.revenueCny),
  fundingRaisedCny: String(o.fundingRaisedCny),
  ipFilings: String(o.ipFilings),
  fundingSources: o.fundingSources ?? '',
  registeredEnterprise: o.registeredEnterprise,
});

export function readOutcomeForm(form: Record<string, string | string[]>): OutcomeValues {
  const v = emptyOutcome(field(form, 'period').trim());
  for (const k of NUMBER_FIELDS) v[k] = field(form, k).trim();
  v.fundingSources = field(form, 'fundingSources');
  v.registeredEnterprise = field(form, 'registeredEnterprise') === 'on';
  return v;
}

/** The body for the domain, or errors in place (blank or not a whole number; the domain checks the rest). */
export function outcomeBody(v: OutcomeValues, ui: Ui): { body: OutcomeBody } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const n: Partial<Record<NumberField, number>> = {};
  if (!/^\d{4}-\d{2}$/.test(v.period)) errors.period = ui.t('lifeui.outcomes.period.invalid');
  for (const k of NUMBER_FIELDS) {
    if (!v[k]) errors[k] = ui.t('field.required');
    else if (!/^-?\d+$/.test(v[k])) errors[k] = ui.t('lifeui.outcomes.wholeNumber');
    else if (Number(v[k]) < 0) errors[k] = ui.t('lifeui.outcomes.negative');
    else n[k] = Number(v[k]);
  }
  if (Object.keys(errors).length) return { errors };
  return {
    body: {
      employees: n.employees!,
      graduatesHired: n.graduatesHired!,
      localHires: n.localHires!,
      revenueCny: n.revenueCny!,
      fundingRaisedCny: n.fundingRaisedCny!,
      ipFilings: n.ipFilings!,
      registeredEnterprise: v.registeredEnterprise,
      ...(v.fundingSources.trim() ? { fundingSources: v.fundingSources } : {}),
    },
  };
}

/** The months entered, newest first; `lockAction`: the center's lock button per open month. */
export function OutcomesTable(props: {
  ui: Ui;
  items: OutcomeView[];
  editHref?: (period: string) => string;
  lockAction?: (period: string) => string;
}) {
  const { ui, items } = props;
  const { t, lang } = ui;
  if (!items.length) return <p class="empty">{t('lifeui.outcomes.none')}</p>;
  const col = (k: string) => t(`lifeui.outcomes.${k}` as 'lifeui.outcomes.employees');
  return (
    <div class="table-wrap">
      <table class="outcomes">
        <caption>{t('lifeui.outcomes.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lifeui.outcomes.period')}</th>
            {NUMBER_FIELDS.map((k) => (
              <th scope="col" class="num">
                {col(k)}
              </th>
            ))}
            <th scope="col">{t('lifeui.outcomes.registeredEnterprise')}</th>
            <th scope="col">{t('lifeui.outcomes.state')}</th>
          </tr>
        </thead>
        <tbody>
          {[...items].reverse().map((o) => (
            <tr>
              <th scope="row">{o.period}</th>
              {NUMBER_FIELDS.map((k) => (
                <td class="num" data-label={col(k)}>
                  {formatNumber(o[k], lang)}
                </td>
              ))}
              <td data-label={t('lifeui.outcomes.registeredEnterprise')}>
                {o.registeredEnterprise ? t('lifeui.yes') : t('lifeui.no')}
              </td>
              <td data-label={t('lifeui.outcomes.state')}>
                {o.lockedAt ? (
                  <Badge kind="ok">{t('lifeui.outcomes.locked')}</Badge>
                ) : (
                  <span class="actions">
                    {props.editHref && (
                      <a
                        href={props.editHref(o.period)}
                        aria-label={t('lifeui.outcomes.editMonth', { period: o.period })}
                      >
                        {t('lifeui.outcomes.edit')}
                      </a>
                    )}
                    {props.lockAction && (
                      <form method="post" action={props.lockAction(o.period)}>
                        <CsrfField ui={ui} />
                        <button
                          type="submit"
                          class="secondary"
                          aria-label={t('lifeui.outcomes.lockMonth', { period: o.period })}
                        >
                          {t('lifeui.outcomes.lock')}
                        </button>
                      </form>
                    )}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OutcomeForm(props: { ui: Ui; action: string; values: OutcomeValues; errors?: FieldErrors }) {
  const { ui, values: v, errors } = props;
  const { t } = ui;
  return (
    <form method="post" action={props.action} class="card" aria-labelledby="outcome-h">
      <h2 id="outcome-h">{t('lifeui.outcomes.enter')}</h2>
      <p class="hint">{t('lifeui.outcomes.enter.hint')}</p>
      <CsrfField ui={ui} />
      <FormErrors ui={ui} errors={errors} />
      <TextField
        name="period"
        label={t('lifeui.outcomes.period')}
        hint={t('lifeui.outcomes.period.hint')}
        value={v.period}
        maxlength={7}
        required
        errors={errors}
      />
      {NUMBER_FIELDS.map((k) => (
        <TextField
          name={k}
          label={t(`lifeui.outcomes.${k}`)}
          type="number"
          min={0}
          step="1"
          value={v[k]}
          required
          errors={errors}
        />
      ))}
      <TextArea
        name="fundingSources"
        label={t('lifeui.outcomes.fundingSources')}
        value={v.fundingSources}
        rows={2}
        maxlength={1000}
        errors={errors}
      />
      <div class="field">
        <label class="choice">
          <input type="checkbox" name="registeredEnterprise" checked={v.registeredEnterprise} />{' '}
          {t('lifeui.outcomes.registeredEnterprise')}
        </label>
      </div>
      <div class="actions">
        <button type="submit">{t('lifeui.outcomes.save')}</button>
      </div>
    </form>
  );
}
