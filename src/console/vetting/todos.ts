// Staff home to-do: projects waiting in the vetting queue.
import { Repository } from '../../resources/repository.ts';
import { projects } from '../../resources/index.ts';
import type { TodoSource } from '../home/todos.ts';

export const projectsToVet: TodoSource = async ({ deps, ctx, t }) => {
  const count = await new Repository(projects, deps.database.db, deps.embeddingHooks).count(ctx, {
    status: 'submitted',
  });
  return count ? [{ text: t('vetting.todo', { count }), href: '/app/vetting' }] : [];
};
