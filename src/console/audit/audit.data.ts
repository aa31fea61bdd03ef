// What the audit page reads besides the entries (src/audit/query.ts: the scope and redaction of
// GET /v1/audit): who the actors are, in words, and the titles of the projects entries are about.
import { inArray } from 'drizzle-orm';
import { accountsTable } from '../../../models/accounts/table.ts';
import { projectsTable } from '../../../models/projects/table.ts';
import { isAdmin, type Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { enumLabel } from '../../i18n/labels.ts';
import type { Repository } from '../../resources/repository.ts';
import type { ReadContext } from '../../resources/types.ts';
import type { Ui } from '../ui.ts';

/**
 * Actor labels (`account:<id>`, `key:<id>`, `admin:env`, `system`) as a person reads them: the
 * reader itself as "you"; accounts of the reader's center (all, for admins) by name; other
 * accounts by their role only; keys as "API key".
 */
export async function actorNames(db: Db, viewer: Actor, ui: Ui, labels: string[]): Promise<Map<string, string>> {
  const { t, lang } = ui;
  const accountIds = labels
    .filter((l) => l.startsWith('account:'))
    .map((l) => l.slice('account:'.length))
    .filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const accounts = accountIds.length
    ? await db
        .select({
          id: accountsTable.id,
          login: accountsTable.login,
          displayName: accountsTable.displayName,
          role: accountsTable.role,
          centerId: accountsTable.centerId,
        })
        .from(accountsTable)
        .where(inArray(accountsTable.id, accountIds))
    : [];
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const out = new Map<string, string>();
  for (const label of labels) {
    if (label === `account:${viewer.accountId}`) out.set(label, t('audit.actor.you'));
    else if (label.startsWith('account:')) {
      const a = byId.get(label.slice('account:'.length));
      if (!a) out.set(label, t('audit.actor.unknown'));
      else if (isAdmin(viewer) || (a.centerId && a.centerId === viewer.centerId))
        out.set(label, `${a.displayName ?? a.login} (${enumLabel(lang, 'role', a.role)})`);
      else out.set(label, enumLabel(lang, 'role', a.role));
    } else if (label.startsWith('key:')) out.set(label, t('audit.actor.key'));
    else if (label === 'admin:env') out.set(label, t('audit.actor.admin'));
    else out.set(label, t('audit.actor.system'));
  }
  return out;
}

/** Titles of the projects (that the reader may read) among these ids. */
export async function projectTitles(repo: Repository, ctx: ReadContext, ids: string[]): Promise<Map<string, string>> {
  const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (!uuids.length) return new Map();
  const rows = await repo.readAll(ctx, inArray(projectsTable.id, uuids));
  return new Map(rows.map((r) => [r.id as string, r.title as string]));
}
