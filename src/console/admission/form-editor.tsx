// The center's admission form editor (staff of the center, admins): questions in zh/en/bo, required or
// confidential; criteria with names and weights; the graduation criteria (zh/en/bo names); the scale, the minimum of reviews, the planned
// incubation length. Without JS a row is added by filling one of the blank rows at the end, and removed
// by ticking its "remove" box; a row left blank is no row.
import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import type {
  AdmissionCriterion,
  AdmissionQuestion,
  GraduationCriterion,
} from '../../../models/admission-forms/table.ts';
import { admissionFormBodySchema, MAX_SCALE, MIN_SCALE } from '../../../models/admission-forms/validation.ts';
import { getAdmissionForm, putAdmissionForm, type AdmissionFormView } from '../../lifecycle/admission-form.ts';
import { CsrfField, FormErrors, Notice, TextField } from '../components.tsx';
import type { ConsoleEnv } from '../env.ts';
import { type FieldErrors, field, readForm, zodFieldErrors } from '../forms.ts';
import { Page } from '../layout.tsx';
import { type Ui, uiOf } from '../ui.ts';
import {
  type CenterChoice,
  CenterChooser,
  centerChoices,
  centerQuery,
  type LifeDeps,
  pageCenter,
  refusalErrors,
} from './shared.tsx';

const BLANK_QUESTIONS = 3;
const BLANK_CRITERIA = 2;
const BLANK_GRADUATION = 2;

interface QuestionRow {
  id: string;
  zh: string;
  en: string;
  bo: string;
  required: boolean;
  confidential: boolean;
  remove?: boolean;
}
interface CriterionRow {
  id: string;
  zh: string;
  en: string;
  bo: string;
  weight: string;
  remove?: boolean;
}
interface GraduationRow {
  id: string;
  zh: string;
  en: string;
  bo: string;
  remove?: boolean;
}
interface EditorValues {
  questions: QuestionRow[];
  criteria: CriterionRow[];
  graduation: GraduationRow[];
  scale: string;
  minReviews: string;
  plannedMonths: string;
}

const blankQuestion = (): QuestionRow => ({ id: '', zh: '', en: '', bo: '', required: false, confidential: false });
const blankCriterion = (): CriterionRow => ({ id: '', zh: '', en: '', bo: '', weight: '' });
const blankGraduation = (): GraduationRow => ({ id: '', zh: '', en: '', bo: '' });

function valuesOf(f: AdmissionFormView): EditorValues {
  return {
    questions: f.questions.map((q) => ({
      id: q.id,
      zh: q.text.zh,
      en: q.text.en ?? '',
      bo: q.text.bo ?? '',
      required: q.required,
      confidential: !!q.confidential,
    })),
    criteria: f.criteria.map((c) => ({
      id: c.id,
      zh: c.name.zh,
      en: c.name.en ?? '',
      bo: c.name.bo ?? '',
      weight: String(c.weight),
    })),
    graduation: f.graduationCriteria.map((g) => ({
      id: g.id,
      zh: g.name.zh,
      en: g.name.en ?? '',
      bo: g.name.bo ?? '',
    })),
    scale: String(f.scale),
    minReviews: String(f.minReviews),
    plannedMonths: String(f.plannedMonths),
  };
}

/** Rows of the posted form, in order (`q.<i>.zh` …), with the blank ones still in (they keep their place). */
function readRows(form: Record<string, string | string[]>): EditorValues {
  const count = (prefix: string) =>
    Math.min(
      100,
      1 +
        Math.max(
          -1,
          ...Object.keys(form)
            .map((k) => new RegExp(`^${prefix}\\.(\\d+)\\.`).exec(k)?.[1])
            .filter((x): x is string => !!x)
            .map(Number),
        ),
    );
  const at = (p: string, i: number, name: string) => field(form, `${p}.${i}.${name}`);
  return {
    questions: Array.from({ length: count('q') }, (_, i) => ({
      id: at('q', i, 'id'),
      zh: at('q', i, 'zh'),
      en: at('q', i, 'en'),
      bo: at('q', i, 'bo'),
      required: at('q', i, 'required') === 'on',
      confidential: at('q', i, 'confidential') === 'on',
      remove: at('q', i, 'remove') === 'on',
    })),
    criteria: Array.from({ length: count('c') }, (_, i) => ({
      id: at('c', i, 'id'),
      zh: at('c', i, 'zh'),
      en: at('c', i, 'en'),
      bo: at('c', i, 'bo'),
      weight: at('c', i, 'weight'),
      remove: at('c', i, 'remove') === 'on',
    })),
    graduation: Array.from({ length: count('g') }, (_, i) => ({
      id: at('g', i, 'id'),
      zh: at('g', i, 'zh'),
      en: at('g', i, 'en'),
      bo: at('g', i, 'bo'),
      remove: at('g', i, 'remove') === 'on',
    })),
    scale: field(form, 'scale'),
    minReviews: field(form, 'minReviews'),
    plannedMonths: field(form, 'plannedMonths'),
  };
}

