// The center's introductions and training invitations (admins and center staff): who waits for
// whom and since when, with a nudge for one still unanswered and an end for a stale or finished one.
// Both act through the engagement modules with the signed-in actor (policies, audit).
import { type Context, Hono } from 'hono';
import { Introductions } from '../../engagement/introductions.ts';
import { TrainingInvitations } from '../../engagement/training-invitations.ts';
import type { Db } from '../../db/client.ts';
import type { ConsoleEnv } from '../env.ts';
import { field, readForm } from '../forms.ts';
import { onlyRoles } from '../shared/roles.ts';
import { uiOf } from '../ui.ts';
import { introductionsPage, invitationsPage, STATUS_FILTERS, type StatusFilter } from './center-introductions.data.ts';
import { CenterIntrosPage } from './center-introductions.pages.tsx';

const statusOf = (s: string | undefined): StatusFilter =>
  STATUS_FILTERS.includes(s as StatusFilter) ? (s as StatusFilter) : 'open';
const pageOf = (s: string | undefined) => Math.max(0, Math.min(10_000, Number.parseInt(s ?? '1', 10) || 1) - 1);

export function centerIntroductionsRouter(db: Db) {
  const introductions = new Introductions(db);
  const invitations = new TrainingInvitations(db);
  const router = new Hono<ConsoleEnv>();
  const staff = onlyRoles('admin', 'center_staff');
  router.use('/center-introductions', staff);
  router.use('/center-introductions/*', staff);

  router.get('/center-introductions', async (c) => {
    const actor = c.get('actor');
    const filter = statusOf(c.req.query('status'));
    const page = pageOf(c.req.query('page'));
    const ipage = pageOf(c.req.query('ipage'));
    const [intros, invs] = await Promise.all([
      introductionsPage(db, actor, filter, page),
      invitationsPage(db, actor, filter, ipage),
    ]);
    return c.html(
      <CenterIntrosPage
        ui={uiOf(c)}
        filter={filter}
        intros={{ ...intros, page }}
        invitations={{ ...invs, page: ipage }}
        done={c.req.query('done')}
      />,
    );
  });

  /** Back to the list as it was filtered, with what was done. */
  const back = async (c: Context<ConsoleEnv>, done: string) => {
    const status = statusOf(field(await readForm(c), 'status'));
    return c.redirect(`/app/center-introductions?status=${status}&done=${done}`, 303);
  };

  router.post('/center-introductions/introductions/:id/nudge', async (c) => {
    await introductions.nudge(c.get('actor'), c.req.param('id'));
    return back(c, 'nudged');
  });

  router.post('/center-introductions/introductions/:id/end', async (c) => {
    await introductions.end(c.get('actor'), c.req.param('id'));
    return back(c, 'ended');
  });

  router.post('/center-introductions/invitations/:id/nudge', async (c) => {
    await invitations.nudge(c.get('actor'), c.req.param('id'));
    return back(c, 'nudged');
  });

  return router;
}
