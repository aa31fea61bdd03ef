// My introductions: every introduction of the founder's projects with its state, the decline reason,
// why one ended, and the other side's contact once accepted (exactly what GET /v1/introductions/{id}/contacts
// returns to this founder).
import { and, desc, eq, inArray } from 'drizzle-orm';
import { Hono } from 'hono';
import type { IntroductionStatus } from '../../../models/enums.ts';
import { auditTable, projectsTable } from '../../../models/schema.ts';
import type { Db } from '../../db/client.ts';
import { wasAccepted } from '../../engagement/ended.ts';
import type { Introduction } from '../../engagement/introductions.ts';
import { introductionContacts } from '../../privacy/contacts.ts';
import { Badge } from '../components.tsx';
import type { ConsoleEnv } from '../env.ts';
import { Page } from '../layout.tsx';
import { type Ui, uiOf } from '../ui.ts';
import { allPages, type FounderDomain, formatDate } from './shared.ts';

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
  router.get('/introductions', async (c, next) => {
    if (c.get('session')?.account.role !== 'founder') return next();
    const ui = uiOf(c);
    const { t } = ui;
    const actor = c.get('actor');
    const ctx = c.get('ctx');
    const intros: Introduction[] = await allPages((cursor) => d.introductions.list(actor, { limit: 100, cursor }));
    intros.sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime());
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
        {intros.length ? (
          <ul class="list">
            {intros.map((i) => (
              <li class="card">
                <h2>
                  {names.get(i.targetId)} <span class="muted">· {t(`founder.intro.kind.${i.targetKind}`)}</span>
                </h2>
                <p>
                  <IntroStatusBadge ui={ui} status={i.status} />{' '}
                  <span class="muted">{formatDate(i.decidedAt ?? i.createdAt)}</span>
                </p>
                <p>
                  <a href={`/app/projects/${i.projectId}`}>
                    {t('founder.intro.project', { title: titles.get(i.projectId) ?? '' })}
                  </a>
                </p>
                {i.message && <p class="muted">{t('founder.intro.yourMessage', { message: i.message })}</p>}
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
    );
  });
  return router;
}
