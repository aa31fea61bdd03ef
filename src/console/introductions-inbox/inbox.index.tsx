// /app/inbox: a mentor's or investor's introductions to decide. Decisions go through the engagement
// layer (who may decide, the row-locked capacity check, audit); the founders' contact through the
// contact side door, which shows a founder's contact only with that founder's consent.
import { Hono, type Context } from 'hono';
import { mentorCapacity, type MentorCapacity } from '../../engagement/capacity.ts';
import { wasAccepted } from '../../engagement/ended.ts';
import { Introductions } from '../../engagement/introductions.ts';
import { AppError, notFound } from '../../errors.ts';
import { enumLabel } from '../../i18n/labels.ts';
import { introductionContacts } from '../../privacy/contacts.ts';
import type { Repository } from '../../resources/repository.ts';
import type { Db } from '../../db/client.ts';
import type { ConsoleEnv } from '../env.ts';
import { field, readForm } from '../forms.ts';
import { uiOf } from '../ui.ts';
import { declineNote, type DeclineForm } from './decline-reasons.ts';
import { inbox, type InboxItem, readableProjects } from './inbox.data.ts';
import { type ContactsView, InboxPage, IntroductionPage } from './inbox.pages.tsx';

export function inboxRouter(db: Db, projects: Repository) {
  const router = new Hono<ConsoleEnv>();
  const intros = new Introductions(db);

  const capacityOf = (c: Context<ConsoleEnv>): Promise<MentorCapacity | null> => {
    const actor = c.get('actor');
    return actor.role === 'mentor' ? mentorCapacity(db, actor.subjectId!) : Promise.resolve(null);
  };

  /** The introduction as the reader may see it, with its project; 404 when either is out of scope. */
  async function item(c: Context<ConsoleEnv>, id: string): Promise<InboxItem> {
    const intro = await intros.get(c.get('actor'), id);
    const project = (await readableProjects(projects, c.get('ctx'), [intro.projectId])).get(intro.projectId);
    if (!project) throw notFound('introduction');
    return { ...intro, project };
  }

  async function render(
    c: Context<ConsoleEnv>,
    id: string,
    extra: { problem?: string; decline?: DeclineForm; errors?: Record<string, string> } = {},
    status: 200 | 409 | 422 = 200,
  ) {
    const it = await item(c, id);
    const contacts: ContactsView | null = wasAccepted(it)
      ? await introductionContacts(db, c.get('actor'), it.id)
      : null;
    return c.html(
      <IntroductionPage
        ui={uiOf(c)}
        item={it}
        capacity={await capacityOf(c)}
        contacts={contacts}
        done={c.req.query('done')}
        {...extra}
      />,
      status,
    );
  }

  router.get('/inbox', async (c) => {
    const { waiting, asked, decided } = await inbox(db, projects, c.get('ctx'));
    return c.html(
      <InboxPage
        ui={uiOf(c)}
        waiting={waiting}
        asked={asked}
        decided={decided}
        capacity={await capacityOf(c)}
        done={c.req.query('done')}
      />,
    );
  });

  router.get('/inbox/:id', (c) => render(c, c.req.param('id')));

  router.post('/inbox/:id/accept', async (c) => {
    const id = c.req.param('id');
    const ui = uiOf(c);
    try {
      await intros.decide(c.get('actor'), id, 'accept');
    } catch (e) {
      if (!(e instanceof AppError) || e.status !== 409) throw e;
      // Refused without a change: capacity taken (the row-locked check) or decided meanwhile.
      const current = await intros.get(c.get('actor'), id);
      const cap = await capacityOf(c);
      const problem =
        current.status === 'requested' && cap && cap.remaining <= 0
          ? ui.t('inbox.capacityFull', { accepted: cap.accepted, capacity: cap.capacity })
          : ui.t('inbox.alreadyDecided', { status: enumLabel(ui.lang, 'introductionStatus', current.status) });
      return render(c, id, { problem }, 409);
    }
    return c.redirect(`/app/inbox/${id}?done=accepted`, 303);
  });

  router.post('/inbox/:id/decline', async (c) => {
    const id = c.req.param('id');
    const ui = uiOf(c);
    const form = await readForm(c);
    const decline = { reason: field(form, 'reason'), note: field(form, 'note') };
    // Scope first: an introduction one may not see is 404 whatever the form holds.
    await item(c, id);
    const checked = declineNote(decline, ui.t);
    if ('errors' in checked) return render(c, id, { decline, errors: checked.errors }, 422);
    try {
      await intros.decide(c.get('actor'), id, 'decline', checked.note);
    } catch (e) {
      if (!(e instanceof AppError) || e.status !== 409) throw e;
      const current = await intros.get(c.get('actor'), id);
      const problem = ui.t('inbox.alreadyDecided', {
        status: enumLabel(ui.lang, 'introductionStatus', current.status),
      });
      return render(c, id, { problem }, 409);
    }
    return c.redirect('/app/inbox?done=declined', 303);
  });

  return router;
}
