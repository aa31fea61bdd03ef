import { mentorBodySchema } from '../../models/mentors/validation.ts';
import { mentorsTable } from '../../models/mentors/table.ts';
import { LANGS, SECTORS, TOPICS } from '../../models/enums.ts';
import { boolFilter, memberFilter, regionFilter, searchFilter } from './filters.ts';
import { directoryPolicy } from './policies.ts';
import { ARCHIVE_DESCRIPTION, retireTarget } from './retire.ts';
import type { ResourceDef } from './types.ts';

export const mentors: ResourceDef = {
  name: 'mentors',
  singular: 'mentor',
  table: mentorsTable,
  bodySchema: mentorBodySchema,
  embedded: 'mentor',
  filters: [
    regionFilter(mentorsTable.regionCode),
    memberFilter('sector', mentorsTable.sectors, SECTORS),
    memberFilter('expertise', mentorsTable.expertise, TOPICS),
    memberFilter('language', mentorsTable.languages, LANGS),
    boolFilter('remote', mentorsTable.remote),
    boolFilter('active', mentorsTable.active),
    searchFilter(mentorsTable.name, mentorsTable.bio),
  ],
  policy: directoryPolicy('mentor', mentorsTable.archivedAt),
  retire: retireTarget('mentor'),
  deleteDescription: ARCHIVE_DESCRIPTION,
};
