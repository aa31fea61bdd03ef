// The one way to write audit entries (who did what to which record, for which center).
import { auditTable } from '../../models/audit/table.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import type { Executor, Row } from '../resources/types.ts';

export interface AuditEntry {
  action: string;
  entityKind: string;
  entityId: string;
  centerId?: string | null;
  detail?: Row;
}

export async function audit(db: Executor, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  await db.insert(auditTable).values(
    entries.map((e) => ({
      actor: actorLabel(actor),
      action: e.action,
      entityKind: e.entityKind,
      entityId: e.entityId,
      centerId: e.centerId ?? null,
      detail: e.detail ?? null,
    })),
  );
}
