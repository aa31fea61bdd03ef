// The spreadsheet pages: upload and check, the report of a check or import, templates and exports.
import type { ImportRecord } from '../../../models/imports/index.ts';
import type { MessageKey } from '../../i18n/t.ts';
import type { SheetResource } from '../../spreadsheets/columns.ts';
import { SHEET_RESOURCE_NAMES } from '../../spreadsheets/columns.ts';
import { headerOf } from '../../spreadsheets/headers.ts';
import type { ImportIssue } from '../../spreadsheets/import.ts';
import { Badge, CsrfField, FormErrors, Notice, Select } from '../components.tsx';
import type { FieldErrors } from '../forms.ts';
import { Page } from '../layout.tsx';
import type { Ui } from '../ui.ts';

export const resourceLabel = (ui: Ui, r: string) => ui.t(`sheets.res.${r}` as MessageKey);

const STATUS_KIND = { checked: 'ok', invalid: 'bad', running: 'info', done: 'ok', failed: 'bad' } as const;

function StatusBadge(props: { ui: Ui; status: string }) {
  const kind = STATUS_KIND[props.status as keyof typeof STATUS_KIND] ?? 'info';
  return <Badge kind={kind}>{props.ui.t(`sheets.status.${props.status}` as MessageKey)}</Badge>;
}

const when = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');

function UploadForm(props: { ui: Ui; importable: readonly SheetResource[]; resource?: string; errors?: FieldErrors }) {
  const { ui } = props;
  const { t } = ui;
  const fileError = props.errors?.file;
  return (
    <form method="post" action="/app/spreadsheets" enctype="multipart/form-data" class="card">
      <CsrfField ui={ui} />
      <FormErrors ui={ui} errors={props.errors} />
      <Select
        name="resource"
        label={t('sheets.resource')}
        value={props.resource ?? props.importable[0]}
        options={props.importable.map((r) => ({ value: r, label: resourceLabel(ui, r) }))}
        errors={props.errors}
      />
      <div class="field">
        <label for="f-file">{t('sheets.file')}</label>
        <p class="hint" id="f-file-hint">
          {t('sheets.file.hint')}
        </p>
        <input
          id="f-file"
          type="file"
          name="file"
          required
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          aria-invalid={fileError ? 'true' : undefined}
          aria-describedby={fileError ? 'f-file-hint f-file-error' : 'f-file-hint'}
        />
        {fileError && (
          <p class="field-error" id="f-file-error">
            {fileError}
          </p>
        )}
      </div>
      <div class="actions">
        <button type="submit">{t('sheets.check')}</button>
      </div>
    </form>
  );
}

export function SpreadsheetsPage(props: {
  ui: Ui;
  importable: readonly SheetResource[];
  imports: ImportRecord[];
  resource?: string;
  errors?: FieldErrors;
}) {
  const { ui } = props;
  const { t } = ui;
  return (
    <Page ui={ui} title={t('nav.spreadsheets')}>
      <p>{t('sheets.intro')}</p>
      <section aria-labelledby="upload-heading">
        <h2 id="upload-heading">{t('sheets.upload.title')}</h2>
        <UploadForm ui={ui} importable={props.importable} resource={props.resource} errors={props.errors} />
      </section>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">{t('sheets.recent')}</h2>
        {props.imports.length ? (
          <ul class="list">
            {props.imports.map((i) => (
              <li class="card">
                <p>
                  <a href={`/app/spreadsheets/imports/${i.id}`}>
                    {resourceLabel(ui, i.resource)}
                    {i.fileName ? ` · ${i.fileName}` : ''}
                  </a>{' '}
                  <StatusBadge ui={ui} status={i.status} />
                </p>
                <p class="muted">{when(i.createdAt)}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t('sheets.none')}</p>
        )}
      </section>
      <section aria-labelledby="files-heading">
        <h2 id="files-heading">{t('sheets.templates.title')}</h2>
        <ul class="list">
          {SHEET_RESOURCE_NAMES.map((r) => (
            <li class="card">
              <h3>{resourceLabel(ui, r)}</h3>
              <p class="actions">
                {props.importable.includes(r) && (
                  <a class="button secondary" href={`/app/spreadsheets/templates/${r}.xlsx`}>
                    {t('sheets.template')} (XLSX)
                  </a>
                )}
                <a class="button secondary" href={`/app/exports/${r}.xlsx`}>
                  {t('sheets.exportXlsx')}
                </a>
                <a class="button secondary" href={`/app/exports/${r}.csv`}>
                  {t('sheets.exportCsv')}
                </a>
              </p>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}

function Report(props: { ui: Ui; issues: ImportIssue[]; count: number }) {
  const { ui } = props;
  const { t } = ui;
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{t('sheets.report.title')}</h2>
      {props.count > props.issues.length && (
        <p class="muted">{t('sheets.report.truncated', { shown: props.issues.length, count: props.count })}</p>
      )}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col" class="num">
                {t('sheets.report.row')}
              </th>
              <th scope="col">{t('sheets.report.column')}</th>
              <th scope="col">{t('sheets.report.message')}</th>
            </tr>
          </thead>
          <tbody>
            {props.issues.map((i) => (
              <tr>
                <td class="num" data-label={t('sheets.report.row')}>
                  {i.row > 0 ? i.row : t('sheets.report.file')}
                </td>
                <td data-label={t('sheets.report.column')}>{i.column ? headerOf(i.column, ui.lang) : '—'}</td>
                <td data-label={t('sheets.report.message')}>{i.message[ui.lang]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** `oneConnection`: PGlite, where the import's transaction holds the only connection (no live count). */
export function ImportPage(props: { ui: Ui; record: ImportRecord; oneConnection?: boolean }) {
  const { ui, record: r } = props;
  const { t } = ui;
  const issues = r.report as ImportIssue[];
  const counts = { created: r.created, updated: r.updated, unchanged: r.unchanged, rows: r.totalRows };
  return (
    <Page ui={ui} title={t('sheets.import.title', { resource: resourceLabel(ui, r.resource) })}>
      <p>
        <StatusBadge ui={ui} status={r.status} />{' '}
        <span class="muted">
          {t('sheets.import.file', { name: r.fileName ?? r.fileType, rows: r.totalRows })} · {when(r.createdAt)}
        </span>
      </p>
      {r.status === 'checked' && (
        <>
          <Notice kind="success">{t('sheets.clean', counts)}</Notice>
          <form method="post" action={`/app/spreadsheets/imports/${r.id}/run`} class="actions">
            <CsrfField ui={ui} />
            <button type="submit" data-confirm={t('sheets.importNow.confirm')}>
              {t('sheets.importNow')}
            </button>
          </form>
        </>
      )}
      {r.status === 'invalid' && <Notice kind="error">{t('sheets.problems', { count: r.errorCount })}</Notice>}
      {r.status === 'running' && (
        <Notice kind="info">
          {props.oneConnection
            ? t('sheets.progress.pglite', { rows: r.totalRows || '…' })
            : t('sheets.progress', { processed: r.processed, rows: r.totalRows || '…' })}
        </Notice>
      )}
      {r.status === 'done' && <Notice kind="success">{t('sheets.done', counts)}</Notice>}
      {r.status === 'failed' && <Notice kind="error">{t('sheets.failed')}</Notice>}
      {issues.length > 0 && <Report ui={ui} issues={issues} count={r.errorCount} />}
      <p>
        <a href="/app/spreadsheets">{t('sheets.back')}</a>
      </p>
    </Page>
  );
}
