import { eq, exists, or, sql } from 'drizzle-orm';
import { founderBodySchema } from '../../models/founders/validation.ts';
import { foundersTable } from '../../models/founders/table.ts';
import { projectFoundersTable } from '../../models/projects/table.ts';
import { enrollmentsTable } from '../../models/enrollments/table.ts';
import { trainingsTable } from '../../models/trainings/table.ts';
import { FOUNDER_GROUPS, LANGS } from '../../models/enums.ts';
import { isAdmin, isStaffOf } from '../auth/actor.ts';
import { memberFilter, regionFilter, searchFilter, uuidFilter } from './filters.ts';
import { defaultToOwnCenter, staffOwnCenterOnly } from './policies.ts';
import { checkCenterRef } from './refs.ts';
import type { ResourceDef } from './types.ts';

const pf = projectFoundersTable;

/**
 * Founders hold personal data: visible to admins, their center's staff, themselves and their
 * co-founders, and to trainers for founders enrolled in their trainings. Contact details only to
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
          return 'all';
        case 'center_staff':
          return eq(foundersTable.centerId, actor.centerId!);
        case 'founder': {
          const self = actor.subjectId!;
          // Co-founders: founders sharing a project with the caller.
          const shares = sql`${foundersTable.id} in (select b.founder_id from ${pf} a join ${pf} b on a.project_id = b.project_id where a.founder_id = ${self})`;
          return or(eq(foundersTable.id, self), shares)!;
        }
        case 'trainer':
          return exists(
            sql`(select 1 from ${enrollmentsTable} e join ${trainingsTable} t on t.id = e.training_id
                 where e.founder_id = ${foundersTable.id} and t.provider = ${actor.subjectId})`,
          );
        default:
          return 'none';
      }
    },
    defaults: defaultToOwnCenter,
    checkWrite(actor, op, before, after) {
      if (isAdmin(actor)) return null;
      if (actor.role === 'center_staff') return staffOwnCenterOnly(actor, before, after, { zh: '创业者', en: 'founder' });
      if (actor.role === 'founder' && op === 'update' && before?.id === actor.subjectId) return null;
      return 'not allowed to manage this founder / 无权管理该创业者';
    },
    hidden(ctx, row) {
      const a = ctx.actor;
      const owner = isAdmin(a) || isStaffOf(a, row.centerId) || (a.role === 'founder' && a.subjectId === row.id);
      return owner ? [] : ['contact'];
    },
  },
};

