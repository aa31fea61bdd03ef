import { centerBodySchema } from '../../models/centers/validation.ts';
import { centersTable } from '../../models/centers/table.ts';
import { CENTER_KINDS } from '../../models/enums.ts';
import { isAdmin, isStaffOf } from '../auth/actor.ts';
import { boolFilter, enumFilter, regionFilter, searchFilter } from './filters.ts';
import { ADMIN_ONLY } from './policies.ts';
import type { ResourceDef } from './types.ts';

/** Centers are public to every role; admins manage them, a center's staff edit their own. */
export const centers: ResourceDef = {
  name: 'centers',
  singular: 'center',
  table: centersTable,
  bodySchema: centerBodySchema,
  filters: [
    regionFilter(centersTable.regionCode),
    enumFilter('kind', centersTable.kind, CENTER_KINDS),
    boolFilter('pilot', centersTable.pilot),
    searchFilter(centersTable.name),
  ],
  policy: {
    scope: () => 'all',
    checkWrite(actor, op, before) {
      if (isAdmin(actor)) return null;
      if (op === 'update' && isStaffOf(actor, before?.id)) return null;
      return ADMIN_ONLY;
    },
  },
};
