// The center's audit log (admins: every center's): the entries of GET /v1/audit, with its scope
// and redaction (src/audit/query.ts), newest first, filterable by action, actor, record type and
// dates, in the reader's language, each linked to its record where the console has a page for it.
import { type Context, Hono } from 'hono';
import { type AuditEntryView, auditActors, countAudit, listAudit } from '../../audit/query.ts';
import type { AppDeps } from '../../http/app.ts';
import { enumLabel } from '../../i18n/labels.ts';
import { isMessageKey, type MessageKey } from '../../i18n/t.ts';
import { projects } from '../../resources/index.ts';
import { Repository } from '../../resources/repository.ts';
import { type Option, Pager, Select, TextField } from '../components.tsx';
import type { ConsoleEnv } from '../env.ts';
import { formatNumber } from '../format.ts';
import { Page } from '../layout.tsx';
import { onlyRoles } from '../shared/roles.ts';
import { type Ui, uiOf } from '../ui.ts';
import { actorNames, projectTitles } from './audit.data.ts';

const PAGE = 50;

/** The actions the filter offers (each has a label); others still list, by their code. */
const ACTIONS = [
  'project.status',
  'project.resubmitted',
  'project.delete',
  'introduction.request',
  'introduction.accept',
  'introduction.decline',
  'introduction.end',
  'introduction.nudge',
  'contact.reveal',
  'training_invitation.create',
  'training_invitation.accept',
  'training_invitation.decline',
  'training_invitation.nudge',
  'enrollment.create',
  'enrollment.delete',
  'project_invitation.create',
  'project_invitation.accept',
  'project_invitation.decline',
  'project_invitation.withdraw',
  'account.created',
  'account.invited',
  'account.activated',
  'account.disabled',
  'api_key.create',
  'api_key.revoke',
  'assignment_run.create',
  'assignment_run.publish',
  'matching_weights.update',
  'founder.consent',
  'founder.erase',
  'founder.export',
] as const;
const KINDS = [
  'project',
  'founder',
  'introduction',
  'training_invitation',
  'enrollment',
  'project_invitation',
  'account',
  'api_key',
  'assignment_run',
  'matching_weights',
  'mentor',
  'investor',
  'training',
] as const;

const labelOf = (ui: Ui, prefix: 'audit.action' | 'audit.entity', code: string) => {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? ui.t(key) : code;
};

/** A YYYY-MM-DD day in Shanghai as an instant (the console's dates are Shanghai's). */
const dayStart = (day: string, plusDays = 0) => {
  const d = new Date(`${day}T00:00:00+08:00`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d.toISOString();
};
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(new Date(`${s}T00:00:00Z`).getTime());

const when = (d: Date) =>
  new Date(d).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16);

interface Filters {
  action: string;
  actor: string;
  entityKind: string;
  since: string;
  until: string;
}

