// /app/spreadsheets (admins and center staff): upload a file and see its dry-run report, import a
// clean one (the file kept server-side, not uploaded again) and watch it; templates. /app/exports/*:
// any signed-in person's lists as XLSX or CSV (the registry's lists link here with their filters).
import { type Context, Hono } from 'hono';
import type { AppDeps } from '../../http/app.ts';
import type { SheetResource } from '../../spreadsheets/columns.ts';
import { CONTENT_TYPES, exportFileName, exportFilters, exportStream } from '../../spreadsheets/export.ts';
import { checkFile, getImport, importableBy, listImports, startImport } from '../../spreadsheets/imports.ts';
import { templateCsv, templateXlsx } from '../../spreadsheets/template.ts';
import { parseFile } from '../../http/spreadsheets/spreadsheets.handlers.ts';
import type { ConsoleEnv } from '../env.ts';
import { type FieldErrors, field } from '../forms.ts';
import { onlyRoles } from '../shared/roles.ts';
import { uiOf } from '../ui.ts';
import { ImportPage, SpreadsheetsPage } from './spreadsheets.pages.tsx';

const attachment = (name: string) => `attachment; filename="${name}"`;

export function spreadsheetsRouter(deps: AppDeps) {
  const db = deps.database.db;
  const sheetDeps = { db, embeddingHooks: deps.embeddingHooks, logger: deps.logger };
  const router = new Hono<ConsoleEnv>();
  const staff = onlyRoles('admin', 'center_staff');

  const page = async (
    c: Context<ConsoleEnv>,
    extra: { resource?: string; errors?: FieldErrors } = {},
    status: 200 | 422 = 200,
  ) => {
    const actor = c.get('actor');
    const imports = await listImports(db, actor);
    return c.html(
      <SpreadsheetsPage ui={uiOf(c)} importable={importableBy(actor)} imports={imports} {...extra} />,
      status,
    );
  };

  router.get('/spreadsheets', staff, (c) => page(c));

  router.post('/spreadsheets', staff, async (c) => {
    const ui = uiOf(c);
    const body = await c.req.parseBody({ all: true });
    const resource = field(body as Record<string, string>, 'resource');
    const file = body.file;
    const errors: FieldErrors = {};
    if (!(importableBy(c.get('actor')) as readonly string[]).includes(resource))
      errors.resource = ui.t('field.invalidChoice');
    if (!(file instanceof File) || file.size === 0) errors.file = ui.t('sheets.file.missing');
    if (Object.keys(errors).length || !(file instanceof File)) return page(c, { resource, errors }, 422);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const record = await checkFile(sheetDeps, c.get('actor'), resource, bytes, file.name.slice(0, 200) || null);
    return c.redirect(`/app/spreadsheets/imports/${record.id}`, 303);
  });

  router.get('/spreadsheets/imports/:id', staff, async (c) => {
    const record = await getImport(db, c.get('actor'), c.req.param('id'));
    // While it runs the page reloads itself (no script needed).
    if (record.status === 'running') c.header('Refresh', '2');
    return c.html(<ImportPage ui={uiOf(c)} record={record} oneConnection={deps.database.kind === 'pglite'} />);
  });

  router.post('/spreadsheets/imports/:id/run', staff, async (c) => {
    const record = await startImport(sheetDeps, c.get('actor'), c.req.param('id'));
    return c.redirect(`/app/spreadsheets/imports/${record.id}`, 303);
  });

  router.get('/spreadsheets/templates/:file', staff, async (c) => {
    const { resource, format } = parseFile(c.req.param('file'));
    if (!(importableBy(c.get('actor')) as readonly SheetResource[]).includes(resource)) return c.notFound();
    const lang = c.get('lang');
    const body = format === 'xlsx' ? await templateXlsx(resource, lang) : templateCsv(resource, lang);
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': attachment(`${resource}-template.${format}`),
    });
  });

  // Exports: every signed-in role, each gets exactly what its lists show it.
  router.get('/exports/:file', async (c) => {
    const { resource, format } = parseFile(c.req.param('file'));
    const filters = exportFilters(resource, c.req.query());
    const stream = exportStream(sheetDeps, c.get('ctx'), resource, filters, format, c.get('lang'));
    return c.body(stream, 200, {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': attachment(exportFileName(resource, format)),
    });
  });

  return router;
}
