// What the admission, incubation and founder lifecycle pages share: the center a staff page is about,
// texts in the reader's language, refusals of the domain as errors in place.
import type { Context } from 'hono';
import type { LocalText } from '../../../models/admission-forms/table.ts';
import { AppError } from '../../errors.ts';
import type { Lang } from '../../i18n/lang.ts';
import { centers } from '../../resources/index.ts';
import { Repository } from '../../resources/repository.ts';
import type { Db } from '../../db/client.ts';
import type { AppDeps } from '../../http/app.ts';
import { Select } from '../components.tsx';
import type { ConsoleEnv } from '../env.ts';
import { appFieldErrors, type FieldErrors } from '../forms.ts';
import type { Ui } from '../ui.ts';

export type LifeDeps = Pick<AppDeps, 'database' | 'embeddingHooks'>;

/** A center's text in the reader's language, else Chinese (always given). */
export const localText = (text: LocalText | undefined, lang: Lang): string =>
  (text && (text[lang]?.trim() || text.zh)) ?? '';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The center a staff page is about: a clerk's own center; for an admin the one chosen with `?center=`
 * (null until chosen: the page shows the chooser).
 */
export function pageCenter(c: Context<ConsoleEnv>): string | null {
  const actor = c.get('actor');
  if (actor.role === 'center_staff') return actor.centerId ?? null;
  const chosen = c.req.query('center') ?? '';
  return UUID.test(chosen) ? chosen : null;
}

/** `?center=` for admins' links and forms (a clerk's center is implied). */
export const centerQuery = (c: Context<ConsoleEnv>, centerId: string | null) =>
  c.get('actor').role === 'admin' && centerId ? `?center=${centerId}` : '';

export interface CenterChoice {
  id: string;
  name: string;
}

/** Centers an admin may choose among (through the centers repository and its policy). */
export async function centerChoices(deps: LifeDeps, c: Context<ConsoleEnv>): Promise<CenterChoice[]> {
  const repo = new Repository(centers, deps.database.db, deps.embeddingHooks);
  const page = await repo.list(c.get('ctx'), { limit: 100, filters: {} });
  return page.items.map((x) => ({ id: x.id as string, name: x.name as string }));
}

/** A center's name as the actor may read it (null when it may not). */
export async function centerName(deps: LifeDeps, c: Context<ConsoleEnv>, id: string): Promise<string | null> {
  const repo = new Repository(centers, deps.database.db, deps.embeddingHooks);
  return repo
    .get(c.get('ctx'), id)
    .then((r) => r.name as string)
    .catch(() => null);
}

/** An admin's center chooser (a GET form: works without JS). */
export function CenterChooser(props: { ui: Ui; action: string; centers: CenterChoice[]; value: string | null }) {
  const { ui } = props;
  return (
    <form method="get" action={props.action} class="card">
      <Select
        name="center"
        label={ui.t('lifeui.center.choose')}
        options={props.centers.map((x) => ({ value: x.id, label: x.name }))}
        value={props.value}
        required
      />
      <div class="actions">
        <button type="submit">{ui.t('lifeui.center.show')}</button>
      </div>
    </form>
  );
}

/** A refusal of the domain (4xx but 404) as errors in place; 404 and 5xx propagate (the error pages). */
export function refusalErrors(err: unknown, lang: Lang): { errors: FieldErrors; status: 409 | 422 | 403 } | null {
  if (!(err instanceof AppError) || err.status === 404 || err.status >= 500) return null;
  const errors = appFieldErrors(err, lang);
  if (!errors) return null;
  const status = err.status === 409 || err.status === 403 ? err.status : 422;
  return { errors, status };
}

export const dbOf = (deps: LifeDeps): Db => deps.database.db;

/** The planned end: the start plus the planned months (YYYY-MM-DD). */
export function plannedEnd(startedOn: string, months: number): string {
  const [y, m, d] = startedOn.split('-').map(Number);
  const end = new Date(Date.UTC(y, m - 1 + months, d));
  return end.toISOString().slice(0, 10);
}
