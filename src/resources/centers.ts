import { centerBodySchema } from '../../models/centers/validation.ts';
import { centersTable } from '../../models/centers/table.ts';
import { todayInShanghai } from '../../models/common/today.ts';
import { CENTER_KINDS, CENTER_LEVELS, CENTER_STATUSES } from '../../models/enums.ts';
import { isAdmin, isStaffOf } from '../auth/actor.ts';
import { boolFilter, enumFilter, regionFilter, searchFilter } from './filters.ts';
import { ADMIN_ONLY } from './policies.ts';
import type { ResourceDef } from './types.ts';

/** Fields only admins change (a center's own staff edit the others). */
export const ADMIN_FIELDS = ['status', 'statusSince', 'level'] as const;

/** Centers are public to every role; admins manage them, a center's staff edit their own. */
export const centers: ResourceDef = {
  name: 'centers',
  singular: 'center',
  table: centersTable,
  bodySchema: centerBodySchema,
  filters: [
    regionFilter(centersTable.regionCode),
    enumFilter('kind', centersTable.kind, CENTER_KINDS),
    enumFilter('status', centersTable.status, CENTER_STATUSES),
    enumFilter('level', centersTable.level, CENTER_LEVELS),
    boolFilter('pilot', centersTable.pilot),
    searchFilter(centersTable.name),
  ],
  // A new center, or a status change, without a date takes effect today in Asia/Shanghai (the
  // database's own current_date is UTC's); center_status_history is appended by a trigger.
  prepare(before, body) {
    const changes = !before || (body.status !== undefined && body.status !== before.status);
    return changes && body.statusSince === undefined ? { ...body, statusSince: todayInShanghai() } : body;
  },
  policy: {
    scope: () => 'all',
    checkWrite(actor, op, before, after) {
      if (isAdmin(actor)) return null;
      if (op !== 'update' || !isStaffOf(actor, before?.id)) return ADMIN_ONLY;
      // Status and level are the region's decision (they count in coverage): staff edit the rest.
      const changed = ADMIN_FIELDS.filter((f) => (after?.[f] ?? null) !== (before?.[f] ?? null));
      return changed.length
        ? `only admins change a center's ${changed.join(', ')} / 只有管理员可以修改双创中心的状态、状态起始日期和级别`
        : null;
    },
  },
};
