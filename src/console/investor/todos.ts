// Home to-do of investors: fitting projects new since the last visit. Bounded: the best TODO_LIMIT
// matches (cached like the discover page), of which those vetted or changed since the last visit.
import { and, gt, inArray } from 'drizzle-orm';
import { projectsTable } from '../../../models/projects/table.ts';
import { projects } from '../../resources/index.ts';
import { Repository } from '../../resources/repository.ts';
import type { TodoSource } from '../home/todos.ts';
import { investorMatches } from './discover.data.ts';

const TODO_LIMIT = 20;

export const newFittingProjects: TodoSource = async ({ deps, ctx, t, lang, since }) => {
  const { items } = await investorMatches(deps, ctx.actor, lang, TODO_LIMIT);
  if (!items.length) return [];
  let count = items.length;
  if (since) {
    // Read through the projects policy, as the discover page does (vetting a project updates it).
    const repo = new Repository(projects, deps.database.db, deps.embeddingHooks);
    const ids = items.map((i) => i.id);
    const fresh = await repo.readAll(ctx, and(inArray(projectsTable.id, ids), gt(projectsTable.updatedAt, since))!);
    count = fresh.length;
  }
  return count ? [{ text: t('investor.todo.newFits', { count }), href: '/app/discover' }] : [];
};
