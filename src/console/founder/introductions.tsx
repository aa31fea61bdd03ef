// My introductions: every introduction of the founder's projects with its state, the decline reason,
// why one ended, and the other side's contact once accepted (exactly what GET /v1/introductions/{id}/contacts
// returns to this founder). Investors who asked to meet a project themselves wait here for the founder's
// accept or decline (through the engagement layer, which decides who may decide).
import { and, desc, eq, inArray } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import type { IntroductionStatus } from '../../../models/enums.ts';
import { introductionDecisionSchema } from '../../../models/introductions/validation.ts';
import { auditTable, projectsTable } from '../../../models/schema.ts';
import type { Db } from '../../db/client.ts';
import { wasAccepted } from '../../engagement/ended.ts';
import type { Introduction } from '../../engagement/introductions.ts';
import { AppError } from '../../errors.ts';
import { introductionContacts } from '../../privacy/contacts.ts';
import { Badge, CsrfField, Notice, TextArea } from '../components.tsx';
import type { ConsoleEnv } from '../env.ts';
import { type FieldErrors, field, readForm } from '../forms.ts';
import { Page } from '../layout.tsx';
import { type Ui, uiOf } from '../ui.ts';
import { allPages, type FounderDomain, formatDate, founderOnly } from './shared.ts';

/** The decline note's limit (the decision body's). */
const NOTE_MAX = 2000;

/** An investor asked to meet the project itself and waits for the project side's answer. */
export const asksToMeet = (i: Pick<Introduction, 'status' | 'initiator'>) =>
  i.status === 'requested' && i.initiator === 'target';

function DecideAsk(props: { ui: Ui; id: string; note?: string; errors?: FieldErrors }) {
  const { ui, id, errors } = props;
  // One field name per introduction: several asks on one page need distinct element ids.
  const name = `note-${id}`;
  return (
    <>
      <div class="actions">
        <form method="post" action={`/app/introductions/${id}/accept`}>
          <CsrfField ui={ui} />
          <button type="submit">{ui.t('founder.intro.accept')}</button>
        </form>
      </div>
      <details open={errors?.[name] ? true : undefined}>
        <summary>{ui.t('founder.intro.declineTitle')}</summary>
        <form method="post" action={`/app/introductions/${id}/decline`} novalidate>
          <CsrfField ui={ui} />
          <TextArea
            name={name}
            label={ui.t('founder.intro.declineNote')}
            hint={ui.t('founder.intro.declineNote.hint')}
            rows={3}
            maxlength={NOTE_MAX}
            value={props.note}
            errors={errors}
          />
          <div class="actions">
            <button type="submit" class="danger">
              {ui.t('founder.intro.decline')}
            </button>
          </div>
        </form>
      </details>
    </>
  );
}

const BADGE: Record<IntroductionStatus, 'info' | 'ok' | 'bad' | 'warn'> = {
  requested: 'warn',
  accepted: 'ok',
  declined: 'bad',
  ended: 'info',
};

export const IntroStatusBadge = (props: { ui: Ui; status: IntroductionStatus }) => (
  <Badge kind={BADGE[props.status]}>{props.ui.t(`founder.intro.status.${props.status}`)}</Badge>
);

/**
 * The notes given with declines of these introductions. They are in the audit entries the founder's
 * own export (GET /v1/founders/{id}/export) already returns to it; the ids are introductions it reads.
 */
async function declineNotes(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: auditTable.entityId, detail: auditTable.detail })
    .from(auditTable)
    .where(and(eq(auditTable.action, 'introduction.decline'), inArray(auditTable.entityId, ids)))
    .orderBy(desc(auditTable.id));
  const out = new Map<string, string>();
  for (const r of rows) {
    const note = (r.detail as { note?: unknown } | null)?.note;
    if (r.id && typeof note === 'string' && !out.has(r.id)) out.set(r.id, note);
  }
  return out;
}

type Contact = { phone?: string; email?: string; wechat?: string } | null;

function ContactFacts(props: { ui: Ui; contact: Contact }) {
  const { t } = props.ui;
  const c = props.contact;
  if (!c || !(c.phone || c.email || c.wechat)) return <p class="muted">{t('founder.intro.contact.none')}</p>;
  return (
    <dl class="facts">
      {c.phone && (
        <>
          <dt>{t('founder.intro.phone')}</dt>
          <dd>
            <a href={`tel:${c.phone}`}>{c.phone}</a>
          </dd>
        </>
      )}
      {c.email && (
        <>
          <dt>{t('founder.intro.email')}</dt>
          <dd>
            <a href={`mailto:${c.email}`}>{c.email}</a>
          </dd>
        </>
      )}
      {c.wechat && (
        <>
          <dt>{t('founder.intro.wechat')}</dt>
          <dd>{c.wechat}</dd>
        </>
      )}
    </dl>
  );
}

