// OpenAPI definitions of spreadsheet imports, exports and templates.
import { createRoute, z } from '@hono/zod-openapi';
import { LANGS } from '../../../models/enums.ts';
import { SHEET_RESOURCE_NAMES } from '../../spreadsheets/columns.ts';
import { CONTENT_TYPES } from '../../spreadsheets/export.ts';
import { ProblemSchema, problemResponses } from '../openapi-common.ts';

const resources = SHEET_RESOURCE_NAMES.join('|');
const lang = z
  .enum(LANGS)
  .optional()
  .describe('language of headers, labels and report messages (default: Accept-Language, else zh)');

export const ImportSchema = z
  .object({
    id: z.uuid(),
    resource: z.enum(SHEET_RESOURCE_NAMES),
    status: z
      .enum(['checked', 'invalid', 'running', 'done', 'failed'])
      .describe(
        'checked: dry run clean; invalid: dry run found problems; running; done: written; failed: nothing written',
      ),
    dryRun: z.boolean(),
    fileName: z.string().nullable(),
    fileType: z.string().describe('xlsx or csv, from the content (not the name)'),
    totalRows: z.number().int().describe('data rows (empty rows skipped)'),
    processed: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int().describe('rows equal to the stored record: not written, no audit entry'),
    errorCount: z.number().int(),
    report: z
      .array(
        z.object({
          row: z.number().int().describe('row in the file (1: header row, 0: the file as a whole)'),
          column: z.string().nullable().describe('field code of the column'),
          header: z.string().nullable().describe('the column header in the requested language'),
          message: z.string(),
        }),
      )
      .describe('problems per row and column (the first 1000)'),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .openapi('Import');

const fileBody = {
  required: true,
  description: 'The spreadsheet file itself (at most 10 MiB): XLSX, or CSV in UTF-8 (with or without BOM) or GB18030',
  content: Object.fromEntries(
    [CONTENT_TYPES.xlsx, 'text/csv', 'application/octet-stream'].map((t) => [
      t,
      { schema: z.string().openapi({ type: 'string', format: 'binary' }) },
    ]),
  ),
};

export const importRoute = createRoute({
  method: 'post',
  path: '/imports/{resource}',
  tags: ['spreadsheets'],
  summary: 'Import a spreadsheet (dry run by default)',
  description:
    'Center staff import founders, projects, mentors and services (always into their own center); admins every resource. ' +
    'Columns: a template’s headers (zh/en/bo) or field codes; enumeration cells take codes or labels in any language; list cells ' +
    'are separated by ; ； 、 or ,; regions by code or name. Rows are upserted by `externalId` (required). `dryRun=true` (default) ' +
    'checks every row with the same validation and write rules as the API and writes nothing (200). `dryRun=false` answers 202 and ' +
    'imports in the background, all or nothing in one transaction: poll `GET /v1/imports/{id}`. Refused files (wrong type, ' +
    'more than 10 MiB, a zip bomb, more than 20,000 rows or 60 columns, merged cells) are an import with status `invalid` and ' +
    'a row-0 report entry. Formulas are refused per cell (paste values).',
  request: {
    params: z.object({
      resource: z.enum(SHEET_RESOURCE_NAMES).openapi({ param: { name: 'resource', in: 'path' } }),
    }),
    query: z.object({
      dryRun: z.enum(['true', 'false']).default('true').describe('true: check only (default)'),
      fileName: z.string().max(200).optional().describe('the file name to show in the import list'),
      lang,
    }),
    body: fileBody,
  },
  responses: {
    200: { content: { 'application/json': { schema: ImportSchema } }, description: 'The dry run and its report' },
    202: { content: { 'application/json': { schema: ImportSchema } }, description: 'Import started (status running)' },
    ...problemResponses(400, 401, 404),
    413: {
      description: 'File larger than 10 MiB',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});

export const getImportRoute = createRoute({
  method: 'get',
  path: '/imports/{id}',
  tags: ['spreadsheets'],
  summary: 'An import: status, progress, counts and report',
  description: 'Admins see every import, center staff their center’s; others 404.',
  request: {
    params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }) }),
    query: z.object({ lang }),
  },
  responses: {
    200: { content: { 'application/json': { schema: ImportSchema } }, description: 'The import' },
    ...problemResponses(401, 404),
  },
});

const binary = (description: string) => ({
  description,
  content: {
    [CONTENT_TYPES.xlsx]: { schema: z.string().openapi({ type: 'string', format: 'binary' }) },
    'text/csv': { schema: z.string() },
  },
});

export const templateRoute = createRoute({
  method: 'get',
  path: '/imports/templates/{file}',
  tags: ['spreadsheets'],
  summary: 'A template to fill in: header row, one example row (XLSX: and a sheet explaining each column)',
  request: {
    params: z.object({
      file: z
        .string()
        .regex(new RegExp(`^(${resources})\\.(xlsx|csv)$`))
        .openapi({
          param: { name: 'file', in: 'path' },
          example: 'founders.xlsx',
          description: '`<resource>.<xlsx|csv>`',
        }),
    }),
    query: z.object({ lang }),
  },
  responses: { 200: binary('The template'), ...problemResponses(400, 401, 404) },
});

export const exportRoute = createRoute({
  method: 'get',
  path: '/exports/{file}',
  tags: ['spreadsheets'],
  summary: 'Export a list as XLSX or CSV (streamed)',
  description:
    'Exactly the rows and fields the caller may read (as the list endpoint returns them), with the list’s filters as query ' +
    'parameters (e.g. `/v1/exports/founders.xlsx?regionCode=540100`). Headers and labels in the requested language; text that ' +
    "starts with = + - @ (or tab/CR) is prefixed with `'` against formula injection; re-importing the file changes nothing.",
  request: {
    params: z.object({
      file: z
        .string()
        .regex(new RegExp(`^(${resources})\\.(xlsx|csv)$`))
        .openapi({
          param: { name: 'file', in: 'path' },
          example: 'projects.csv',
          description: '`<resource>.<xlsx|csv>`',
        }),
    }),
    query: z.object({ lang }).catchall(z.string()),
  },
  responses: { 200: binary('The export'), ...problemResponses(400, 401) },
});
