// /app/registry: the center's founders and projects, and the mentors, investors and services it works
// with, for admins and center staff. Lists with search and totals, a record's page, create and edit:
// every read and write through the Repository with the signed-in actor, so the policies decide what is
// seen, which fields are hidden, what may be written, and the audit log records it.
import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import { AppError, notFound } from '../../errors.ts';
import type { AppDeps } from '../../http/app.ts';
import type { Row } from '../../resources/types.ts';
import { Select } from '../components.tsx';
import type { ConsoleEnv } from '../env.ts';
import { appFieldErrors, type FieldErrors, field, readForm, zodFieldErrors } from '../forms.ts';
import {
  emptyProject,
  formErrors as projectFieldErrors,
  ProjectForm,
  type ProjectValues,
  projectBody,
  readProjectForm,
  valuesOfProject,
} from '../founder/project-form.tsx';
import { ticketOrder } from '../investor/investor-profile.tsx';
import { Page } from '../layout.tsx';
import { onlyRoles } from '../shared/roles.ts';
import { type Ui, uiOf } from '../ui.ts';
import {
  centerChoices,
  founderChoices,
  linkedRecords,
  may,
  ownCenter,
  PAGE_SIZE,
  type RegistryDomain,
  readSearch,
  registryDomain,
} from './registry.data.ts';
import {
  bodyOf,
  type FieldSpec,
  fieldErrorsOf,
  type FormValues,
  RecordForm,
  readValues,
  valuesOf,
} from './registry.form.tsx';
import { DetailPage, ListPage, OverviewPage } from './registry.pages.tsx';
import { isRegistryName, REGISTRY, type RegistryName, SPECS } from './registry.resources.ts';

type C = Context<ConsoleEnv>;
type FormStatus = 200 | 400 | 403 | 409 | 422;

const resourceOf = (c: C): RegistryName => {
  const name = c.req.param('resource') ?? '';
  if (!isRegistryName(name)) throw notFound('page');
  return name;
};

/** A refused write's messages for the form (422, 409, 403, 400); anything else (404 …) is not the form's. */
function refusal(err: unknown, ui: Ui): { errors: FieldErrors; status: FormStatus } | null {
  if (!(err instanceof AppError) || err.status === 404 || err.status >= 500) return null;
  const errors = appFieldErrors(err, ui.lang);
  return errors ? { errors, status: err.status as FormStatus } : null;
}

interface FormState {
  /** The stored record when editing. */
  row?: Row;
  values?: FormValues | ProjectValues;
  errors?: FieldErrors;
  status?: FormStatus;
}