export function introductionsRouter(d: FounderDomain) {
  const router = new Hono<ConsoleEnv>();
  async function render(
    c: Context<ConsoleEnv>,
    form: { id?: string; note?: string; errors?: FieldErrors; problem?: string } = {},
    status: 200 | 409 | 422 = 200,
  ) {
    const ui = uiOf(c);
    const { t } = ui;
    const actor = c.get('actor');
    const ctx = c.get('ctx');
    const intros: Introduction[] = await allPages((cursor) => d.introductions.list(actor, { limit: 100, cursor }));
    // Investors' asks waiting for the founder first, then newest first.
    intros.sort(
      (a, b) =>
        Number(asksToMeet(b)) - Number(asksToMeet(a)) ||
        new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime(),
    );
    const projectIds = [...new Set(intros.map((i) => i.projectId))];
    const titles = new Map(
      projectIds.length
        ? (await d.projects.readAll(ctx, inArray(projectsTable.id, projectIds))).map((p) => [p.id, p.title as string])
        : [],
    );
    const names = new Map<string, string>();
    for (const i of intros) {
      if (names.has(i.targetId)) continue;
      const row = await (i.targetKind === 'mentor' ? d.mentors : d.investors).get(ctx, i.targetId).catch(() => null);
      names.set(i.targetId, row?.name ?? t('founder.intro.removed'));
    }
    const notes = await declineNotes(
      d.db,
      intros.filter((i) => i.status === 'declined').map((i) => i.id),
    );
    const contacts = new Map<string, Contact>();
    for (const i of intros) {
      if (!wasAccepted(i)) continue;
      const answer = await introductionContacts(d.db, actor, i.id);
      contacts.set(i.id, (answer.target?.contact as Contact) ?? null);
    }
    return c.html(
      <Page ui={ui} title={t('founder.intro.title')}>
        {c.req.query('done') === 'accepted' && <Notice kind="success">{t('founder.intro.done.accepted')}</Notice>}
        {c.req.query('done') === 'declined' && <Notice kind="success">{t('founder.intro.done.declined')}</Notice>}
        {form.problem && <Notice kind="error">{form.problem}</Notice>}
        {intros.length ? (
          <ul class="list">
            {intros.map((i) => (
              <li class="card" id={`intro-${i.id}`}>
                {asksToMeet(i) ? (
                  <h2>
                    {t('founder.intro.asks', {
                      name: names.get(i.targetId) ?? '',
                      project: titles.get(i.projectId) ?? '',
                    })}
                  </h2>
                ) : (
                  <h2>
                    {names.get(i.targetId)} <span class="muted">· {t(`founder.intro.kind.${i.targetKind}`)}</span>
                  </h2>
                )}
                <p>
                  {asksToMeet(i) ? (
                    <Badge kind="warn">{t('founder.intro.status.asked')}</Badge>
                  ) : (
                    <IntroStatusBadge ui={ui} status={i.status} />
                  )}{' '}
                  <span class="muted">{formatDate(i.decidedAt ?? i.createdAt)}</span>
                </p>
                <p>
                  <a href={`/app/projects/${i.projectId}`}>
                    {t('founder.intro.project', { title: titles.get(i.projectId) ?? '' })}
                  </a>
                </p>
                {i.message && (
                  <p class="muted">
                    {t(i.initiator === 'target' ? 'founder.intro.theirMessage' : 'founder.intro.yourMessage', {
                      message: i.message,
                    })}
                  </p>
                )}
                {asksToMeet(i) && (
                  <DecideAsk
                    ui={ui}
                    id={i.id}
                    note={form.id === i.id ? form.note : undefined}
                    errors={form.id === i.id ? form.errors : undefined}
                  />
                )}
                {notes.has(i.id) && <p>{t('founder.intro.declineReason', { note: notes.get(i.id)! })}</p>}
                {i.endReason && <p class="muted">{t(`founder.intro.endReason.${i.endReason}`)}</p>}
                {contacts.has(i.id) && (
                  <section aria-label={t('founder.intro.contact')}>
                    <h3>{t('founder.intro.contact')}</h3>
                    <ContactFacts ui={ui} contact={contacts.get(i.id)!} />
                  </section>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">
            {t('founder.intro.none')} <a href="/app/projects">{t('founder.nav.projects')}</a>
          </p>
        )}
      </Page>,
      status,
    );
  }

  router.get(
    '/introductions',
    founderOnly((c) => render(c)),
  );

  const decide = (decision: 'accept' | 'decline') =>
    founderOnly(async (c) => {
      const id = c.req.param('id') ?? '';
      const actor = c.get('actor');
      const ui = uiOf(c);
      // Scope first: an introduction the founder may not see is the 404 page whatever the form holds.
      await d.introductions.get(actor, id);
      let note: string | undefined;
      if (decision === 'decline') {
        note = field(await readForm(c), `note-${id}`).trim() || undefined;
        if (note && !introductionDecisionSchema.safeParse({ note }).success)
          return render(c, { id, note, errors: { [`note-${id}`]: ui.t('field.tooLong', { max: NOTE_MAX }) } }, 422);
      }
      try {
        await d.introductions.decide(actor, id, decision, note);
      } catch (e) {
        // Decided meanwhile (by a co-founder or the center): shown in place, nothing changed.
        if (!(e instanceof AppError) || e.status !== 409) throw e;
        return render(c, { problem: ui.t('founder.intro.alreadyDecided') }, 409);
      }
      return c.redirect(`/app/introductions?done=${decision === 'accept' ? 'accepted' : 'declined'}`, 303);
    });
  router.post('/introductions/:id/accept', decide('accept'));
  router.post('/introductions/:id/decline', decide('decline'));
  return router;
}
