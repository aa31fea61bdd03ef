// Who waits for whom, since when: the center's introductions and its founders' training invitations.
import { enumLabel } from '../../i18n/labels.ts';
import { Badge, CsrfField, Notice, Pager, Select } from '../components.tsx';
import { formatDate, formatNumber } from '../format.ts';
import { Page } from '../layout.tsx';
import { IntroStatusBadge } from '../shared/intro-status.tsx';
import type { Ui } from '../ui.ts';
import { daysSince } from '../vetting/vetting.data.ts';
import {
  type IntroRow,
  type InvitationRow,
  PAGE,
  STALE_DAYS,
  STATUS_FILTERS,
  type StatusFilter,
} from './center-introductions.data.ts';

export interface CenterIntrosProps {
  ui: Ui;
  filter: StatusFilter;
  intros: { items: IntroRow[]; total: number; page: number };
  invitations: { items: InvitationRow[]; total: number; page: number };
  done?: string;
}

/** Since when it is in its state: asked, decided or ended. */
const sinceOf = (r: { status: string; createdAt: Date; decidedAt: Date | null; endedAt?: Date | null }) =>
  r.status === 'ended' ? (r.endedAt ?? r.createdAt) : (r.decidedAt ?? r.createdAt);

function Since(props: { ui: Ui; at: Date; open: boolean; nudgedAt: Date | null }) {
  const { t } = props.ui;
  const days = daysSince(props.at);
  return (
    <p>
      {t('centerIntros.since', { date: formatDate(props.at), days })}{' '}
      {props.open && days > STALE_DAYS && <Badge kind="bad">{t('centerIntros.stale', { days: STALE_DAYS })}</Badge>}{' '}
      {props.nudgedAt && <span class="muted">{t('centerIntros.nudged', { date: formatDate(props.nudgedAt) })}</span>}
    </p>
  );
}

function Action(props: {
  ui: Ui;
  action: string;
  filter: StatusFilter;
  label: string;
  confirm?: string;
  danger?: boolean;
}) {
  return (
    <form method="post" action={props.action}>
      <CsrfField ui={props.ui} />
      <input type="hidden" name="status" value={props.filter} />
      <button type="submit" class={props.danger ? 'danger' : 'secondary'} data-confirm={props.confirm}>
        {props.label}
      </button>
    </form>
  );
}

function IntroItem(props: { ui: Ui; r: IntroRow; filter: StatusFilter }) {
  const { ui, r, filter } = props;
  const { t, lang } = ui;
  const open = r.status === 'requested';
  const waitingFor = r.initiator === 'project' ? r.targetKind : 'project';
  return (
    <li class="card">
      <h3>
        <a href={`/app/vetting/${r.projectId}`}>{r.projectTitle}</a>
      </h3>
      <p>
        <span class="muted">{t('centerIntros.target')}</span> {enumLabel(lang, 'introductionTarget', r.targetKind)}{' '}
        {r.targetName ?? ''} <IntroStatusBadge ui={ui} status={r.status} />
      </p>
      {open && <p>{t(`centerIntros.waitingFor.${waitingFor}`)}</p>}
      <Since ui={ui} at={sinceOf(r)} open={open} nudgedAt={open ? r.nudgedAt : null} />
      {(open || r.status === 'accepted') && (
        <div class="actions">
          {open && (
            <Action
              ui={ui}
              filter={filter}
              action={`/app/center-introductions/introductions/${r.id}/nudge`}
              label={t('centerIntros.nudge')}
            />
          )}
          <Action
            ui={ui}
            filter={filter}
            action={`/app/center-introductions/introductions/${r.id}/end`}
            label={t('centerIntros.end')}
            confirm={t('centerIntros.end.confirm')}
            danger
          />
        </div>
      )}
    </li>
  );
}

function InvitationItem(props: { ui: Ui; r: InvitationRow; filter: StatusFilter }) {
  const { ui, r, filter } = props;
  const { t } = ui;
  const open = r.status === 'invited';
  const kind = { invited: 'warn', accepted: 'ok', declined: 'bad' } as const;
  const label = { invited: 'open', accepted: 'accepted', declined: 'declined' } as const;
  return (
    <li class="card">
      <h3>{r.trainingTitle}</h3>
      <p>
        <span class="muted">{t('centerIntros.founder')}</span> {r.founderName}{' '}
        <Badge kind={kind[r.status]}>{t(`centerIntros.status.${label[r.status]}`)}</Badge>
      </p>
      {open && <p>{t('centerIntros.waitingFor.project')}</p>}
      <Since ui={ui} at={sinceOf(r)} open={open} nudgedAt={open ? r.nudgedAt : null} />
      {open && (
        <div class="actions">
          <Action
            ui={ui}
            filter={filter}
            action={`/app/center-introductions/invitations/${r.id}/nudge`}
            label={t('centerIntros.nudge')}
          />
        </div>
      )}
    </li>
  );
}

export function CenterIntrosPage(props: CenterIntrosProps) {
  const { ui, filter, intros, invitations } = props;
  const { t, lang } = ui;
  const href = (p: { page?: number; ipage?: number }) => {
    const q = new URLSearchParams({ status: filter });
    const page = p.page ?? intros.page;
    const ipage = p.ipage ?? invitations.page;
    if (page) q.set('page', String(page + 1));
    if (ipage) q.set('ipage', String(ipage + 1));
    return `/app/center-introductions?${q}`;
  };
  const more = (x: { total: number; page: number }) => (x.page + 1) * PAGE < x.total;
  return (
    <Page ui={ui} title={t('centerIntros.title')}>
      {props.done === 'nudged' && <Notice kind="success">{t('centerIntros.done.nudged')}</Notice>}
      {props.done === 'ended' && <Notice kind="success">{t('centerIntros.done.ended')}</Notice>}
      <p>{t('centerIntros.intro')}</p>
      <form method="get" action="/app/center-introductions" class="card">
        <Select
          name="status"
          label={t('centerIntros.filter.status')}
          value={filter}
          options={STATUS_FILTERS.map((s) => ({ value: s, label: t(`centerIntros.status.${s}`) }))}
        />
        <div class="actions">
          <button type="submit">{t('centerIntros.filter.apply')}</button>
        </div>
      </form>
      <section aria-labelledby="intros-h">
        <h2 id="intros-h">{t('centerIntros.introductions', { count: formatNumber(intros.total, lang) })}</h2>
        {intros.items.length ? (
          <ul class="list">
            {intros.items.map((r) => (
              <IntroItem ui={ui} r={r} filter={filter} />
            ))}
          </ul>
        ) : (
          <p class="empty">{t('centerIntros.none')}</p>
        )}
        <Pager
          ui={ui}
          previous={intros.page > 0 ? href({ page: intros.page - 1 }) : null}
          next={more(intros) ? href({ page: intros.page + 1 }) : null}
        />
      </section>
      <section aria-labelledby="invitations-h">
        <h2 id="invitations-h">{t('centerIntros.invitations', { count: formatNumber(invitations.total, lang) })}</h2>
        {invitations.items.length ? (
          <ul class="list">
            {invitations.items.map((r) => (
              <InvitationItem ui={ui} r={r} filter={filter} />
            ))}
          </ul>
        ) : (
          <p class="empty">{t('centerIntros.invitationsNone')}</p>
        )}
        <Pager
          ui={ui}
          previous={invitations.page > 0 ? href({ ipage: invitations.page - 1 }) : null}
          next={more(invitations) ? href({ ipage: invitations.page + 1 }) : null}
        />
      </section>
    </Page>
  );
}
