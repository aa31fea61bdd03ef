import { and, eq, exists, isNull, or, sql } from 'drizzle-orm';
import { founderBodySchema } from '../../models/founders/validation.ts';
import { foundersTable } from '../../models/founders/table.ts';
import { projectFoundersTable, projectsTable } from '../../models/projects/table.ts';
import { enrollmentsTable } from '../../models/enrollments/table.ts';
import { trainingsTable } from '../../models/trainings/table.ts';
import { FOUNDER_GROUPS, LANGS } from '../../models/enums.ts';
import { isAdmin, isStaffOf } from '../auth/actor.ts';
import { memberFilter, regionFilter, searchFilter, uuidFilter } from './filters.ts';
import { defaultToOwnCenter, staffOwnCenterOnly } from './policies.ts';
import { checkCenterRef } from './refs.ts';
import type { ResourceDef, Row } from './types.ts';
import { eraseFounder } from '../privacy/erase.ts';

/** Erased founders (tombstones) are out of everyone's scope: a deleted founder is 404 like any deleted record. */
export const notErased = isNull(foundersTable.erasedAt);

const shares = (c: Row | null | undefined) => (c ? !!c.shareContact : null);

const pf = projectFoundersTable;

/**
 * Founders hold personal data: visible to admins, their center's staff, themselves and their
 * co-founders (of projects not removed), and to trainers for founders enrolled in their trainings. Contact details only to
 * admins, the center's staff and the founder.
 */
export const founders: ResourceDef = {
  name: 'founders',
  singular: 'founder',
  table: foundersTable,
  bodySchema: founderBodySchema,
  embedded: 'founder',
  filters: [
    regionFilter(foundersTable.regionCode),
    uuidFilter('centerId', foundersTable.centerId),
    memberFilter('group', foundersTable.groups, FOUNDER_GROUPS),
    memberFilter('language', foundersTable.languages, LANGS),
    searchFilter(foundersTable.name),
  ],
  checkRefs: (ctx, r) => checkCenterRef(ctx, r),
  policy: {
    scope(actor) {
      switch (actor.role) {
        case 'admin':
          return notErased;
        case 'center_staff':
          return and(notErased, eq(foundersTable.centerId, actor.centerId!))!;
        case 'founder': {
          const self = actor.subjectId!;
          // Co-founders: founders sharing a project with the caller; a removed (archived) project no longer counts.
          const shares = sql`${foundersTable.id} in (select b.founder_id from ${pf} a join ${pf} b on a.project_id = b.project_id
            join ${projectsTable} p on p.id = a.project_id and p.archived_at is null where a.founder_id = ${self})`;
          return and(notErased, or(eq(foundersTable.id, self), shares))!;
        }
        case 'trainer':
          return and(
            notErased,
            exists(
              sql`(select 1 from ${enrollmentsTable} e join ${trainingsTable} t on t.id = e.training_id
                   where e.founder_id = ${foundersTable.id} and t.provider = ${actor.subjectId})`,
            ),
          )!;
        default:
          return 'none';
      }
    },
    defaults: defaultToOwnCenter,
    checkWrite(actor, op, before, after) {
      if (isAdmin(actor)) return null;
      if (actor.role === 'center_staff')
        return staffOwnCenterOnly(actor, before, after, { zh: '创业者', en: 'founder' });
      // A founder edits its profile and may have itself deleted (PIPL right to deletion).
      if (actor.role === 'founder' && op !== 'create' && before?.id === actor.subjectId) return null;
      return 'not allowed to manage this founder / 无权管理该创业者';
    },
    hidden(ctx, row) {
      const a = ctx.actor;
      const owner = isAdmin(a) || isStaffOf(a, row.centerId) || (a.role === 'founder' && a.subjectId === row.id);
      // Employment facts are personal like the contact (issue 22).
      return owner
        ? ['erasedAt']
        : ['erasedAt', 'contact', 'consent', 'employmentStatus', 'leftSchoolUnemployed', 'employmentAsOf'];
    },
  },
  prepare(before, body) {
    if (body.consent === undefined) return body;
    if (body.consent === null) return { ...body, consent: null };
    // Record when the answer was given; repeating the same answer keeps the original time.
    const same = before?.consent && before.consent.shareContact === body.consent.shareContact;
    return {
      ...body,
      consent: same ? before!.consent : { shareContact: body.consent.shareContact, at: new Date().toISOString() },
    };
  },
  audit(before, after) {
    const from = shares(before?.consent);
    const to = shares(after.consent);
    if (from === to || (before === null && to === null)) return null;
    return { action: 'founder.consent', detail: { shareContact: { from, to } } };
  },
  erase: eraseFounder,
  deleteDescription:
    'An erasure (PIPL): name → placeholder; contact, interests, education, graduation year, externalId and consent cleared; removed from ' +
    'its projects (which stay with their other founders); its API keys revoked. Introductions and enrolments keep working. Audited ' +
    '(`founder.erase`). The founder itself, its center staff and admins may do it; afterwards the founder is 404 everywhere.',
};
