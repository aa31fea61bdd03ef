import { z } from 'zod';
import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import { TOPICS } from '../enums.ts';
import {
  cnyField,
  externalIdField,
  languagesField,
  nameField,
  nonEmptySet,
  regionCodeField,
  embeddedServerOwned,
  matchOwned,
  setOf,
  textField,
} from '../common/validation.ts';
import { projectsTable } from './table.ts';

export const MAX_STATUS_REASON = 2000;
/** Kept by the server: when the project last entered `submitted` (read-only, see projectReadOnly). */
const serverKept = { submittedAt: true } as const;
/** Read-only fields of a project response. */
export const projectReadOnly = {
  submittedAt: z.iso
    .datetime()
    .nullable()
    .describe(
      'when the project last entered `submitted` (the vetting queue waits from then); null before its first submission',
    ),
};

/** Kept by triggers from the founders' own records (see table.ts); never shown or written by the API. */
const founderGroupsOwned = { founderGroups: true } as const;
export const projectSelectSchema = createSelectSchema(projectsTable).omit({ ...matchOwned, ...founderGroupsOwned });
export const projectBodySchema = createInsertSchema(projectsTable, {
  externalId: externalIdField,
  title: () => nameField(),
  description: () => textField().min(1, 'must not be empty'),
  regionCode: regionCodeField,
  needs: () => setOf(z.enum(TOPICS)),
  fundingNeedCny: cnyField,
  languages: languagesField,
  confidential: () => z.record(z.string(), z.unknown()),
  statusReason: () =>
    textField(MAX_STATUS_REASON)
      .nullable()
      .describe(
        'why the center vetted or rejected the project, shown to its founders; set by center staff or an admin with the decision (cleared when the status changes without one)',
      ),
})
  .omit({ ...embeddedServerOwned, ...founderGroupsOwned, ...serverKept })
  .extend({
    founderIds: nonEmptySet(z.uuid()).describe(
      'ids of the founders of the project (at least one). Written by a founder: itself and the members it keeps, plus founders it ' +
        'invites (they join when they accept; until then they are in pendingFounderIds, not here). Written by staff or an admin: the members.',
    ),
  })
  .strict();
