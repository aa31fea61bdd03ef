// The order-style cohort builder of one training: the founders who fit (pseudonymous: handle, groups,
// prefecture, languages, the stages of their projects, score and reasons; never a name or contact),
// checkboxes to choose, "invite the chosen ones", and each invitee's state (invited / accepted, i.e.
// enrolled, with the name the domain then reveals / declined) next to the seats left.
// Founders already invited (in any state) or enrolled are not suggested again (the recipe's rules).
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { TrainingInvitationStatus } from '../../../models/enums.ts';
import { trainingInvitationBodySchema } from '../../../models/training-invitations/validation.ts';
import { AppError } from '../../errors.ts';
import { enumLabel, regionName } from '../../i18n/labels.ts';
import { Badge, CsrfField, Notice, TextArea } from '../components.tsx';
import type { ConsoleEnv } from '../env.ts';
import { formatDate, formatNumber } from '../format.ts';
import { appFieldErrors, field, fieldList, readForm } from '../forms.ts';
import { Page } from '../layout.tsx';
import { MatchReasons, MatchScore } from '../shared/match-reasons.tsx';
import { type Ui, uiOf } from '../ui.ts';
import {
  type CohortMatch,
  cohortMatches,
  invitationsOf,
  ownTraining,
  seatsOf,
  type TrainerDomain,
} from './trainer.data.ts';
import { dateRange, labelList, SeatsBadge } from './trainings.tsx';

/** A handle as shown: the prefix and 8 characters (distinct enough within one cohort, readable on a phone). */
export const shortHandle = (handle: string | undefined) => (handle ?? '').slice(0, 11);

const STATE_BADGE: Record<TrainingInvitationStatus, 'info' | 'ok' | 'bad'> = {
  invited: 'info',
  accepted: 'ok',
  declined: 'bad',
};

const list = (ui: Ui, kind: 'founderGroup' | 'lang' | 'stage', values: string[]) =>
  labelList(ui, kind, values, ui.t('common.none'));

function Candidate(props: { ui: Ui; m: CohortMatch; checked: boolean }) {
  const { ui, m } = props;
  const { t } = ui;
  const id = `pick-${m.handle}`;
  return (
    <li class="card">
      <p>
        <label class="choice" for={id}>
          <input type="checkbox" id={id} name="handle" value={m.handle} checked={props.checked} />{' '}
          <strong>{t('trainer.cohort.founder', { handle: shortHandle(m.handle) })}</strong>
        </label>
      </p>
      <MatchScore ui={ui} score={m.score} />
      {/* One line per founder (a cohort can list a hundred): every part names itself. */}
      <p class="muted">
        {[
          list(ui, 'founderGroup', m.groups),
          regionName(m.prefectureCode, ui.lang),
          list(ui, 'lang', m.languages),
          m.stages.length ? list(ui, 'stage', m.stages) : t('trainer.cohort.noProject'),
        ].join(' · ')}
      </p>
      <MatchReasons ui={ui} reasons={m.reasons} />
    </li>
  );
}

