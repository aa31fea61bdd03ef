// Staff home to-do: open applications of the clerk's center that the clerk has not reviewed yet.
import { actorLabel } from '../../auth/actor.ts';
import { listApplications } from '../../lifecycle/applications.ts';
import type { TodoSource } from '../home/todos.ts';

export const applicationsToReview: TodoSource = async ({ db, ctx, t }) => {
  const actor = ctx.actor;
  // An admin has no center of its own: the to-do is the clerks'.
  if (actor.role !== 'center_staff' || !actor.centerId) return [];
  const me = actorLabel(actor);
  const { items } = await listApplications(db, actor, { centerId: actor.centerId, status: 'submitted' });
  const count = items.filter((a) => !a.reviews.some((r) => r.reviewer === me)).length;
  return count ? [{ text: t('lifeui.todo.reviews', { count }), href: '/app/admission' }] : [];
};
