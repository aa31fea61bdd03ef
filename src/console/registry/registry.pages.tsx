// The registry's pages: the overview with the five totals, a searchable list, a record's page.
import { formatNumber } from '../format.ts';
import type { Lang } from '../../i18n/lang.ts';
import { enumLabel, type LabelKind, regionName } from '../../i18n/labels.ts';
import type { Row } from '../../resources/types.ts';
import { Notice, Select, TextField } from '../components.tsx';
import { Page } from '../layout.tsx';
import type { Ui } from '../ui.ts';
import type { Linked, Search } from './registry.data.ts';
import { REGISTRY, type RegistryName, SPECS } from './registry.resources.ts';

const base = (name: RegistryName) => `/app/registry/${name}`;

export function OverviewPage(props: { ui: Ui; totals: Record<RegistryName, number> }) {
  const { ui } = props;
  const { t } = ui;
  return (
    <Page ui={ui} title={t('registry.title')}>
      <p class="muted">{t('registry.intro')}</p>
      <ul class="list todo">
        {REGISTRY.map((name) => (
          <li>
            <a href={base(name)}>{t(SPECS[name].title)}</a>
            <span>{t(SPECS[name].total, { count: formatNumber(props.totals[name], ui.lang) })}</span>
          </li>
        ))}
      </ul>
    </Page>
  );
}

const withParams = (path: string, params: URLSearchParams, extra: Record<string, string> = {}) => {
  const p = new URLSearchParams(params);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `${path}?${s}` : path;
};

