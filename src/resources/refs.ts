// Checks that referenced records exist (and are visible), so a bad id is a 422 naming the field.
import { eq } from 'drizzle-orm';
import { centersTable } from '../../models/centers/table.ts';
import type { FieldIssue } from '../errors.ts';
import type { ReadContext, Row } from './types.ts';

export async function checkCenterRef(ctx: ReadContext, record: Row): Promise<FieldIssue[]> {
  if (!record.centerId) return [];
  const [c] = await ctx.db
    .select({ id: centersTable.id })
    .from(centersTable)
    .where(eq(centersTable.id, record.centerId))
    .limit(1);
  return c ? [] : [{ path: 'centerId', message: 'unknown center / 双创中心不存在' }];
}

/** Each id of `ids` must be among `found`; issues name the failing index. */
export function missingIds(field: string, ids: string[], found: Set<string>, what: string): FieldIssue[] {
  return ids.flatMap((id, i) =>
    found.has(id) ? [] : [{ path: `${field}.${i}`, message: `unknown ${what} / ${what} 不存在` }],
  );
}
