// The binding of an API key or an account (role + subjectId / centerId) must name live records, so a
// credential can never act for a subject that does not exist. One check for both.
import { and, eq, isNull } from 'drizzle-orm';
import { centersTable, foundersTable, investorsTable, mentorsTable, regionsTable } from '../../models/schema.ts';
import { isSubjectRole } from '../../models/common/binding.ts';
import type { Role } from '../../models/enums.ts';
import { unprocessable } from '../errors.ts';
import { isUuid } from '../engagement/shared.ts';
import type { Executor } from '../resources/types.ts';

export interface Binding {
  role: Role;
  subjectId?: string | null;
  centerId?: string | null;
  /** region_admin's region. */
  regionCode?: string | null;
}

/** The binding as stored: the fields a role does not use are null. */
export interface StoredBinding {
  subjectId: string | null;
  centerId: string | null;
  /** A founder's center (null when it has none): whose staff manage an account bound to it. */
  subjectCenterId: string | null;
  regionCode: string | null;
}

/**
 * Checks a binding already shaped by `refineBinding` (models/common/binding.ts) against the database:
 * 422 (path `subjectId` / `centerId`) when the record is unknown, an erased founder (a tombstone) or a
 * removed (archived) mentor or investor; 422 (path `regionCode`) for a region_admin without a known
 * region. Returns the stored form.
 */
export async function checkBinding(db: Executor, b: Binding): Promise<StoredBinding> {
  if (isSubjectRole(b.role)) {
    const subjectId = b.subjectId ?? '';
    const unknown = unprocessable([{ path: 'subjectId', message: `unknown ${b.role} / ${b.role} 不存在` }]);
    if (!isUuid(subjectId)) throw unknown;
    if (b.role === 'founder') {
      // An erased founder is a tombstone (PIPL erasure): no credential may act for it again.
      const [f] = await db
        .select({ centerId: foundersTable.centerId })
        .from(foundersTable)
        .where(and(eq(foundersTable.id, subjectId), isNull(foundersTable.erasedAt)))
        .limit(1);
      if (!f) throw unknown;
      return { subjectId, centerId: null, subjectCenterId: f.centerId, regionCode: null };
    }
    // A removed (archived) mentor or investor is unknown: its keys and accounts went with it.
    const t = b.role === 'mentor' ? mentorsTable : investorsTable;
    const [s] = await db
      .select({ id: t.id })
      .from(t)
      .where(and(eq(t.id, subjectId), isNull(t.archivedAt)))
      .limit(1);
    if (!s) throw unknown;
    return { subjectId, centerId: null, subjectCenterId: null, regionCode: null };
  }
  if (b.role === 'center_staff') {
    const centerId = b.centerId ?? '';
    if (!isUuid(centerId)) throw unprocessable([{ path: 'centerId', message: 'unknown center / 双创中心不存在' }]);
    const [center] = await db
      .select({ id: centersTable.id })
      .from(centersTable)
      .where(eq(centersTable.id, centerId))
      .limit(1);
    if (!center) throw unprocessable([{ path: 'centerId', message: 'unknown center / 双创中心不存在' }]);
    return { subjectId: null, centerId, subjectCenterId: null, regionCode: null };
  }
  if (b.role === 'region_admin') {
    const unknown = unprocessable([{ path: 'regionCode', message: 'unknown region / 行政区划代码不存在' }]);
    const regionCode = b.regionCode ?? '';
    if (!/^54\d{4}$/.test(regionCode)) throw unknown;
    const [r] = await db
      .select({ code: regionsTable.code })
      .from(regionsTable)
      .where(eq(regionsTable.code, regionCode))
      .limit(1);
    if (!r) throw unknown;
    return { subjectId: null, centerId: null, subjectCenterId: null, regionCode };
  }
  return {
    subjectId: b.role === 'trainer' ? (b.subjectId ?? null) : null,
    centerId: null,
    subjectCenterId: null,
    regionCode: null,
  };
}
