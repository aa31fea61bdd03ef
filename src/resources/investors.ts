import { investorBodySchema, investorInvariants } from '../../models/investors/validation.ts';
import { investorsTable } from '../../models/investors/table.ts';
import { INVESTOR_KINDS, SECTORS, STAGES } from '../../models/enums.ts';
import { boolFilter, enumFilter, memberFilter, regionListFilter, searchFilter } from './filters.ts';
import { directoryPolicy } from './policies.ts';
import { ARCHIVE_DESCRIPTION, retireTarget } from './retire.ts';
import type { ResourceDef } from './types.ts';

export const investors: ResourceDef = {
  name: 'investors',
  singular: 'investor',
  table: investorsTable,
  bodySchema: investorBodySchema,
  invariants: investorInvariants,
  embedded: 'investor',
  filters: [
    enumFilter('kind', investorsTable.kind, INVESTOR_KINDS),
    memberFilter('sector', investorsTable.sectors, SECTORS, true),
    memberFilter('stage', investorsTable.stages, STAGES, true),
    regionListFilter(investorsTable.regionCodes),
    boolFilter('active', investorsTable.active),
    searchFilter(investorsTable.name, investorsTable.thesis),
  ],
  policy: directoryPolicy('investor', investorsTable.archivedAt),
  retire: retireTarget('investor'),
  deleteDescription: ARCHIVE_DESCRIPTION,
};
