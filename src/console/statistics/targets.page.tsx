// The "目标" tab (/app/statistics/targets): per year, the would-be founders and the centers each area
// should have. One row per prefecture followed by its counties (the whole region first for admins).
// Admins edit every row in one form; a region_admin reads its own region's rows. The form is checked
// whole before anything is saved, and an invalid one comes back with what was typed.
import { Hono, type Context } from 'hono';
import { covers, REGION_ROOT } from '../../../models/regions/codes.ts';
import { regions } from '../../../seeds/reference/regions.ts';
import { isAdmin } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { regionName } from '../../i18n/labels.ts';
import { putRegionTarget, type RegionTarget, TARGET_YEARS, targetsOfYear } from '../../statistics/targets.ts';
import { CsrfField, FormErrors, Notice } from '../components.tsx';
import type { ConsoleEnv } from '../env.ts';
import { type FieldErrors, field, readForm } from '../forms.ts';
import { formatNumber } from '../format.ts';
import { onlyRoles } from '../shared/roles.ts';
import type { Ui } from '../ui.ts';
import { uiOf } from '../ui.ts';
import { StatsPage } from './statistics.layout.tsx';

export const TARGETS_PATH = '/app/statistics/targets';
/** The same path inside the console router (mounted at /app). */
const ROUTE = '/statistics/targets';

/** The areas the actor reads, in the table's order: the region, then each prefecture and its counties. */
export function targetAreas(scope: string): { code: string; level: 'region' | 'prefecture' | 'county' }[] {
  const out: { code: string; level: 'region' | 'prefecture' | 'county' }[] = [];
  if (scope === REGION_ROOT) out.push({ code: REGION_ROOT, level: 'region' });
  for (const p of regions.filter((r) => r.level === 'prefecture')) {
    for (const r of [p, ...regions.filter((c) => c.parentCode === p.code)])
      if (covers(scope, r.code)) out.push({ code: r.code, level: r.code === p.code ? 'prefecture' : 'county' });
  }
  return out;
}

const thisYear = () => new Date().getUTCFullYear();

/** The year asked for: 2000–2100, this year when absent; anything else is a page that does not exist. */
function yearOf(raw: string | undefined): number {
  if (raw === undefined || raw === '') return thisYear();
  if (!/^\d{4}$/.test(raw)) throw notFound('page');
  const year = Number(raw);
  if (year < TARGET_YEARS.min || year > TARGET_YEARS.max) throw notFound('page');
  return year;
}

type Values = Record<string, string>;
const pfName = (code: string) => `pf_${code}`;
const centersName = (code: string) => `c_${code}`;

