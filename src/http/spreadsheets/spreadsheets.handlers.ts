import type { Context } from 'hono';
import type { ImportRecord } from '../../../models/imports/index.ts';
import type { Lang } from '../../../models/enums.ts';
import type { Db } from '../../db/client.ts';
import { parseLang } from '../../i18n/lang.ts';
import type { EmbeddingHooks } from '../../resources/embedding-hooks.ts';
import type { Logger } from '../../logger.ts';
import { isSheetResource, type SheetResource } from '../../spreadsheets/columns.ts';
import {
  CONTENT_TYPES,
  type ExportFormat,
  exportFileName,
  exportFilters,
  exportStream,
} from '../../spreadsheets/export.ts';
import { headerOf } from '../../spreadsheets/headers.ts';
import type { ImportIssue } from '../../spreadsheets/import.ts';
import { checkFile, getImport, importFile } from '../../spreadsheets/imports.ts';
import { templateCsv, templateXlsx } from '../../spreadsheets/template.ts';
import { notFound } from '../../errors.ts';

/** `?lang=`, else the first Accept-Language tag we speak, else Chinese. */
export function requestLang(c: Context): Lang {
  const q = parseLang(c.req.query('lang'));
  if (q) return q;
  for (const part of (c.req.header('accept-language') ?? '').split(',')) {
    const l = parseLang(part.trim().slice(0, 2).toLowerCase());
    if (l) return l;
  }
  return 'zh';
}

export function importJson(row: ImportRecord, lang: Lang) {
  return {
    id: row.id,
    resource: row.resource,
    status: row.status,
    dryRun: row.dryRun,
    fileName: row.fileName,
    fileType: row.fileType,
    totalRows: row.totalRows,
    processed: row.processed,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    errorCount: row.errorCount,
    report: (row.report as ImportIssue[]).map((i) => ({
      row: i.row,
      column: i.column,
      header: i.column ? headerOf(i.column, lang) : null,
      message: i.message[lang],
    })),
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** `founders.xlsx` → resource and format (404 for anything else). */
export function parseFile(file: string): { resource: SheetResource; format: ExportFormat } {
  const m = /^([a-z]+)\.(xlsx|csv)$/.exec(file);
  if (!m || !isSheetResource(m[1])) throw notFound('file');
  return { resource: m[1], format: m[2] as ExportFormat };
}

const attachment = (name: string) => `attachment; filename="${name}"`;

export function spreadsheetHandlers(deps: { db: Db; embeddingHooks: EmbeddingHooks; logger: Logger }) {
  return {
    async importFile(c: any) {
      const resource = c.req.param('resource') as string;
      const dryRun = c.req.query('dryRun') !== 'false';
      const file = new Uint8Array(await c.req.arrayBuffer());
      const name = c.req.query('fileName') ?? null;
      const actor = c.get('actor');
      const row = dryRun
        ? await checkFile(deps, actor, resource, file, name)
        : await importFile(deps, actor, resource, file, name);
      if (!dryRun) c.header('Location', `/v1/imports/${row.id}`);
      return c.json(importJson(row, requestLang(c)), dryRun ? 200 : 202);
    },
    async getImport(c: any) {
      return c.json(importJson(await getImport(deps.db, c.get('actor'), c.req.param('id')), requestLang(c)), 200);
    },
    async template(c: any) {
      const { resource, format } = parseFile(c.req.param('file'));
      const lang = requestLang(c);
      const body = format === 'xlsx' ? await templateXlsx(resource, lang) : templateCsv(resource, lang);
      return c.body(body, 200, {
        'Content-Type': CONTENT_TYPES[format],
        'Content-Disposition': attachment(`${resource}-template.${format}`),
      });
    },
    async exportList(c: any) {
      const { resource, format } = parseFile(c.req.param('file'));
      const filters = exportFilters(resource, c.req.query());
      const stream = exportStream(deps, c.get('ctx'), resource, filters, format, requestLang(c));
      return c.body(stream, 200, {
        'Content-Type': CONTENT_TYPES[format],
        'Content-Disposition': attachment(exportFileName(resource, format)),
      });
    },
  };
}
