// Loads reference data (regions, pilot centers) and the demo data set. Both are idempotent:
// regions upsert by code, everything else by externalId through the same repository the API uses,
// so seeded records obey the same validation and get their embeddings scheduled the same way.
import { count, inArray, sql } from 'drizzle-orm';
import {
  centersTable,
  foundersTable,
  mentorsTable,
  projectsTable,
  regionsTable,
  regionTargetsTable,
} from '../models/schema.ts';
import { todayInShanghai } from '../src/lifecycle/access.ts';
import { systemActor } from '../src/auth/actor.ts';
import type { Db } from '../src/db/client.ts';
import { readContext } from '../src/resources/context.ts';
import type { EmbeddingHooks } from '../src/resources/embedding-hooks.ts';
import { Repository } from '../src/resources/repository.ts';
import * as defs from '../src/resources/index.ts';
import type { ResourceDef } from '../src/resources/types.ts';
import { regions } from './reference/regions.ts';
import { pilotCenters } from './reference/pilot-centers.ts';
import { demo } from './demo/index.ts';

export async function loadReference(db: Db, hooks: EmbeddingHooks): Promise<void> {
  await db
    .insert(regionsTable)
    .values(regions)
    .onConflictDoUpdate({
      target: regionsTable.code,
      set: {
        nameZh: sql`excluded.name_zh`,
        nameEn: sql`excluded.name_en`,
        level: sql`excluded.level`,
        parentCode: sql`excluded.parent_code`,
      },
    });
  const upsert = upserter(db, hooks, defs.centers);
  for (const { nameEn: _en, ...center } of pilotCenters) await upsert(center);
}

/** True when no founder, project or mentor exists yet (a new installation). */
export async function isEmpty(db: Db): Promise<boolean> {
  for (const t of [foundersTable, projectsTable, mentorsTable]) {
    const [{ n }] = await db.select({ n: count() }).from(t);
    if (Number(n) > 0) return false;
  }
  return true;
}

export interface DemoCounts {
  [resource: string]: number;
}

export async function loadDemo(db: Db, hooks: EmbeddingHooks): Promise<DemoCounts> {
  const centerIds = await idsByExternalId(
    db,
    [...pilotCenters, ...demo.centers].map((c) => c.externalId),
  );
  const founderIds = new Map<string, string>();
  const ref = (map: Map<string, string>, externalId: string | undefined, what: string) => {
    if (externalId === undefined) return undefined;
    const id = map.get(externalId);
    if (!id) throw new Error(`demo data: unknown ${what} externalId "${externalId}"`);
    return id;
  };

  const upsertCenter = upserter(db, hooks, defs.centers);
  for (const c of demo.centers) centerIds.set(c.externalId, (await upsertCenter(c)).id);

  const upsertFounder = upserter(db, hooks, defs.founders);
  for (const { centerExternalId, ...f } of demo.founders) {
    founderIds.set(
      f.externalId,
      (await upsertFounder({ ...f, centerId: ref(centerIds, centerExternalId, 'center') })).id,
    );
  }
  const upsertProject = upserter(db, hooks, defs.projects);
  for (const { centerExternalId, founderExternalIds, ...p } of demo.projects) {
    await upsertProject({
      ...p,
      centerId: ref(centerIds, centerExternalId, 'center'),
      founderIds: founderExternalIds.map((x) => ref(founderIds, x, 'founder')!),
    });
  }
  for (const [def, rows] of [
    [defs.mentors, demo.mentors],
    [defs.investors, demo.investors],
    [defs.trainings, demo.trainings],
  ] as const) {
    const upsert = upserter(db, hooks, def);
    for (const r of rows) await upsert(r);
  }
  const upsertService = upserter(db, hooks, defs.services);
  for (const { centerExternalId, ...s } of demo.services) {
    await upsertService({ ...s, centerId: ref(centerIds, centerExternalId, 'center') });
  }
  // This year's targets, so the coverage dashboard shows rates (an admin's own targets are kept).
  const year = Number(todayInShanghai().slice(0, 4));
  await db
    .insert(regionTargetsTable)
    .values(demo.regionTargets.map((t) => ({ ...t, year, updatedBy: 'demo' })))
    .onConflictDoNothing();
  return Object.fromEntries(Object.entries(demo).map(([k, v]) => [k, v.length]));
}

/** Validates a seed record with the resource's own body schema and upserts it by externalId. */
function upserter(db: Db, hooks: EmbeddingHooks, def: ResourceDef) {
  const repo = new Repository(def, db, hooks);
  const ctx = readContext(db, systemActor);
  return async (record: Record<string, unknown>) => {
    const body = def.bodySchema.parse(record);
    return (await repo.upsertByExternalId(ctx, String(record.externalId), body)).item;
  };
}

async function idsByExternalId(db: Db, externalIds: string[]): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: centersTable.id, externalId: centersTable.externalId })
    .from(centersTable)
    .where(inArray(centersTable.externalId, externalIds));
  return new Map(rows.map((r) => [r.externalId!, r.id]));
}
