// Pages of one center's work (assignment, weights): center staff work on their own center; admins pick
// one (a `center` query or form field) from the centers they can read.
import type { Context } from 'hono';
import type { Repository } from '../../resources/repository.ts';
import type { Option } from '../components.tsx';
import type { ConsoleEnv } from '../env.ts';
import type { Ui } from '../ui.ts';

/** The center the page works on: staff their own; admins the one they chose (null until they choose). */
export function chosenCenter(c: Context<ConsoleEnv>, fromForm?: string): string | null {
  const actor = c.get('actor');
  if (actor.role === 'center_staff') return actor.centerId;
  const v = (fromForm ?? c.req.query('center') ?? '').trim();
  return v || null;
}

/** For admins: the centers to choose from (first 500 by id; a pilot has a handful). */
export async function centerOptions(c: Context<ConsoleEnv>, centers: Repository): Promise<Option[]> {
  if (c.get('actor').role !== 'admin') return [];
  const { items } = await centers.list(c.get('ctx'), { limit: 500, filters: {} });
  return items.map((x) => ({ value: x.id as string, label: x.name as string }));
}

/** A GET form choosing the center (admins only); works without script. */
export function CenterPicker(props: { ui: Ui; action: string; centers: Option[]; value: string | null }) {
  const { t } = props.ui;
  if (!props.centers.length) return null;
  return (
    <form method="get" action={props.action} class="card center-picker">
      <div class="field">
        <label for="f-center">{t('assign.center')}</label>
        <select id="f-center" name="center">
          {props.centers.map((o) => (
            <option value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div class="actions">
        <button type="submit" class="secondary">
          {t('assign.center.choose')}
        </button>
      </div>
    </form>
  );
}