const blank = (r: { zh: string; en: string; bo: string }) => !r.zh.trim() && !r.en.trim() && !r.bo.trim();
const text = (r: { zh: string; en: string; bo: string }) => ({
  zh: r.zh,
  ...(r.en.trim() ? { en: r.en } : {}),
  ...(r.bo.trim() ? { bo: r.bo } : {}),
});
const newId = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
const num = (s: string) => (s.trim() && Number.isFinite(Number(s)) ? Number(s) : s.trim() ? Number.NaN : undefined);

/** The body for the domain, and where each kept row came from (to put errors back on its row). */
function bodyOf(v: EditorValues) {
  const qRows: number[] = [];
  const cRows: number[] = [];
  const gRows: number[] = [];
  const questions: AdmissionQuestion[] = [];
  const criteria: AdmissionCriterion[] = [];
  const graduationCriteria: GraduationCriterion[] = [];
  v.questions.forEach((q, i) => {
    if (q.remove || blank(q)) return;
    q.id ||= newId('q');
    qRows.push(i);
    questions.push({ id: q.id, text: text(q), required: q.required, confidential: q.confidential });
  });
  v.criteria.forEach((c, i) => {
    if (c.remove || (blank(c) && !c.weight.trim())) return;
    c.id ||= newId('c');
    cRows.push(i);
    criteria.push({ id: c.id, name: text(c), weight: num(c.weight) as number });
  });
  v.graduation.forEach((g, i) => {
    if (g.remove || blank(g)) return;
    g.id ||= newId('g');
    gRows.push(i);
    graduationCriteria.push({ id: g.id, name: text(g) });
  });
  const body = {
    questions,
    criteria,
    graduationCriteria,
    scale: num(v.scale),
    minReviews: num(v.minReviews),
    plannedMonths: num(v.plannedMonths),
  };
  return { body, qRows, cRows, gRows };
}

/** zod paths of the body (questions.2.text.zh) as the editor's field names (q.<row>.zh). */
function rowErrors(errors: FieldErrors, qRows: number[], cRows: number[], gRows: number[]): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const [list, k, ...rest] = path.split('.');
    const last = rest.at(-1);
    if (list === 'questions' && k !== undefined && /^\d+$/.test(k))
      out[`q.${qRows[Number(k)]}.${last === 'en' || last === 'bo' ? last : 'zh'}`] ??= message;
    else if (list === 'criteria' && k !== undefined && /^\d+$/.test(k))
      out[`c.${cRows[Number(k)]}.${last === 'weight' ? 'weight' : last === 'en' || last === 'bo' ? last : 'zh'}`] ??=
        message;
    else if (list === 'criteria') out.criteria ??= message;
    else if (list === 'graduationCriteria' && k !== undefined && /^\d+$/.test(k))
      out[`g.${gRows[Number(k)]}.${last === 'en' || last === 'bo' ? last : 'zh'}`] ??= message;
    else if (list === 'graduationCriteria') out.graduationCriteria ??= message;
    else out[path || ''] ??= message;
  }
  return out;
}

