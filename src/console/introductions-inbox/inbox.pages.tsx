// The inbox pages: the list (waiting first, oldest first; then decided) and one introduction with its
// decision forms, and the founders' contact once accepted.
import type { MentorCapacity } from '../../engagement/capacity.ts';
import { CsrfField, FormErrors, Notice, Select, TextArea } from '../components.tsx';
import type { FieldErrors } from '../forms.ts';
import { Page } from '../layout.tsx';
import { IntroStatusBadge } from '../shared/intro-status.tsx';
import { ProjectFacts, ProjectLine } from '../shared/project-facts.tsx';
import type { Ui } from '../ui.ts';
import { formatDate } from '../format.ts';
import { DECLINE_REASONS, type DeclineForm, NOTE_MAX, reasonLabel } from './decline-reasons.ts';
import type { InboxItem } from './inbox.data.ts';

function CapacityLine(props: { ui: Ui; capacity: MentorCapacity | null }) {
  if (!props.capacity) return null;
  const { accepted, capacity } = props.capacity;
  return <p class="muted">{props.ui.t('inbox.capacity', { accepted, capacity })}</p>;
}

function Message(props: { ui: Ui; message: string | null; own?: boolean }) {
  const { ui } = props;
  return props.message ? (
    <blockquote class="message">
      <p class="muted">{props.own ? ui.t('investor.inbox.yourMessage') : ui.t('inbox.message')}</p>
      <p>{props.message}</p>
    </blockquote>
  ) : props.own ? null : (
    <p class="muted">{ui.t('inbox.noMessage')}</p>
  );
}

/** The investor asked itself and the founders have not answered yet: nothing for the reader to decide. */
const waitsForFounders = (item: InboxItem) => item.status === 'requested' && item.initiator === 'target';

function WaitingForFounders(props: { ui: Ui }) {
  return <p class="muted">{props.ui.t('investor.inbox.waitingForFounder')}</p>;
}

function InboxCard(props: { ui: Ui; item: InboxItem }) {
  const { ui, item } = props;
  const href = `/app/inbox/${item.id}`;
  return (
    <li class="card">
      <h3>
        <a href={href}>{item.project.title}</a> <IntroStatusBadge ui={ui} status={item.status} />
      </h3>
      <p class="muted">
        {item.decidedAt
          ? ui.t('inbox.decidedOn', { date: formatDate(item.decidedAt) })
          : ui.t('inbox.requestedOn', { date: formatDate(item.createdAt) })}
      </p>
      <ProjectLine ui={ui} project={item.project} />
      {waitsForFounders(item) && (
        <>
          <WaitingForFounders ui={ui} />
          <p>
            <a href={href}>{ui.t('inbox.open')}</a>
          </p>
        </>
      )}
      {item.status === 'requested' && item.initiator === 'project' && (
        <>
          <Message ui={ui} message={item.message} />
          <div class="actions">
            <form method="post" action={`${href}/accept`}>
              <CsrfField ui={ui} />
              <button type="submit">{ui.t('inbox.accept')}</button>
            </form>
            <a class="button secondary" href={`${href}#decline`}>
              {ui.t('inbox.decline')}
            </a>
          </div>
        </>
      )}
      {item.status !== 'requested' && (
        <p>
          <a href={href}>{ui.t('inbox.open')}</a>
        </p>
      )}
    </li>
  );
}