export function cohortRouter(d: TrainerDomain) {
  const router = new Hono<ConsoleEnv>();

  const render = async (
    c: Context<ConsoleEnv>,
    o: { problem?: string; chosen?: string[]; message?: string; status?: 409 | 422 } = {},
  ) => {
    const ui = uiOf(c);
    const { t, lang } = ui;
    const actor = c.get('actor');
    const r = await ownTraining(d, c, c.req.param('id') ?? '');
    const [seats, invitations, matches] = await Promise.all([
      seatsOf(d, r),
      invitationsOf(d, actor, r.id),
      cohortMatches(d, actor, r.id, lang),
    ]);
    const open = invitations.filter((i) => i.status === 'invited').length;
    const done = c.req.query('done');
    const invitedCount = Math.max(0, Math.min(1000, Number(c.req.query('count')) || 0));
    const chosen = new Set(o.chosen ?? []);
    return c.html(
      <Page ui={ui} title={t('trainer.cohort.pageTitle', { title: r.title })}>
        {done === 'invited' && (
          <Notice kind="success">
            {t('trainer.cohort.done.invited', { count: formatNumber(invitedCount, lang) })}
          </Notice>
        )}
        {o.problem && <Notice kind="error">{o.problem}</Notice>}
        <section class="card" aria-labelledby="seats-h">
          <h2 id="seats-h">{t('trainer.cohort.seats')}</h2>
          <p>
            <SeatsBadge ui={ui} seats={seats} />
          </p>
          <p class="muted">
            {dateRange(r)} · {enumLabel(lang, 'trainingMode', r.mode)}
          </p>
          {seats.left === 0 && <p>{t('trainer.cohort.full')}</p>}
          {open > seats.left && seats.left > 0 && (
            <p class="hint">{t('trainer.cohort.overbooked', { open, left: seats.left })}</p>
          )}
        </section>
        <section aria-labelledby="invitees-h">
          <h2 id="invitees-h">{t('trainer.cohort.invitees')}</h2>
          {invitations.length ? (
            <ul class="list">
              {invitations.map((i) => (
                <li class="card">
                  <p>
                    <strong>
                      {i.status === 'accepted' && i.founderName
                        ? i.founderName
                        : t('trainer.cohort.founder', { handle: shortHandle(i.handle) })}
                    </strong>{' '}
                    <Badge kind={STATE_BADGE[i.status]}>{t(`trainer.state.${i.status}`)}</Badge>
                  </p>
                  <p class="muted">
                    {i.status === 'invited'
                      ? t('trainer.cohort.invitedOn', { date: formatDate(i.createdAt) })
                      : t(`trainer.cohort.decidedOn.${i.status}`, { date: formatDate(i.decidedAt) })}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty">{t('trainer.cohort.noInvitees')}</p>
          )}
        </section>
        <section aria-labelledby="fit-h">
          <h2 id="fit-h">{t('trainer.cohort.fit')}</h2>
          <p class="hint">{t('trainer.cohort.fit.hint')}</p>
          {matches.length ? (
            <form method="post" action={`/app/trainings/${r.id}/cohort`}>
              <CsrfField ui={ui} />
              <ul class="list">
                {matches.map((m) => (
                  <Candidate ui={ui} m={m} checked={chosen.has(m.handle)} />
                ))}
              </ul>
              <div class="card">
                <TextArea
                  name="message"
                  label={t('trainer.cohort.message')}
                  hint={t('trainer.cohort.message.hint')}
                  value={o.message ?? ''}
                  rows={3}
                />
                <button type="submit">{t('trainer.cohort.invite')}</button>
              </div>
            </form>
          ) : (
            <p class="empty">{t('trainer.cohort.noneFit')}</p>
          )}
        </section>
        <p>
          <a href={`/app/trainings/${r.id}`}>{t('trainer.cohort.back', { title: r.title })}</a>
        </p>
      </Page>,
      o.status ?? 200,
    );
  };

  router.get('/trainings/:id/cohort', (c) => render(c));

  router.post('/trainings/:id/cohort', async (c) => {
    const ui = uiOf(c);
    const actor = c.get('actor');
    const r = await ownTraining(d, c, c.req.param('id'));
    const form = await readForm(c);
    const handles = [...new Set(fieldList(form, 'handle'))];
    const message = field(form, 'message').trim();
    if (!handles.length) return render(c, { problem: ui.t('trainer.cohort.chooseSome'), message, status: 422 });
    const body = trainingInvitationBodySchema.safeParse({ handle: handles[0], ...(message ? { message } : {}) });
    if (!body.success)
      return render(c, { problem: ui.t('trainer.cohort.messageTooLong'), chosen: handles, message, status: 422 });
    // One invitation per founder (each its own transaction, as the API's): a refusal of one (already
    // invited meanwhile, an unknown handle) does not undo the others; the page says which failed.
    let invited = 0;
    const refused: string[] = [];
    for (const handle of handles) {
      try {
        await d.invitations.invite(actor, r.id, { handle, ...(message ? { message } : {}) });
        invited++;
      } catch (err) {
        if (!(err instanceof AppError) || err.status === 404 || err.status >= 500) throw err;
        const why = appFieldErrors(err, ui.lang) ?? {};
        refused.push(`${shortHandle(handle)}: ${why[''] ?? Object.values(why)[0] ?? ''}`);
      }
    }
    if (!refused.length) return c.redirect(`/app/trainings/${r.id}/cohort?done=invited&count=${invited}`, 303);
    const problem = ui.t('trainer.cohort.someRefused', { invited, refused: refused.join('；') });
    return render(c, { problem, message, status: invited ? 409 : 422 });
  });

  return router;
}