export function registryRouter(deps: AppDeps) {
  const d: RegistryDomain = registryDomain(deps);
  const router = new Hono<ConsoleEnv>();
  router.use('/registry', onlyRoles('admin', 'center_staff'));
  router.use('/registry/*', onlyRoles('admin', 'center_staff'));

  router.get('/registry', async (c) => {
    const ctx = c.get('ctx');
    const counts = await Promise.all(REGISTRY.map((name) => d.repos[name].count(ctx, {})));
    const totals = Object.fromEntries(REGISTRY.map((name, i) => [name, counts[i]])) as Record<RegistryName, number>;
    return c.html(<OverviewPage ui={uiOf(c)} totals={totals} />);
  });

  router.get('/registry/:resource', async (c) => {
    const name = resourceOf(c);
    const ctx = c.get('ctx');
    const search = readSearch(c, name);
    const repo = d.repos[name];
    let page: { items: Row[]; nextCursor: string | null };
    try {
      page = await repo.list(ctx, { limit: PAGE_SIZE, cursor: search.cursor, filters: search.filters });
    } catch (err) {
      // A cursor this list did not hand out: start from the first page.
      if (!(err instanceof AppError && err.status === 400)) throw err;
      search.cursor = undefined;
      page = await repo.list(ctx, { limit: PAGE_SIZE, filters: search.filters });
    }
    const total = await repo.count(ctx, search.filters);
    return c.html(
      <ListPage
        ui={uiOf(c)}
        name={name}
        search={search}
        items={page.items}
        total={total}
        nextCursor={page.nextCursor}
        mayCreate={may(SPECS[name].def, c.get('actor'), 'create')}
      />,
    );
  });

  /**
   * The form's fields: the resource's, and for admins the center of a founder or service (staff write
   * in their own center, which the form does not ask).
   */
  const fieldsFor = async (c: C, name: RegistryName): Promise<readonly FieldSpec[]> => {
    const fields = SPECS[name].fields!;
    const actor = c.get('actor');
    // A center's status, its date and level are the admins' (src/resources/centers.ts).
    if (name === 'centers' && actor.role !== 'admin')
      return fields.filter((f) => !ADMIN_CENTER_FIELDS.includes(f.name));
    if (actor.role !== 'admin' || (name !== 'founders' && name !== 'services')) return fields;
    const centers = await centerChoices(d, c.get('ctx'), actor);
    const center: FieldSpec = {
      name: 'centerId',
      label: 'registry.field.center',
      kind: 'select',
      optional: true,
      options: () => centers,
    };
    return [...fields, center];
  };

  /** The create or edit page of a record, with the values kept and the errors in place. */
  const formPage = async (c: C, name: RegistryName, s: FormState) => {
    const ui = uiOf(c);
    const { t } = ui;
    const spec = SPECS[name];
    const ctx = c.get('ctx');
    const editing = s.row;
    const title = editing ? t('registry.editTitle', { name: spec.nameOf(editing) }) : t(spec.newTitle);
    const action = editing ? `/app/registry/${name}/${editing.id}` : `/app/registry/${name}`;
    const cancelHref = editing ? action : `/app/registry/${name}`;
    const submitLabel = editing ? t('action.save') : t('registry.create');
    let form: Child;
    if (name === 'projects') {
      const values =
        (s.values as ProjectValues | undefined) ??
        (editing ? valuesOfProject(editing) : { ...emptyProject(), ...ownCenter(c.get('actor'), name) });
      const chosen = s.values ? (s.values as Row).founderId : c.req.query('founderId');
      const founders = editing ? [] : await founderChoices(d, ctx, chosen);
      form = (
        <ProjectForm
          ui={ui}
          action={action}
          values={values}
          errors={s.errors}
          centers={await centerChoices(d, ctx, c.get('actor'))}
          submitLabel={submitLabel}
          cancelHref={cancelHref}
          notesHint={t('registry.field.notes.hint')}
        >
          {!editing && (
            <Select
              name="founderId"
              label={t('registry.field.founder')}
              hint={t('registry.field.founder.hint')}
              options={founders.map((f) => ({ value: f.id, label: f.name }))}
              value={chosen}
              empty={t('registry.form.choose')}
              errors={s.errors}
              required
            />
          )}
        </ProjectForm>
      );
    } else {
      const fields = await fieldsFor(c, name);
      const values = (s.values as FormValues | undefined) ?? (editing ? valuesOf(fields, editing) : defaults(name));
      form = (
        <RecordForm
          ui={ui}
          action={action}
          fields={fields}
          values={values}
          errors={s.errors}
          submitLabel={submitLabel}
          cancelHref={cancelHref}
        />
      );
    }
    return c.html(
      <Page ui={ui} title={title}>
        {form}
      </Page>,
      s.status ?? 200,
    );
  };

  router.get('/registry/:resource/new', (c) => {
    const name = resourceOf(c);
    if (!may(SPECS[name].def, c.get('actor'), 'create')) throw notFound('page');
    return formPage(c, name, {});
  });

  /** Reads the form; returns the body to write, or the form's state to draw again (422). */
  const readBody = async (c: C, name: RegistryName, creating: boolean, stored?: Row) => {
    const ui = uiOf(c);
    const form = await readForm(c);
    const spec = SPECS[name];
    const schema = creating ? spec.def.bodySchema : spec.def.bodySchema.partial();
    if (name === 'projects') {
      const values: ProjectValues & { founderId?: string } = readProjectForm(form);
      // The founders are named at creation; an edit leaves members and invitations as they are.
      const founderId = field(form, 'founderId');
      if (creating) values.founderId = founderId;
      const body: Row = { ...projectBody(values, stored?.confidential), ...ownCenter(c.get('actor'), name) };
      if (creating) body.founderIds = founderId ? [founderId] : [];
      if (body.centerId === null && creating) delete body.centerId;
      const parsed = schema.safeParse(body);
      if (parsed.success) return { body: parsed.data as Row, values };
      const errors = projectFieldErrors(zodFieldErrors(parsed.error, ui.t));
      if (errors.founderIds) errors.founderId = errors.founderIds;
      return { values, errors };
    }
    const fields = await fieldsFor(c, name);
    const values = readValues(fields, form);
    const body: Row = { ...bodyOf(fields, values), ...(creating ? ownCenter(c.get('actor'), name) : {}) };
    const parsed = schema.safeParse(body);
    const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(fields, zodFieldErrors(parsed.error, ui.t));
    if (name === 'investors') Object.assign(errors, { ...ticketOrder(body, ui.t), ...errors });
    return Object.keys(errors).length ? { values, errors } : { body: parsed.data as Row, values };
  };

  const errorsForForm = async (c: C, name: RegistryName, errors: FieldErrors) => {
    if (name !== 'projects') return fieldErrorsOf(await fieldsFor(c, name), errors);
    const out = projectFieldErrors(errors);
    if (out.founderIds) out.founderId = out.founderIds;
    return out;
  };

  router.post('/registry/:resource', async (c) => {
    const name = resourceOf(c);
    if (!may(SPECS[name].def, c.get('actor'), 'create')) throw notFound('page');
    const read = await readBody(c, name, true);
    if (!read.body) return formPage(c, name, { values: read.values, errors: read.errors, status: 422 });
    try {
      const created = await d.repos[name].create(c.get('ctx'), read.body);
      return c.redirect(`/app/registry/${name}/${created.id}?done=created`, 303);
    } catch (err) {
      const refused = refusal(err, uiOf(c));
      if (!refused) throw err;
      return formPage(c, name, {
        values: read.values,
        errors: await errorsForForm(c, name, refused.errors),
        status: refused.status,
      });
    }
  });

  router.get('/registry/:resource/:id', async (c) => {
    const name = resourceOf(c);
    const ctx = c.get('ctx');
    const actor = c.get('actor');
    const row = await d.repos[name].get(ctx, c.req.param('id'));
    const linked = await linkedRecords(d, ctx, name, row);
    return c.html(
      <DetailPage
        ui={uiOf(c)}
        name={name}
        row={row}
        linked={linked}
        mayEdit={may(SPECS[name].def, actor, 'update', row)}
        mayAddProject={name === 'founders' && may(SPECS.projects.def, actor, 'create')}
        done={c.req.query('done')}
      />,
    );
  });

  const editable = async (c: C, name: RegistryName) => {
    const row = await d.repos[name].get(c.get('ctx'), c.req.param('id') ?? '');
    // In scope but not the reader's to change (e.g. staff and a mentor's record): no such page.
    if (!may(SPECS[name].def, c.get('actor'), 'update', row)) throw notFound('page');
    return row;
  };

  router.get('/registry/:resource/:id/edit', async (c) => {
    const name = resourceOf(c);
    return formPage(c, name, { row: await editable(c, name) });
  });

  router.post('/registry/:resource/:id', async (c) => {
    const name = resourceOf(c);
    const row = await editable(c, name);
    const read = await readBody(c, name, false, row);
    if (!read.body) return formPage(c, name, { row, values: read.values, errors: read.errors, status: 422 });
    try {
      await d.repos[name].update(c.get('ctx'), row.id, read.body);
      return c.redirect(`/app/registry/${name}/${row.id}?done=saved`, 303);
    } catch (err) {
      const refused = refusal(err, uiOf(c));
      if (!refused) throw err;
      return formPage(c, name, {
        row,
        values: read.values,
        errors: await errorsForForm(c, name, refused.errors),
        status: refused.status,
      });
    }
  });

  return router;
}

/** A new record's starting values: Chinese as the working language, available for introductions. */
/** Fields of a center only admins change. */
const ADMIN_CENTER_FIELDS = ['status', 'statusSince', 'level'];

function defaults(name: RegistryName): FormValues {
  const out: FormValues = { languages: ['zh'] };
  if (name === 'centers')
    Object.assign(out, { status: 'operating', statusSince: new Date().toISOString().slice(0, 10) });
  if (name === 'mentors') Object.assign(out, { active: 'true', capacity: '3' });
  if (name === 'investors') Object.assign(out, { active: 'true' });
  return out;
}
