import { serviceBodySchema } from '../../models/services/validation.ts';
import { servicesTable } from '../../models/services/table.ts';
import { LANGS, TOPICS } from '../../models/enums.ts';
import { isAdmin, isStaffOf } from '../auth/actor.ts';
import { boolFilter, enumFilter, memberFilter, regionListFilter, searchFilter, uuidFilter } from './filters.ts';
import { defaultToOwnCenter } from './policies.ts';
import { checkCenterRef } from './refs.ts';
import type { ResourceDef } from './types.ts';

/** Center services: public to every role; admins and a center's staff (for its own center) manage them. */
export const services: ResourceDef = {
  name: 'services',
  singular: 'service',
  table: servicesTable,
  bodySchema: serviceBodySchema,
  embedded: 'service',
  filters: [
    enumFilter('category', servicesTable.category, TOPICS),
    uuidFilter('centerId', servicesTable.centerId),
    regionListFilter(servicesTable.regionCodes),
    boolFilter('voucherEligible', servicesTable.voucherEligible),
    memberFilter('language', servicesTable.languages, LANGS),
    searchFilter(servicesTable.name, servicesTable.description),
  ],
  checkRefs: (ctx, r) => checkCenterRef(ctx, r),
  policy: {
    scope: () => 'all',
    defaults: defaultToOwnCenter,
    checkWrite(actor, _op, before, after) {
      if (isAdmin(actor)) return null;
      if (
        actor.role === 'center_staff' &&
        (!before || isStaffOf(actor, before.centerId)) &&
        (!after || isStaffOf(actor, after.centerId))
      )
        return null;
      return "only admins and the center's own staff manage its services / 仅管理员和本中心工作人员可管理服务";
    },
  },
};
