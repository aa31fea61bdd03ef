// Per region and year, the targets admins set (policy 一(三)): the would-be founders of an area (the
// denominator of the 50 % coverage target) and how many centers it should have. Admins write them;
// admins and a region_admin inside its region read them. Every write is audited (region_target.update).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { regionTargetsTable } from '../../models/region-targets/table.ts';
import type { RegionTargetBody } from '../../models/region-targets/validation.ts';
import { covers, isRegionCode } from '../../models/regions/codes.ts';
import { actorLabel, isAdmin, type Actor } from '../auth/actor.ts';
import { audit } from '../audit/record.ts';
import type { Db } from '../db/client.ts';
import { notFound, unprocessable } from '../errors.ts';
import type { Executor } from '../resources/types.ts';

export const TARGET_YEARS = { min: 2000, max: 2100 } as const;

export interface RegionTarget {
  regionCode: string;
  year: number;
  potentialFounders: number;
  centers: number | null;
  updatedAt: Date;
}

const t = regionTargetsTable;
const columns = {
  regionCode: t.regionCode,
  year: t.year,
  potentialFounders: t.potentialFounders,
  centers: t.centers,
  updatedAt: t.updatedAt,
};

/** Whether the actor reads the targets of `code`: admins all, a region_admin inside its region. */
export const readsTargets = (actor: Actor, code: string): boolean =>
  isAdmin(actor) || (actor.role === 'region_admin' && !!actor.regionCode && covers(actor.regionCode, code));

/** A year from a path: whole, 2000–2100 (422 with path `year` otherwise). */
export function parseTargetYear(raw: string): number {
  const year = /^\d{4}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(year >= TARGET_YEARS.min && year <= TARGET_YEARS.max))
    throw unprocessable([
      { path: 'year', message: `a year from ${TARGET_YEARS.min} to ${TARGET_YEARS.max} / 年份须在 2000 至 2100 之间` },
    ]);
  return year;
}

/** Sets (creates or replaces) the target of a region and year: admins only (404 to others, like every admin door). */
export async function putRegionTarget(
  db: Db,
  actor: Actor,
  code: string,
  year: number,
  body: RegionTargetBody,
): Promise<RegionTarget> {
  if (!isAdmin(actor)) throw notFound('region target');
  if (!isRegionCode(code)) throw notFound('region');
  const values = { potentialFounders: body.potentialFounders, centers: body.centers ?? null };
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select(columns)
      .from(t)
      .where(and(eq(t.regionCode, code), eq(t.year, year)))
      .for('update');
    const [row] = await tx
      .insert(t)
      .values({ regionCode: code, year, ...values, updatedBy: actorLabel(actor) })
      .onConflictDoUpdate({
        target: [t.regionCode, t.year],
        set: { ...values, updatedBy: actorLabel(actor), updatedAt: sql`now()` },
      })
      .returning(columns);
    await audit(tx, actor, [
      {
        action: 'region_target.update',
        entityKind: 'region_target',
        entityId: `${code}:${year}`,
        detail: {
          regionCode: code,
          year,
          before: before ? { potentialFounders: before.potentialFounders, centers: before.centers } : null,
          after: values,
        },
      },
    ]);
    return row;
  });
}

/** The targets of one region, every year, oldest first: admins, and a region_admin inside its region (404 otherwise). */
export async function listRegionTargets(db: Executor, actor: Actor, code: string): Promise<RegionTarget[]> {
  if (!isRegionCode(code) || !readsTargets(actor, code)) throw notFound('region');
  return db.select(columns).from(t).where(eq(t.regionCode, code)).orderBy(asc(t.year));
}

/** The targets of one year for these regions (the console's table), by region code. Callers check the scope. */
export async function targetsOfYear(
  db: Executor,
  year: number,
  codes: readonly string[],
): Promise<Map<string, RegionTarget>> {
  if (!codes.length) return new Map();
  const rows = await db
    .select(columns)
    .from(t)
    .where(and(eq(t.year, year), inArray(t.regionCode, [...codes])));
  return new Map(rows.map((r) => [r.regionCode, r]));
}
