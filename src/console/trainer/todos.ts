// The trainer's to-dos on the home page: founders who accepted an invitation since the last visit (per
// training, linking to its cohort), and trainings starting within two weeks that still have seats left.
import { todayInShanghai } from '../../matching/rules.ts';
import type { TodoItem, TodoSource } from '../home/todos.ts';
import { allPages } from '../founder/shared.ts';
import { providerOf, seatsOf, trainerDomain } from './trainer.data.ts';

/** How far ahead a training with free seats becomes a to-do. */
const SOON_DAYS = 14;
const DAY_MS = 86_400_000;

const accepted: TodoSource = async (a) => {
  if (!a.since) return [];
  const since = a.since;
  const d = trainerDomain(a.deps);
  const rows = await allPages(
    (cursor) => d.invitations.list(a.ctx.actor, { limit: 100, cursor, status: 'accepted' }),
    5,
  );
  const perTraining = new Map<string, number>();
  for (const i of rows)
    if (i.decidedAt && new Date(i.decidedAt) > since)
      perTraining.set(i.trainingId, (perTraining.get(i.trainingId) ?? 0) + 1);
  const items: TodoItem[] = [];
  for (const [id, count] of perTraining) {
    const training = await d.trainings.get(a.ctx, id).catch(() => null);
    if (training)
      items.push({
        text: a.t('trainer.todo.accepted', { count, title: training.title }),
        href: `/app/trainings/${id}/cohort`,
      });
  }
  return items;
};

const startingSoon: TodoSource = async (a) => {
  const d = trainerDomain(a.deps);
  const today = todayInShanghai();
  const mine = await allPages(
    (cursor) => d.trainings.list(a.ctx, { limit: 100, cursor, filters: { provider: providerOf(a.ctx.actor) } }),
    5,
  );
  const items: TodoItem[] = [];
  for (const r of mine) {
    if (r.startsOn < today) continue;
    const days = Math.round((Date.parse(r.startsOn) - Date.parse(today)) / DAY_MS);
    if (days > SOON_DAYS) continue;
    const seats = await seatsOf(d, r);
    if (seats.left > 0)
      items.push({
        text: a.t('trainer.todo.startsSoon', { title: r.title, days, left: seats.left }),
        href: `/app/trainings/${r.id}/cohort`,
      });
  }
  return items;
};

/** The trainer's to-do sources, in the order their items are shown. */
export const trainerTodoSources: readonly TodoSource[] = [accepted, startingSoon];