function EditorPage(props: {
  ui: Ui;
  values: EditorValues | null;
  errors?: FieldErrors;
  done?: string;
  query: string;
  choose?: { centers: CenterChoice[]; value: string | null };
}) {
  const { ui, values: v, errors } = props;
  const { t } = ui;
  const questions = v ? [...v.questions, ...Array.from({ length: BLANK_QUESTIONS }, blankQuestion)] : [];
  const criteria = v ? [...v.criteria, ...Array.from({ length: BLANK_CRITERIA }, blankCriterion)] : [];
  const graduation = v ? [...v.graduation, ...Array.from({ length: BLANK_GRADUATION }, blankGraduation)] : [];
  const check = (name: string, label: string, checked: boolean) => (
    <label class="choice">
      <input type="checkbox" name={name} checked={checked} /> {label}
    </label>
  );
  return (
    <Page ui={ui} title={t('lifeui.formEditor.title')}>
      <p>
        <a href={`/app/admission${props.query}`}>{t('lifeui.admission.back')}</a>
      </p>
      {props.choose && <CenterChooser ui={ui} action="/app/admission/form" {...props.choose} />}
      {props.done === 'saved' && <Notice kind="success">{t('lifeui.formEditor.saved')}</Notice>}
      {v && (
        <form method="post" action={`/app/admission/form${props.query}`}>
          <CsrfField ui={ui} />
          <FormErrors ui={ui} errors={errors} />
          <p>{t('lifeui.formEditor.intro')}</p>
          <section class="card" aria-labelledby="questions-h">
            <h2 id="questions-h">{t('lifeui.formEditor.questions')}</h2>
            <p class="hint">{t('lifeui.formEditor.questions.hint', { blank: BLANK_QUESTIONS })}</p>
            {questions.map((q, i) => (
              <fieldset class="field">
                <legend>
                  {i < (v.questions.length ?? 0)
                    ? t('lifeui.formEditor.question', { n: i + 1 })
                    : t('lifeui.formEditor.newQuestion', { n: i + 1 })}
                </legend>
                <input type="hidden" name={`q.${i}.id`} value={q.id} />
                <TextField
                  name={`q.${i}.zh`}
                  label={t('lifeui.text.zh')}
                  value={q.zh}
                  maxlength={1000}
                  errors={errors}
                />
                <TextField
                  name={`q.${i}.en`}
                  label={t('lifeui.text.en')}
                  value={q.en}
                  maxlength={1000}
                  errors={errors}
                />
                <TextField
                  name={`q.${i}.bo`}
                  label={t('lifeui.text.bo')}
                  value={q.bo}
                  maxlength={1000}
                  errors={errors}
                />
                <div class="choices">
                  {check(`q.${i}.required`, t('lifeui.question.required'), q.required)}
                  {check(`q.${i}.confidential`, t('lifeui.question.confidential'), q.confidential)}
                  {q.id && check(`q.${i}.remove`, t('lifeui.formEditor.remove'), !!q.remove)}
                </div>
              </fieldset>
            ))}
          </section>
          <section class="card" aria-labelledby="criteria-h">
            <h2 id="criteria-h">{t('lifeui.formEditor.criteria')}</h2>
            <p class="hint">{t('lifeui.formEditor.criteria.hint')}</p>
            {errors?.criteria && <p class="field-error">{errors.criteria}</p>}
            {criteria.map((c, i) => (
              <fieldset class="field">
                <legend>{t('lifeui.formEditor.criterion', { n: i + 1 })}</legend>
                <input type="hidden" name={`c.${i}.id`} value={c.id} />
                <TextField
                  name={`c.${i}.zh`}
                  label={t('lifeui.text.zh')}
                  value={c.zh}
                  maxlength={200}
                  errors={errors}
                />
                <TextField
                  name={`c.${i}.en`}
                  label={t('lifeui.text.en')}
                  value={c.en}
                  maxlength={200}
                  errors={errors}
                />
                <TextField
                  name={`c.${i}.bo`}
                  label={t('lifeui.text.bo')}
                  value={c.bo}
                  maxlength={200}
                  errors={errors}
                />
                <TextField
                  name={`c.${i}.weight`}
                  label={t('lifeui.criterion.weight')}
                  type="number"
                  step="any"
                  min={0}
                  value={c.weight}
                  errors={errors}
                />
                {c.id && <div class="choices">{check(`c.${i}.remove`, t('lifeui.formEditor.remove'), !!c.remove)}</div>}
              </fieldset>
            ))}
          </section>
          <section class="card" aria-labelledby="graduation-h">
            <h2 id="graduation-h">{t('lifeui.formEditor.graduation')}</h2>
            <p class="hint">{t('lifeui.formEditor.graduation.hint')}</p>
            {errors?.graduationCriteria && <p class="field-error">{errors.graduationCriteria}</p>}
            {graduation.map((g, i) => (
              <fieldset class="field">
                <legend>{t('lifeui.formEditor.graduationCriterion', { n: i + 1 })}</legend>
                <input type="hidden" name={`g.${i}.id`} value={g.id} />
                <TextField
                  name={`g.${i}.zh`}
                  label={t('lifeui.text.zh')}
                  value={g.zh}
                  maxlength={200}
                  errors={errors}
                />
                <TextField
                  name={`g.${i}.en`}
                  label={t('lifeui.text.en')}
                  value={g.en}
                  maxlength={200}
                  errors={errors}
                />
                <TextField
                  name={`g.${i}.bo`}
                  label={t('lifeui.text.bo')}
                  value={g.bo}
                  maxlength={200}
                  errors={errors}
                />
                {g.id && <div class="choices">{check(`g.${i}.remove`, t('lifeui.formEditor.remove'), !!g.remove)}</div>}
              </fieldset>
            ))}
          </section>
          <section class="card" aria-labelledby="rules-h">
            <h2 id="rules-h">{t('lifeui.formEditor.rules')}</h2>
            <TextField
              name="scale"
              label={t('lifeui.formEditor.scale')}
              hint={t('lifeui.formEditor.scale.hint', { min: MIN_SCALE, max: MAX_SCALE })}
              type="number"
              min={MIN_SCALE}
              value={v.scale}
              required
              errors={errors}
            />
            <TextField
              name="minReviews"
              label={t('lifeui.formEditor.minReviews')}
              type="number"
              min={1}
              value={v.minReviews}
              required
              errors={errors}
            />
            <TextField
              name="plannedMonths"
              label={t('lifeui.formEditor.plannedMonths')}
              type="number"
              min={1}
              value={v.plannedMonths}
              required
              errors={errors}
            />
          </section>
          <div class="actions">
            <button type="submit">{t('lifeui.formEditor.save')}</button>
          </div>
        </form>
      )}
    </Page>
  );
}