function TargetsPage(props: {
  ui: Ui;
  year: number;
  areas: ReturnType<typeof targetAreas>;
  targets: Map<string, RegionTarget>;
  editable: boolean;
  values?: Values;
  errors?: FieldErrors;
  saved?: boolean;
}) {
  const { ui, year, editable } = props;
  const { t } = ui;
  const years: number[] = [];
  for (let y = thisYear() + 5; y >= thisYear() - 5; y--) years.push(y);
  if (!years.includes(year)) years.push(year);
  const typed = (name: string, stored: number | null | undefined) =>
    props.values ? (props.values[name] ?? '') : stored == null ? '' : String(stored);
  const shown = (n: number | null | undefined) => (n == null ? t('roles.targets.unset') : formatNumber(n, ui.lang));
  const table = (
    <div class="table-wrap">
      <table class="targets">
        <caption>{t('roles.targets.caption', { year: String(year) })}</caption>
        <thead>
          <tr>
            <th scope="col" id="rt-area">
              {t('roles.targets.area')}
            </th>
            <th scope="col" class="num" id="rt-pf">
              {t('roles.targets.potentialFounders')}
            </th>
            <th scope="col" class="num" id="rt-c">
              {t('roles.targets.centers')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.areas.map((a) => {
            const target = props.targets.get(a.code);
            const pf = pfName(a.code);
            const c = centersName(a.code);
            return (
              <tr class={`level-${a.level}`}>
                <th scope="row" id={`rt-${a.code}`}>
                  {regionName(a.code, ui.lang)}
                </th>
                {editable ? (
                  <>
                    <td class="num" data-label={t('roles.targets.potentialFounders')}>
                      <input
                        name={pf}
                        inputmode="numeric"
                        value={typed(pf, target?.potentialFounders)}
                        aria-labelledby={`rt-pf rt-${a.code}`}
                        aria-invalid={props.errors?.[pf] ? 'true' : undefined}
                        aria-describedby={props.errors?.[pf] ? `rt-e-${pf}` : undefined}
                      />
                      {props.errors?.[pf] && (
                        <p class="error" id={`rt-e-${pf}`}>
                          {props.errors[pf]}
                        </p>
                      )}
                    </td>
                    <td class="num" data-label={t('roles.targets.centers')}>
                      <input
                        name={c}
                        inputmode="numeric"
                        value={typed(c, target?.centers)}
                        aria-labelledby={`rt-c rt-${a.code}`}
                        aria-invalid={props.errors?.[c] ? 'true' : undefined}
                        aria-describedby={props.errors?.[c] ? `rt-e-${c}` : undefined}
                      />
                      {props.errors?.[c] && (
                        <p class="error" id={`rt-e-${c}`}>
                          {props.errors[c]}
                        </p>
                      )}
                    </td>
                  </>
                ) : (
                  <>
                    <td class="num" data-label={t('roles.targets.potentialFounders')}>
                      {shown(target?.potentialFounders)}
                    </td>
                    <td class="num" data-label={t('roles.targets.centers')}>
                      {shown(target?.centers)}
                    </td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
  return (
    <StatsPage ui={ui} title={t('roles.targets.title')}>
      {props.saved && <Notice kind="success">{t('roles.targets.saved')}</Notice>}
      <form method="get" action={TARGETS_PATH} class="filters">
        <div class="field">
          <label for="targets-year">{t('roles.targets.year')}</label>
          <select id="targets-year" name="year">
            {years.map((y) => (
              <option value={String(y)} selected={y === year}>
                {String(y)}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit" class="secondary">
            {t('roles.targets.show')}
          </button>
        </div>
      </form>
      <p class="muted">{t(editable ? 'roles.targets.hint.edit' : 'roles.targets.hint.read')}</p>
      {/* report links */}
      {editable ? (
        <form method="post" action={`${TARGETS_PATH}?year=${year}`}>
          <CsrfField ui={ui} />
          <FormErrors ui={ui} errors={props.errors} />
          {table}
          <div class="actions">
            <button type="submit">{t('roles.targets.save')}</button>
          </div>
        </form>
      ) : (
        table
      )}
    </StatsPage>
  );
}

/** The actor's scope as a region code: the whole region for admins, its own for a region_admin. */
const scopeOf = (c: Context<ConsoleEnv>): string => {
  const account = c.get('session')!.account;
  return account.role === 'region_admin' ? account.regionCode! : REGION_ROOT;
};

/** Reads one typed number: '' → null, a whole number in range, else the message. */
function parseCount(raw: string, max: number, ui: Ui): { value: number | null } | { error: string } {
  const s = raw.trim();
  if (s === '') return { value: null };
  if (!/^\d+$/.test(s) || Number(s) > max)
    return { error: ui.t('roles.targets.invalid', { max: formatNumber(max, ui.lang) }) };
  return { value: Number(s) };
}

export function targetsRouter(db: Db) {
  const router = new Hono<ConsoleEnv>();
  router.use(ROUTE, onlyRoles('admin', 'region_admin'));

  const draw = async (
    c: Context<ConsoleEnv>,
    extra: { values?: Values; errors?: FieldErrors } = {},
    status: 200 | 422 = 200,
  ) => {
    const ui = uiOf(c);
    const year = yearOf(c.req.query('year'));
    const areas = targetAreas(scopeOf(c));
    const targets = await targetsOfYear(
      db,
      year,
      areas.map((a) => a.code),
    );
    const editable = isAdmin(c.get('actor'));
    return c.html(
      <TargetsPage
        ui={ui}
        year={year}
        areas={areas}
        targets={targets}
        editable={editable}
        saved={c.req.query('saved') === '1'}
        {...extra}
      />,
      status,
    );
  };

  router.get(ROUTE, (c) => draw(c));

  router.post(ROUTE, async (c) => {
    const actor = c.get('actor');
    if (!isAdmin(actor)) throw notFound('page');
    const ui = uiOf(c);
    const year = yearOf(c.req.query('year'));
    const areas = targetAreas(REGION_ROOT);
    const form = await readForm(c);
    const stored = await targetsOfYear(
      db,
      year,
      areas.map((a) => a.code),
    );
    const values: Values = {};
    const errors: FieldErrors = {};
    const writes: { code: string; body: { potentialFounders: number; centers: number | null } }[] = [];
    // The bounds of regionTargetBodySchema (models/region-targets), which putRegionTarget's callers check.
    const maxPf = 10_000_000;
    const maxC = 10_000;
    for (const a of areas) {
      const pf = pfName(a.code);
      const cn = centersName(a.code);
      values[pf] = field(form, pf);
      values[cn] = field(form, cn);
      const p = parseCount(values[pf], maxPf, ui);
      const n = parseCount(values[cn], maxC, ui);
      if ('error' in p) errors[pf] = p.error;
      if ('error' in n) errors[cn] = n.error;
      if ('error' in p || 'error' in n) continue;
      const before = stored.get(a.code);
      // Would-be founders are what a target is: centers alone cannot be saved, nor a target cleared.
      if (p.value === null) {
        if (n.value !== null || before) errors[pf] = ui.t('roles.targets.needFounders');
        continue;
      }
      if (before && before.potentialFounders === p.value && before.centers === n.value) continue;
      writes.push({ code: a.code, body: { potentialFounders: p.value, centers: n.value } });
    }
    if (Object.keys(errors).length) return draw(c, { values, errors }, 422);
    for (const w of writes) await putRegionTarget(db, actor, w.code, year, w.body);
    return c.redirect(`${TARGETS_PATH}?year=${year}&saved=1`, 303);
  });

  return router;
}
