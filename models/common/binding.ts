import { z } from 'zod';
import type { Role } from '../enums.ts';
import { isRegionCode } from '../regions/codes.ts';

/** Roles bound to a record by id (`subjectId` is that record's UUID). */
export const SUBJECT_ROLES = ['founder', 'mentor', 'investor'] as const;
export type SubjectRole = (typeof SUBJECT_ROLES)[number];
export const isSubjectRole = (role: Role): role is SubjectRole => (SUBJECT_ROLES as readonly Role[]).includes(role);

/**
 * The binding each role needs (shared/API.md, "Auth and visibility"), checked alike for API keys and
 * accounts: center_staff a centerId; founder/mentor/investor the record's id; trainer a provider name;
 * region_admin a regionCode (the region, a prefecture or a county; no other role carries one);
 * admin neither. `what` names the thing in messages ("keys", "accounts"). With `centerFromCaller` a
 * center_staff binding may leave its centerId out (center staff create accounts of their own center).
 */
export function refineBinding(
  v: { role: Role; subjectId?: string | null; centerId?: string | null; regionCode?: string | null },
  ctx: z.RefinementCtx,
  what: string,
  opts: { centerFromCaller?: boolean } = {},
) {
  if (v.role === 'center_staff' && !v.centerId && !opts.centerFromCaller)
    ctx.addIssue({ code: 'custom', path: ['centerId'], message: `center_staff ${what} need a centerId` });
  if ((isSubjectRole(v.role) || v.role === 'trainer') && !v.subjectId)
    ctx.addIssue({ code: 'custom', path: ['subjectId'], message: `${v.role} ${what} need a subjectId` });
  if (isSubjectRole(v.role) && v.subjectId && !z.uuid().safeParse(v.subjectId).success)
    ctx.addIssue({
      code: 'custom',
      path: ['subjectId'],
      message: `${v.role} ${what} need the ${v.role}'s id (a UUID)`,
    });
  if (v.role === 'region_admin' && !v.regionCode)
    ctx.addIssue({ code: 'custom', path: ['regionCode'], message: `region_admin ${what} need a regionCode` });
  if (v.role === 'region_admin' && v.regionCode && !isRegionCode(v.regionCode))
    ctx.addIssue({
      code: 'custom',
      path: ['regionCode'],
      message: 'unknown region (a code of the region, a prefecture or a county) / 行政区划代码不存在',
    });
  if (v.role !== 'region_admin' && v.regionCode)
    ctx.addIssue({ code: 'custom', path: ['regionCode'], message: `only region_admin ${what} carry a regionCode` });
}