export function InboxPage(props: {
  ui: Ui;
  waiting: InboxItem[];
  /** The investor's own requests, waiting for the founders. */
  asked: InboxItem[];
  decided: InboxItem[];
  capacity: MentorCapacity | null;
  done?: string;
}) {
  const { ui } = props;
  return (
    <Page ui={ui} title={ui.t('inbox.title')}>
      {props.done === 'declined' && <Notice kind="success">{ui.t('inbox.done.declined')}</Notice>}
      <CapacityLine ui={ui} capacity={props.capacity} />
      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">{ui.t('inbox.waiting')}</h2>
        {props.waiting.length ? (
          <ul class="list">
            {props.waiting.map((item) => (
              <InboxCard ui={ui} item={item} />
            ))}
          </ul>
        ) : (
          <p class="empty">{ui.t('inbox.empty.waiting')}</p>
        )}
      </section>
      {props.asked.length > 0 && (
        <section aria-labelledby="asked-heading">
          <h2 id="asked-heading">{ui.t('investor.inbox.asked')}</h2>
          <ul class="list">
            {props.asked.map((item) => (
              <InboxCard ui={ui} item={item} />
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="decided-heading">
        <h2 id="decided-heading">{ui.t('inbox.decided')}</h2>
        {props.decided.length ? (
          <ul class="list">
            {props.decided.map((item) => (
              <InboxCard ui={ui} item={item} />
            ))}
          </ul>
        ) : (
          <p class="empty">{ui.t('inbox.empty.decided')}</p>
        )}
      </section>
    </Page>
  );
}

export interface ContactsView {
  founders: { id: string; name: string; contact: { phone?: string; email?: string; wechat?: string } | null }[];
}

function Contacts(props: { ui: Ui; contacts: ContactsView }) {
  const { ui } = props;
  return (
    <section class="card" aria-labelledby="contact-heading">
      <h2 id="contact-heading">{ui.t('inbox.contact.title')}</h2>
      <ul class="list">
        {props.contacts.founders.map((f) => (
          <li>
            <strong>{f.name}</strong>
            {f.contact ? (
              <dl class="facts">
                {f.contact.phone && (
                  <>
                    <dt>{ui.t('inbox.contact.phone')}</dt>
                    <dd>
                      <a href={`tel:${f.contact.phone}`}>{f.contact.phone}</a>
                    </dd>
                  </>
                )}
                {f.contact.wechat && (
                  <>
                    <dt>{ui.t('inbox.contact.wechat')}</dt>
                    <dd>{f.contact.wechat}</dd>
                  </>
                )}
                {f.contact.email && (
                  <>
                    <dt>{ui.t('inbox.contact.email')}</dt>
                    <dd>
                      <a href={`mailto:${f.contact.email}`}>{f.contact.email}</a>
                    </dd>
                  </>
                )}
              </dl>
            ) : (
              <p class="muted">{ui.t('inbox.contact.notShared', { name: f.name })}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function IntroductionPage(props: {
  ui: Ui;
  item: InboxItem;
  capacity: MentorCapacity | null;
  contacts: ContactsView | null;
  done?: string;
  /** A refusal of the accept (capacity, already decided), shown in place. */
  problem?: string;
  decline?: DeclineForm;
  errors?: FieldErrors;
}) {
  const { ui, item } = props;
  const href = `/app/inbox/${item.id}`;
  return (
    <Page ui={ui} title={item.project.title}>
      <p>
        <a href="/app/inbox">← {ui.t('inbox.title')}</a>
      </p>
      {props.done === 'accepted' && <Notice kind="success">{ui.t('inbox.done.accepted')}</Notice>}
      {props.problem && <Notice kind="error">{props.problem}</Notice>}
      <p>
        <IntroStatusBadge ui={ui} status={item.status} />{' '}
        <span class="muted">
          {item.decidedAt
            ? ui.t('inbox.decidedOn', { date: formatDate(item.decidedAt) })
            : ui.t('inbox.requestedOn', { date: formatDate(item.createdAt) })}
        </span>
      </p>
      {waitsForFounders(item) && <WaitingForFounders ui={ui} />}
      <ProjectFacts ui={ui} project={item.project} full />
      <Message ui={ui} message={item.message} own={item.initiator === 'target'} />
      <p>
        <a href={`/app/introduced/${item.project.id}`}>{ui.t('introduced.projectPage')}</a>
      </p>
      {props.contacts && <Contacts ui={ui} contacts={props.contacts} />}
      {item.status === 'requested' && item.initiator === 'project' && (
        <>
          <CapacityLine ui={ui} capacity={props.capacity} />
          <div class="actions">
            <form method="post" action={`${href}/accept`}>
              <CsrfField ui={ui} />
              <button type="submit">{ui.t('inbox.accept')}</button>
            </form>
          </div>
          <section class="card" id="decline" aria-labelledby="decline-heading">
            <h2 id="decline-heading">{ui.t('inbox.declineTitle')}</h2>
            <FormErrors ui={ui} errors={props.errors} />
            <form method="post" action={`${href}/decline`} novalidate>
              <CsrfField ui={ui} />
              <Select
                name="reason"
                label={ui.t('inbox.reason')}
                required
                empty={ui.t('inbox.reason.choose')}
                options={DECLINE_REASONS.map((r) => ({ value: r, label: reasonLabel(ui.t, r) }))}
                value={props.decline?.reason}
                errors={props.errors}
              />
              <TextArea
                name="note"
                label={ui.t('inbox.note')}
                hint={ui.t('inbox.note.hint')}
                rows={3}
                maxlength={NOTE_MAX}
                value={props.decline?.note}
                errors={props.errors}
              />
              <div class="actions">
                <button type="submit" class="danger">
                  {ui.t('inbox.decline')}
                </button>
              </div>
            </form>
          </section>
        </>
      )}
    </Page>
  );
}
