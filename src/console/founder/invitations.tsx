// Invitations waiting for the founder: to join another founder's project as a co-founder, and to a
// training (accepting enrols, through the same seat check as an enrolment).
import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError } from '../../errors.ts';
import { enumLabel, regionName } from '../../i18n/labels.ts';
import { CsrfField, Notice } from '../components.tsx';
import type { ConsoleEnv } from '../env.ts';
import { appFieldErrors, field, readForm } from '../forms.ts';
import { Page } from '../layout.tsx';
import { type Ui, uiOf } from '../ui.ts';
import { allPages, type FounderDomain, founderId, founderOnly } from './shared.ts';

/** The invitations that wait for this founder's answer (bounded: its own). */
export async function waitingInvitations(d: FounderDomain, c: Context<ConsoleEnv>) {
  const actor = c.get('actor');
  const me = founderId(c);
  const cofounder = (
    await allPages((cursor) => d.projectInvitations.list(actor, { limit: 100, cursor, status: 'pending' }), 5)
  ).filter((i) => i.founderId === me);
  const training = await allPages(
    (cursor) => d.trainingInvitations.list(actor, { limit: 100, cursor, status: 'invited' }),
    5,
  );
  const trainings = [];
  for (const i of training) {
    const row = await d.trainings.get(c.get('ctx'), i.trainingId).catch(() => null);
    if (row)
      trainings.push({
        ...i,
        title: row.title as string,
        provider: row.provider as string,
        // When, how and where: what a founder needs to decide.
        when: row.startsOn === row.endsOn ? row.startsOn : `${row.startsOn} – ${row.endsOn}`,
        mode: row.mode as string,
        regionCode: row.regionCode as string,
      });
  }
  return { cofounder, trainings };
}

function Decide(props: { ui: Ui; action: string; id: string }) {
  const { ui } = props;
  return (
    <div class="actions">
      {(['accept', 'decline'] as const).map((decision) => (
        <form method="post" action={props.action}>
          <CsrfField ui={ui} />
          <input type="hidden" name="id" value={props.id} />
          <input type="hidden" name="decision" value={decision} />
          <button type="submit" class={decision === 'decline' ? 'secondary' : undefined}>
            {ui.t(`founder.inv.${decision}`)}
          </button>
        </form>
      ))}
    </div>
  );
}

export function invitationsRouter(d: FounderDomain) {
  const router = new Hono<ConsoleEnv>();

  const render = async (c: Context<ConsoleEnv>, problem?: { message: string; status: 409 | 422 | 403 }) => {
    const ui = uiOf(c);
    const { t } = ui;
    const { cofounder, trainings } = await waitingInvitations(d, c);
    const done = c.req.query('done');
    return c.html(
      <Page ui={ui} title={t('founder.inv.title')}>
        {done === 'accepted' && <Notice kind="success">{t('founder.inv.done.accepted')}</Notice>}
        {done === 'declined' && <Notice kind="success">{t('founder.inv.done.declined')}</Notice>}
        {problem && <Notice kind="error">{problem.message}</Notice>}
        <section aria-labelledby="co-h">
          <h2 id="co-h">{t('founder.inv.cofounder')}</h2>
          {cofounder.length ? (
            <ul class="list">
              {cofounder.map((i) => (
                <li class="card">
                  <p>{t('founder.inv.cofounder.text', { title: i.projectTitle })}</p>
                  <Decide ui={ui} action="/app/invitations/project" id={i.id} />
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty">{t('founder.inv.none')}</p>
          )}
        </section>
        <section aria-labelledby="tr-h">
          <h2 id="tr-h">{t('founder.inv.training')}</h2>
          {trainings.length ? (
            <ul class="list">
              {trainings.map((i) => (
                <li class="card">
                  <p>{t('founder.inv.training.text', { provider: i.provider, title: i.title })}</p>
                  <p class="muted">
                    {i.when} · {enumLabel(ui.lang, 'trainingMode', i.mode)} · {regionName(i.regionCode, ui.lang)}
                  </p>
                  {i.message && <p class="muted">{i.message}</p>}
                  <Decide ui={ui} action="/app/invitations/training" id={i.id} />
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty">{t('founder.inv.none')}</p>
          )}
        </section>
      </Page>,
      problem?.status ?? 200,
    );
  };

  router.get(
    '/invitations',
    founderOnly((c) => render(c)),
  );

  const decide = (run: (c: Context<ConsoleEnv>, id: string, decision: 'accept' | 'decline') => Promise<unknown>) =>
    founderOnly(async (c) => {
      const form = await readForm(c);
      const decision = field(form, 'decision') === 'accept' ? 'accept' : 'decline';
      try {
        await run(c, field(form, 'id'), decision);
      } catch (err) {
        if (!(err instanceof AppError) || err.status === 404 || err.status >= 500) throw err;
        const errors = appFieldErrors(err, c.get('lang')) ?? {};
        return render(c, { message: errors[''] ?? Object.values(errors)[0] ?? '', status: err.status as 409 });
      }
      return c.redirect(`/app/invitations?done=${decision === 'accept' ? 'accepted' : 'declined'}`, 303);
    });

  router.post(
    '/invitations/project',
    decide((c, id, decision) => d.projectInvitations.decide(c.get('actor'), id, decision)),
  );
  router.post(
    '/invitations/training',
    decide((c, id, decision) => d.trainingInvitations.decide(c.get('actor'), id, decision)),
  );
  return router;
}
