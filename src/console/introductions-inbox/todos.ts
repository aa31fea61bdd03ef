// Home to-do of mentors and investors: introductions waiting for their decision.
import type { TodoSource } from '../home/todos.ts';
import { waitingCount } from './inbox.data.ts';

export const waitingIntroductions: TodoSource = async ({ db, ctx, t }) => {
  const count = await waitingCount(db, ctx.actor);
  return count ? [{ text: t('inbox.todo.waiting', { count }), href: '/app/inbox' }] : [];
};
