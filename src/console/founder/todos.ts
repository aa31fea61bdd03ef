// The founder's to-dos on the home page: invitations waiting for an answer, investors asking to meet a
// project (waiting for the founder's accept or decline), introductions answered since the last visit, and new matches since the last visit (candidates created since then among the top
// matches of each project: bounded work, and mostly cache hits).
import { and, gt, inArray } from 'drizzle-orm';
import { servedProjectMatches } from '../../matching/served.ts';
import type { TodoArgs, TodoItem, TodoSource } from '../home/todos.ts';
import { candidateTableOf, JOURNEYS, journeyLabel } from './journeys.ts';
import { asksToMeet } from './introductions.tsx';
import { allPages, founderDomain, type FounderDomain } from './shared.ts';
import { isReviewed } from '../../lifecycle/reviewed.ts';

/** How many projects and top matches per journey the "new matches" to-do looks at. */
const PROJECTS_LOOKED_AT = 3;
const TOP = 10;

const founderOf = (a: TodoArgs) => a.ctx.actor.subjectId;

function founderTodos(): readonly TodoSource[] {
  /** Each source reads through the founder pages' own domain objects, made from the app's services. */
  const withDomain =
    (source: (d: FounderDomain, a: TodoArgs) => Promise<TodoItem[]>): TodoSource =>
    (a) =>
      source(founderDomain(a.deps), a);
  const invitations = withDomain(async (d, a) => {
    const actor = a.ctx.actor;
    const [cofounder, training] = await Promise.all([
      d.projectInvitations.list(actor, { limit: 20, status: 'pending' }),
      d.trainingInvitations.list(actor, { limit: 20, status: 'invited' }),
    ]);
    const items: TodoItem[] = cofounder.items
      .filter((i) => i.founderId === founderOf(a))
      .map((i) => ({ text: a.t('founder.todo.cofounder', { title: i.projectTitle }), href: '/app/invitations' }));
    for (const i of training.items) {
      const row = await d.trainings.get(a.ctx, i.trainingId).catch(() => null);
      if (row) items.push({ text: a.t('founder.todo.training', { title: row.title }), href: '/app/invitations' });
    }
    return items;
  });

  const asks = withDomain(async (d, a) => {
    const intros = await allPages(
      (cursor) => d.introductions.list(a.ctx.actor, { limit: 100, cursor, status: 'requested' }),
      5,
    );
    const count = intros.filter(asksToMeet).length;
    return count ? [{ text: a.t('founder.todo.investorsAsked', { count }), href: '/app/introductions' }] : [];
  });

  const decided = withDomain(async (d, a) => {
    if (!a.since) return [];
    const since = a.since;
    const intros = await allPages((cursor) => d.introductions.list(a.ctx.actor, { limit: 100, cursor }), 5);
    const fresh = intros.filter(
      // Answers from the other side only: the founders' own decisions on investors' asks are not news to them.
      (i) =>
        i.initiator === 'project' &&
        i.decidedAt &&
        new Date(i.decidedAt) > since &&
        (i.status === 'accepted' || i.status === 'declined'),
    );
    const titles = new Map<string, string>();
    for (const i of fresh) {
      if (!titles.has(i.projectId))
        titles.set(i.projectId, (await d.projects.get(a.ctx, i.projectId).catch(() => null))?.title ?? '');
    }
    return fresh.map((i) => ({
      text: a.t('founder.todo.decided', {
        project: titles.get(i.projectId) ?? '',
        status: a.t(`founder.intro.status.${i.status}`),
      }),
      href: '/app/introductions',
    }));
  });

  const newMatches = withDomain(async (d, a) => {
    if (!a.since) return [];
    const projects = (await d.projects.list(a.ctx, { limit: PROJECTS_LOOKED_AT, filters: {} })).items;
    const since = a.since;
    const pairs = projects.flatMap((p) =>
      JOURNEYS.filter((journey) => journey !== 'investors' || isReviewed(p.status)).map((journey) => ({ p, journey })),
    );
    // The pairs are independent (and mostly cache hits): asked together, in the order shown.
    const found = await Promise.all(
      pairs.map(async ({ p, journey }): Promise<TodoItem | null> => {
        const { items: top } = await servedProjectMatches(d.matching, a.ctx.actor, p.id, journey, {
          limit: TOP,
          lang: a.lang,
        });
        if (!top.length) return null;
        const table = candidateTableOf(journey);
        const fresh = await d.db
          .select({ id: table.id })
          .from(table)
          .where(
            and(
              inArray(
                table.id,
                top.map((m) => m.id),
              ),
              gt(table.createdAt, since),
            ),
          );
        if (!fresh.length) return null;
        return {
          text: a.t('founder.todo.newMatches', {
            project: p.title,
            count: fresh.length,
            journey: a.t(journeyLabel(journey)),
          }),
          href: `/app/projects/${p.id}/matches/${journey}`,
        };
      }),
    );
    const items = found.filter((item): item is TodoItem => item !== null);
    return items;
  });

  return [invitations, asks, decided, newMatches];
}

/** The founder's to-do sources, in the order their items are shown. */
export const founderTodoSources = founderTodos();
