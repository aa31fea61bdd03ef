// The first people of an installation. A new installation gets one admin account, invited: the link
// goes to DATA_DIR/admin-invitation.txt (0600), never to the log. With demo data, one invited account
// per kind of user, bound to demo records, so the console can be tried at once
// (DATA_DIR/demo-invitations.txt). Links expire like any invitation; admins issue new ones.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import type { Role } from '../../models/enums.ts';
import { accountsTable, centersTable, foundersTable, investorsTable, mentorsTable } from '../../models/schema.ts';
import { systemActor } from '../auth/actor.ts';
import { audit } from '../audit/record.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import { newInvitation } from './invitations.ts';

interface Invite {
  login: string;
  role: Role;
  displayName: string;
  subjectId?: string | null;
  centerId?: string | null;
  regionCode?: string | null;
}

async function invite(db: Db, a: Invite, ttlHours: number): Promise<string> {
  const invitation = newInvitation(ttlHours);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(accountsTable)
      .values({ ...a, createdBy: 'system', ...invitation.columns })
      .returning({ id: accountsTable.id });
    await audit(tx, systemActor, [
      { action: 'account.created', entityKind: 'account', entityId: row.id, centerId: a.centerId ?? null },
    ]);
  });
  return invitation.url;
}

function save(dataDir: string, name: string, lines: string[]) {
  mkdirSync(dataDir, { recursive: true });
  const file = resolve(dataDir, name);
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  return file;
}

const linkLine = (origin: string, login: string, path: string) => `${login}\t${origin}${path}`;

export async function ensureAdminAccount(
  db: Db,
  opts: { dataDir: string; ttlHours: number; origin: string },
  logger: Logger,
) {
  const [admin] = await db
    .select({ id: accountsTable.id })
    .from(accountsTable)
    .where(eq(accountsTable.role, 'admin'))
    .limit(1);
  if (admin) return;
  const path = await invite(
    db,
    { login: 'admin', role: 'admin', displayName: 'Administrator / 管理员' },
    opts.ttlHours,
  );
  const file = save(opts.dataDir, 'admin-invitation.txt', [linkLine(opts.origin, 'admin', path)]);
  logger.warn({ file }, `no console account yet: invited "admin"; the invitation link is in ${file} (not logged)`);
}

/** Demo records the demo accounts act as (seeds/demo): a founder with vetted projects, and the others. */
const DEMO = {
  founder: 'demo-founder-cirendoji',
  mentor: 'demo-mentor-zhoujianguo',
  investor: 'demo-investor-angel-luosangdanzeng',
  center: 'pilot-tibet-university',
  trainer: '西藏大学创新创业学院',
};

export async function createDemoAccounts(
  db: Db,
  opts: { dataDir: string; ttlHours: number; origin: string },
  logger: Logger,
) {
  const ids = async (
    table: typeof foundersTable | typeof mentorsTable | typeof investorsTable | typeof centersTable,
    ext: string,
  ) =>
    (
      await db
        .select({ id: table.id })
        .from(table)
        .where(inArray(table.externalId, [ext]))
        .limit(1)
    )[0]?.id ?? null;
  const founder = await ids(foundersTable, DEMO.founder);
  const mentor = await ids(mentorsTable, DEMO.mentor);
  const investor = await ids(investorsTable, DEMO.investor);
  const center = await ids(centersTable, DEMO.center);
  if (!founder || !mentor || !investor || !center) return;
  const accounts: Invite[] = [
    { login: 'demo-founder', role: 'founder', displayName: '次仁多吉', subjectId: founder },
    { login: 'demo-mentor', role: 'mentor', displayName: '周建国', subjectId: mentor },
    { login: 'demo-investor', role: 'investor', displayName: '洛桑丹增', subjectId: investor },
    { login: 'demo-staff', role: 'center_staff', displayName: '西藏大学双创中心', centerId: center },
    { login: 'demo-trainer', role: 'trainer', displayName: DEMO.trainer, subjectId: DEMO.trainer },
    // Figures of the Lhasa prefecture only (issue 22): statistics and targets, no personal records.
    { login: 'demo-region', role: 'region_admin', displayName: '拉萨市统计', regionCode: '540100' },
  ];
  const lines: string[] = [];
  for (const a of accounts) lines.push(linkLine(opts.origin, a.login, await invite(db, a, opts.ttlHours)));
  const file = save(opts.dataDir, 'demo-invitations.txt', lines);
  logger.info(
    { file, accounts: accounts.map((a) => a.login) },
    `demo accounts invited; their invitation links are in ${file}`,
  );
}
