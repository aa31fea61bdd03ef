import type { Role } from '../../models/enums.ts';

/** Who is calling: the role and binding of the API key the request carried. */
export interface Actor {
  role: Role;
  /** API key id; null for the ADMIN_API_KEY from the environment and for console accounts. */
  keyId: string | null;
  /** The console account signed in (src/accounts/sessions.ts); absent for API keys. */
  accountId?: string;
  /** founder/mentor/investor id, or the trainer's provider name. */
  subjectId: string | null;
  /** center_staff's center. */
  centerId: string | null;
  /** region_admin's region (reads figures inside it only). */
  regionCode?: string | null;
}

export const systemActor: Actor = { role: 'admin', keyId: null, subjectId: null, centerId: null, regionCode: null };

export const isAdmin = (a: Actor) => a.role === 'admin';
export const isStaffOf = (a: Actor, centerId: string | null | undefined) =>
  a.role === 'center_staff' && !!centerId && a.centerId === centerId;
export const actorLabel = (a: Actor) =>
  a.keyId ? `key:${a.keyId}` : a.accountId ? `account:${a.accountId}` : a.role === 'admin' ? 'admin:env' : 'system';
