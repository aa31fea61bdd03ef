import { trainingBodySchema, trainingInvariants } from '../../models/trainings/validation.ts';
import { trainingsTable } from '../../models/trainings/table.ts';
import { FOUNDER_GROUPS, LANGS, PROVIDER_KINDS, STAGES, TOPICS, TRAINING_MODES } from '../../models/enums.ts';
import { isAdmin } from '../auth/actor.ts';
import { enumFilter, memberFilter, regionFilter, searchFilter, textFilter } from './filters.ts';
import { hideArchived } from './policies.ts';
import { retireTraining } from './retire.ts';
import type { ResourceDef } from './types.ts';

/** Trainings: public to every role; admins and the providing trainer (subjectId = provider) manage them. */
export const trainings: ResourceDef = {
  name: 'trainings',
  singular: 'training',
  table: trainingsTable,
  bodySchema: trainingBodySchema,
  invariants: trainingInvariants,
  embedded: 'training',
  filters: [
    regionFilter(trainingsTable.regionCode),
    textFilter('provider', trainingsTable.provider),
    enumFilter('providerKind', trainingsTable.providerKind, PROVIDER_KINDS),
    enumFilter('mode', trainingsTable.mode, TRAINING_MODES),
    memberFilter('topic', trainingsTable.topics, TOPICS),
    memberFilter('group', trainingsTable.targetGroups, FOUNDER_GROUPS, true),
    memberFilter('stage', trainingsTable.stages, STAGES, true),
    memberFilter('language', trainingsTable.languages, LANGS),
    searchFilter(trainingsTable.title, trainingsTable.description),
  ],
  policy: {
    scope: hideArchived(trainingsTable.archivedAt, () => 'all'),
    defaults: (actor, body) =>
      actor.role === 'trainer' ? { ...body, provider: body.provider ?? actor.subjectId } : body,
    checkWrite(actor, _op, before, after) {
      if (isAdmin(actor)) return null;
      if (actor.role !== 'trainer')
        return 'only admins and the providing trainer manage trainings / 仅管理员和培训提供方可管理培训';
      if ((before && before.provider !== actor.subjectId) || (after && after.provider !== actor.subjectId))
        return 'trainers manage their own trainings only (provider must be your provider name) / 只能管理本机构的培训';
      return null;
    },
  },
  retire: retireTraining,
  deleteDescription:
    'A training with enrolments is archived (kept for statistics; 404 to everyone but admins, never matched); one without is deleted.',
};