function Detail(props: { ui: Ui; entry: AuditEntryView }) {
  const { ui, entry: e } = props;
  const { t, lang } = ui;
  const d = (e.detail ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  const statusKind =
    e.entityKind === 'project' ? 'projectStatus' : e.entityKind === 'introduction' ? 'introductionStatus' : null;
  if (typeof d.from === 'string' || typeof d.to === 'string') {
    const label = (v: unknown) => (typeof v !== 'string' ? '—' : statusKind ? enumLabel(lang, statusKind, v) : v);
    parts.push(`${label(d.from)} → ${label(d.to)}`);
  }
  if (Array.isArray(d.fields) && d.fields.length) {
    const names = d.fields.map((f) => {
      const key = `founder.project.field.${f === 'regionCode' ? 'region' : f === 'centerId' ? 'center' : f === 'fundingNeedCny' ? 'funding' : f}`;
      return isMessageKey(key) ? t(key as MessageKey) : String(f);
    });
    parts.push(t('audit.fields', { fields: names.join('、') }));
  }
  if (typeof d.reason === 'string') parts.push(t('audit.reason', { reason: d.reason }));
  if (typeof d.note === 'string') parts.push(t('audit.note', { note: d.note }));
  return parts.length ? <span class="prewrap">{parts.join(' · ')}</span> : null;
}

/** A short handle of an id: its end (UUIDv7 ids of one day share their beginning). */
const shortId = (id: string) => id.slice(-8);

function Record(props: { ui: Ui; entry: AuditEntryView; titles: Map<string, string>; names: Map<string, string> }) {
  const { ui, entry: e } = props;
  const kind = labelOf(ui, 'audit.entity', e.entityKind);
  if (e.entityId === null) return <span class="muted">{`${kind} ${ui.t('audit.hidden')}`}</span>;
  if (e.entityKind === 'project') {
    const title = props.titles.get(e.entityId);
    return title ? (
      <a href={`/app/vetting/${e.entityId}`}>{`${kind}《${title}》`}</a>
    ) : (
      <span>{`${kind} ${shortId(e.entityId)}`}</span>
    );
  }
  if (e.entityKind === 'introduction' || e.entityKind === 'training_invitation')
    return <a href="/app/center-introductions?status=all">{`${kind} ${shortId(e.entityId)}`}</a>;
  if (e.entityKind === 'account')
    return <a href="/app/accounts">{`${kind} ${props.names.get(`account:${e.entityId}`) ?? shortId(e.entityId)}`}</a>;
  return <span>{`${kind} ${shortId(e.entityId)}`}</span>;
}

function AuditPage(props: {
  ui: Ui;
  filters: Filters;
  error: string | null;
  entries: AuditEntryView[];
  total: number;
  next: string | null;
  actors: Option[];
  names: Map<string, string>;
  titles: Map<string, string>;
}) {
  const { ui, filters: f } = props;
  const { t, lang } = ui;
  const any = t('audit.filter.any');
  const query = new URLSearchParams(Object.entries(f).filter(([, v]) => v));
  return (
    <Page ui={ui} title={t('audit.title')}>
      <p>{t('audit.intro')}</p>
      <form method="get" action="/app/audit" class="card" aria-label={t('audit.filter.apply')}>
        <Select
          name="action"
          label={t('audit.filter.action')}
          empty={any}
          value={f.action}
          options={ACTIONS.map((a) => ({ value: a, label: labelOf(ui, 'audit.action', a) }))}
        />
        <Select name="actor" label={t('audit.filter.actor')} empty={any} value={f.actor} options={props.actors} />
        <Select
          name="entityKind"
          label={t('audit.filter.entityKind')}
          empty={any}
          value={f.entityKind}
          options={KINDS.map((k) => ({ value: k, label: labelOf(ui, 'audit.entity', k) }))}
        />
        <TextField name="since" type="date" label={t('audit.filter.since')} value={f.since} />
        <TextField
          name="until"
          type="date"
          label={t('audit.filter.until')}
          value={f.until}
          errors={props.error ? { until: props.error } : undefined}
        />
        <div class="actions">
          <button type="submit">{t('audit.filter.apply')}</button>
          <a class="button secondary" href="/app/audit">
            {t('audit.filter.reset')}
          </a>
        </div>
      </form>
      <p>
        <strong>{t('audit.total', { count: formatNumber(props.total, lang) })}</strong>
      </p>
      {props.entries.length ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('audit.col.when')}</th>
                <th scope="col">{t('audit.col.who')}</th>
                <th scope="col">{t('audit.col.what')}</th>
                <th scope="col">{t('audit.col.record')}</th>
              </tr>
            </thead>
            <tbody>
              {props.entries.map((e) => (
                <tr>
                  <td data-label={t('audit.col.when')}>
                    <time datetime={new Date(e.createdAt).toISOString()}>{when(e.createdAt)}</time>
                  </td>
                  <td data-label={t('audit.col.who')}>{props.names.get(e.actor) ?? e.actor}</td>
                  <td data-label={t('audit.col.what')}>
                    <strong>{labelOf(ui, 'audit.action', e.action)}</strong>
                    <br />
                    <Detail ui={ui} entry={e} />
                  </td>
                  <td data-label={t('audit.col.record')}>
                    <Record ui={ui} entry={e} titles={props.titles} names={props.names} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="empty">{t('audit.none')}</p>
      )}
      <Pager
        ui={ui}
        next={props.next ? `/app/audit?${new URLSearchParams([...query, ['cursor', props.next]])}` : null}
      />
    </Page>
  );
}

export function auditPageRouter(deps: AppDeps) {
  const db = deps.database.db;
  const projectRepo = new Repository(projects, db, deps.embeddingHooks);
  const router = new Hono<ConsoleEnv>();
  router.use('/audit', onlyRoles('admin', 'center_staff'));

  router.get('/audit', async (c: Context<ConsoleEnv>) => {
    const ui = uiOf(c);
    const actor = c.get('actor');
    const q = (k: string) => (c.req.query(k) ?? '').trim().slice(0, 100);
    const filters: Filters = {
      action: q('action'),
      actor: q('actor'),
      entityKind: q('entityKind'),
      since: isDay(q('since')) ? q('since') : '',
      until: isDay(q('until')) ? q('until') : '',
    };
    const badDates = !!filters.since && !!filters.until && filters.until < filters.since;
    const query = {
      action: filters.action || undefined,
      actor: filters.actor || undefined,
      entityKind: filters.entityKind || undefined,
      since: filters.since ? dayStart(filters.since) : undefined,
      // The end date is inclusive: entries before the next day's start.
      until: filters.until && !badDates ? dayStart(filters.until, 1) : undefined,
    };
    const [{ items, nextCursor }, total, actorLabels] = await Promise.all([
      listAudit(db, actor, { ...query, limit: PAGE, cursor: c.req.query('cursor'), newestFirst: true }),
      countAudit(db, actor, query),
      auditActors(db, actor),
    ]);
    const accountEntities = items
      .filter((e) => e.entityKind === 'account' && e.entityId)
      .map((e) => `account:${e.entityId}`);
    const names = await actorNames(db, actor, ui, [
      ...new Set([...actorLabels, ...items.map((e) => e.actor), ...accountEntities]),
    ]);
    const projectIds = items.filter((e) => e.entityKind === 'project' && e.entityId).map((e) => e.entityId!);
    return c.html(
      <AuditPage
        ui={ui}
        filters={filters}
        error={badDates ? ui.t('audit.badDates') : null}
        entries={items}
        total={total}
        next={nextCursor}
        actors={actorLabels.map((l) => ({ value: l, label: names.get(l) ?? l }))}
        names={names}
        titles={await projectTitles(projectRepo, c.get('ctx'), projectIds)}
      />,
      badDates ? 422 : 200,
    );
  });

  return router;
}