export function ListPage(props: {
  ui: Ui;
  name: RegistryName;
  search: Search;
  items: Row[];
  total: number;
  nextCursor: string | null;
  mayCreate: boolean;
}) {
  const { ui, name, search } = props;
  const { t, lang } = ui;
  const spec = SPECS[name];
  const q = search.params.get('q') ?? '';
  const filtering = spec.filters.some((f) => search.params.has(f.name));
  return (
    <Page ui={ui} title={t(spec.title)}>
      <p>
        <a href="/app/registry">{t('registry.back')}</a>
      </p>
      <form method="get" action={base(name)} class="card registry-search">
        <TextField name="q" label={t('registry.search')} hint={t('registry.search.hint')} value={q} maxlength={200} />
        <details open={filtering ? true : undefined}>
          <summary>{t('registry.filters')}</summary>
          <div class="registry-filters">
            {spec.filters.map((f) => (
              <Select
                name={f.name}
                label={t(f.label)}
                options={f.options(lang)}
                value={search.params.get(f.name) ?? ''}
                empty={t('registry.filter.all')}
              />
            ))}
          </div>
        </details>
        <div class="actions">
          <button type="submit">{t('registry.search.submit')}</button>
          {search.params.size > 0 && (
            <a class="button secondary" href={base(name)}>
              {t('registry.search.clear')}
            </a>
          )}
        </div>
      </form>
      {props.mayCreate && (
        <p class="actions">
          <a class="button" href={`${base(name)}/new`}>
            {t(spec.newTitle)}
          </a>
        </p>
      )}
      <p class="registry-total" role="status">
        {t(spec.total, { count: formatNumber(props.total, lang) })}
      </p>
      {props.items.length ? (
        <ul class="list">
          {props.items.map((row) => (
            <li class="card">
              <h2>
                <a href={`${base(name)}/${row.id}`}>{spec.nameOf(row)}</a>
              </h2>
              <p class="muted">{spec.summary(row, lang)}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('registry.none')}</p>
      )}
      {/* Keyset pages go forward only: the way back is to the first page. */}
      {(search.cursor || props.nextCursor) && (
        <nav class="pager" aria-label={t('registry.pages')}>
          {search.cursor && <a href={withParams(base(name), search.params)}>{t('registry.firstPage')}</a>}
          {props.nextCursor && (
            <a href={withParams(base(name), search.params, { cursor: props.nextCursor })} rel="next">
              {t('action.next')}
            </a>
          )}
        </nav>
      )}
      <p class="actions">
        <a class="button secondary" href={withParams(`/app/exports/${name}.xlsx`, search.params)}>
          {t('registry.export.xlsx')}
        </a>
        <a class="button secondary" href={withParams(`/app/exports/${name}.csv`, search.params)}>
          {t('registry.export.csv')}
        </a>
      </p>
    </Page>
  );
}

type Fact = [label: string, value: string | null | undefined];

const list = (lang: Lang, kind: LabelKind, values: readonly string[] | null | undefined) =>
  (values ?? []).map((v) => enumLabel(lang, kind, v)).join('、');

const regionsOf = (codes: readonly string[] | null | undefined, ui: Ui) =>
  codes?.length ? codes.map((c) => regionName(c, ui.lang)).join('、') : ui.t('registry.everywhere');

/** A county with its prefecture ("日喀则市 · 桑珠孜区"), as the region select names it. */
const placeName = (code: string, lang: Lang) => {
  const prefecture = `${code.slice(0, 4)}00`;
  return code.endsWith('00') ? regionName(code, lang) : `${regionName(prefecture, lang)} · ${regionName(code, lang)}`;
};

const yesNo = (ui: Ui, v: unknown) => ui.t(v ? 'common.yes' : 'common.no');

function contactText(contact: Row | null | undefined): string | null {
  if (!contact) return null;
  return [contact.phone, contact.email, contact.wechat].filter(Boolean).join(' · ') || null;
}

/** The facts of a record in the reader's language; a field the policy removed is simply not there. */
function factsOf(ui: Ui, name: RegistryName, r: Row, linked: Linked): Fact[] {
  const { t, lang } = ui;
  const region: Fact = [t('registry.field.region'), r.regionCode ? placeName(r.regionCode, lang) : null];
  const center: Fact = [t('registry.field.center'), linked.center?.name ?? t('common.none')];
  const contact: Fact = ['contact' in r ? t('registry.field.contact') : '', contactText(r.contact) ?? t('common.none')];
  switch (name) {
    case 'founders':
      return [
        [t('registry.field.groups'), list(lang, 'founderGroup', r.groups)],
        region,
        [t('registry.field.languages'), list(lang, 'lang', r.languages)],
        [t('registry.field.education'), r.educationLevel],
        [t('registry.field.graduationYear'), r.graduationYear == null ? null : String(r.graduationYear)],
        [t('registry.field.interests'), r.interests],
        center,
        contact,
      ];
    case 'projects':
      return [
        [t('registry.field.status'), enumLabel(lang, 'projectStatus', r.status)],
        [t('founder.project.field.description'), r.description],
        [t('founder.project.field.sector'), enumLabel(lang, 'sector', r.sector)],
        [t('founder.project.field.stage'), enumLabel(lang, 'stage', r.stage)],
        region,
        center,
        [t('founder.project.field.needs'), list(lang, 'topic', r.needs) || t('common.none')],
        [
          t('founder.project.field.funding'),
          r.fundingNeedCny == null
            ? t('common.none')
            : t('founder.project.fundingValue', { amount: formatNumber(r.fundingNeedCny, lang) }),
        ],
        [t('registry.field.languages'), list(lang, 'lang', r.languages)],
        [t('founder.project.field.notes'), typeof r.confidential?.notes === 'string' ? r.confidential.notes : null],
      ];
    case 'mentors':
      return [
        region,
        [t('profile.remoteTitle'), yesNo(ui, r.remote)],
        [t('profile.capacity'), String(r.capacity)],
        [t('profile.availability'), yesNo(ui, r.active)],
        [t('profile.expertise'), list(lang, 'topic', r.expertise) || t('common.none')],
        [t('profile.sectors'), list(lang, 'sector', r.sectors) || t('common.none')],
        [t('registry.field.languages'), list(lang, 'lang', r.languages)],
        [t('profile.bio'), r.bio],
        contact,
      ];
    case 'investors':
      return [
        [t('profile.kind'), enumLabel(lang, 'investorKind', r.kind)],
        [t('profile.thesis'), r.thesis],
        [t('profile.sectors'), list(lang, 'sector', r.sectors) || t('registry.any')],
        [t('profile.stages'), list(lang, 'stage', r.stages) || t('registry.any')],
        [t('registry.field.ticket'), `${formatNumber(r.ticketMinCny, lang)} – ${formatNumber(r.ticketMaxCny, lang)}`],
        [t('profile.regions'), regionsOf(r.regionCodes, ui)],
        [t('profile.availability'), yesNo(ui, r.active)],
        contact,
      ];
    case 'services':
      return [
        [t('registry.field.category'), enumLabel(lang, 'topic', r.category)],
        [t('registry.field.provider'), r.provider],
        [t('registry.field.description'), r.description],
        [t('registry.field.servedRegions'), regionsOf(r.regionCodes, ui)],
        [t('registry.field.voucher'), yesNo(ui, r.voucherEligible)],
        [t('registry.field.languages'), list(lang, 'lang', r.languages)],
        center,
      ];
    case 'centers':
      return [
        [t('registry.field.centerKind'), enumLabel(lang, 'centerKind', r.kind)],
        [t('registry.field.centerStatus'), `${enumLabel(lang, 'centerStatus', r.status)} (${r.statusSince})`],
        [t('registry.field.centerLevel'), r.level ? enumLabel(lang, 'centerLevel', r.level) : t('common.none')],
        region,
        [t('registry.field.operator'), r.operator],
        [t('registry.field.pilot'), yesNo(ui, r.pilot)],
      ];
  }
}

export function DetailPage(props: {
  ui: Ui;
  name: RegistryName;
  row: Row;
  linked: Linked;
  mayEdit: boolean;
  mayAddProject: boolean;
  done?: string;
}) {
  const { ui, name, row, linked } = props;
  const { t } = ui;
  const spec = SPECS[name];
  const facts = factsOf(ui, name, row, linked).filter(([label, value]) => label && value != null && value !== '');
  return (
    <Page ui={ui} title={spec.nameOf(row)}>
      <p>
        <a href={base(name)}>{t('registry.backTo', { list: t(spec.title) })}</a>
      </p>
      {props.done === 'created' && <Notice kind="success">{t('registry.done.created')}</Notice>}
      {props.done === 'saved' && <Notice kind="success">{t('registry.done.saved')}</Notice>}
      <section class="card" aria-labelledby="facts-h">
        <h2 id="facts-h">{t('registry.facts')}</h2>
        <dl class="facts">
          {facts.map(([label, value]) => (
            <>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </>
          ))}
        </dl>
        {props.mayEdit && (
          <div class="actions">
            <a class="button secondary" href={`${base(name)}/${row.id}/edit`}>
              {t('registry.edit')}
            </a>
          </div>
        )}
      </section>
      {name === 'centers' && linked.statusHistory.length > 0 && (
        <section class="card" aria-labelledby="history-h">
          <h2 id="history-h">{t('registry.centerHistory')}</h2>
          <ul>
            {linked.statusHistory.map((h) => (
              <li>
                {h.since} · {enumLabel(ui.lang, 'centerStatus', h.status)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {name === 'projects' && (
        <section class="card" aria-labelledby="founders-h">
          <h2 id="founders-h">{t('registry.linked.founders')}</h2>
          {linked.founders.length ? (
            <ul>
              {linked.founders.map((f) => (
                <li>
                  <a href={`${base('founders')}/${f.id}`}>{f.name}</a>
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty">{t('registry.linked.none')}</p>
          )}
        </section>
      )}
      {name === 'founders' && (
        <section class="card" aria-labelledby="projects-h">
          <h2 id="projects-h">{t('registry.linked.projects')}</h2>
          {linked.projects.length ? (
            <ul>
              {linked.projects.map((p) => (
                <li>
                  <a href={`${base('projects')}/${p.id}`}>{p.title}</a>{' '}
                  <span class="muted">{enumLabel(ui.lang, 'projectStatus', p.status)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty">{t('registry.linked.none')}</p>
          )}
          {props.mayAddProject && (
            <div class="actions">
              <a class="button secondary" href={`${base('projects')}/new?founderId=${row.id}`}>
                {t('registry.new.projects')}
              </a>
            </div>
          )}
        </section>
      )}
    </Page>
  );
}