export function formEditorRouter(deps: LifeDeps) {
  const db = deps.database.db;
  const router = new Hono<ConsoleEnv>();

  const page = async (
    c: Context<ConsoleEnv>,
    values?: EditorValues,
    errors?: FieldErrors,
    status: 200 | 403 | 409 | 422 = 200,
  ) => {
    const actor = c.get('actor');
    const centerId = pageCenter(c);
    const choose = actor.role === 'admin' ? { centers: await centerChoices(deps, c), value: centerId } : undefined;
    const current = centerId ? valuesOf(await getAdmissionForm(db, actor, centerId)) : null;
    return c.html(
      <EditorPage
        ui={uiOf(c)}
        values={values ?? current}
        errors={errors}
        done={c.req.query('done')}
        query={centerQuery(c, centerId)}
        choose={choose}
      />,
      status,
    );
  };

  router.get('/admission/form', (c) => page(c));

  router.post('/admission/form', async (c) => {
    const ui = uiOf(c);
    const centerId = pageCenter(c);
    if (!centerId) return page(c);
    const values = readRows(await readForm(c));
    const { body, qRows, cRows, gRows } = bodyOf(values);
    // Only the rows kept are shown again (blank and removed rows drop out; fresh blank rows follow).
    const kept: EditorValues = {
      ...values,
      questions: qRows.map((i) => values.questions[i]),
      criteria: cRows.map((i) => values.criteria[i]),
      graduation: gRows.map((i) => values.graduation[i]),
    };
    const keptRows = (rows: number[]) => rows.map((_, k) => k);
    const parsed = admissionFormBodySchema.safeParse(body);
    if (!parsed.success)
      return page(
        c,
        kept,
        rowErrors(zodFieldErrors(parsed.error, ui.t), keptRows(qRows), keptRows(cRows), keptRows(gRows)),
        422,
      );
    try {
      await putAdmissionForm(db, c.get('actor'), centerId, parsed.data);
    } catch (err) {
      const refused = refusalErrors(err, ui.lang);
      if (!refused) throw err;
      return page(
        c,
        kept,
        rowErrors(refused.errors, keptRows(qRows), keptRows(cRows), keptRows(gRows)),
        refused.status,
      );
    }
    return c.redirect(
      `/app/admission/form${centerQuery(c, centerId)}${centerQuery(c, centerId) ? '&' : '?'}done=saved`,
      303,
    );
  });

  return router;
}
