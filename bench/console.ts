// Console page times: for each kind of signed-in person, every page the console links to from /app
// (bench/console/crawl.ts), the server's time per page (Server-Timing), p50/p95, and the page's size.
// Demo scale here (`npm run bench`); at 100k projects in bench/scale.ts, against the same crawl.
//
// The demo app runs in this process (PGlite, demo data, as bench/matching.ts) but is served over real
// HTTP (@hono/node-server, a free port): the same crawler then measures the demo and the scale server
// (a child process), cookies and headers go over the wire as a browser's do, and Server-Timing keeps
// the server's time apart from the client's parsing in the same process.
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { serve } from '@hono/node-server';
import { desc, sql } from 'drizzle-orm';
import type { Role } from '../models/enums.ts';
import { accountsTable, introductionsTable, projectFoundersTable, projectsTable } from '../models/schema.ts';
import { createAccount } from '../src/accounts/accounts.ts';
import { type Actor, systemActor } from '../src/auth/actor.ts';
import { Introductions } from '../src/engagement/introductions.ts';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase, type Db } from '../src/db/client.ts';
import { resultRows } from '../src/db/errors.ts';
import { silentLogger } from '../src/logger.ts';
import { acceptInvitation, assetSizes, crawl, type CrawlOptions, type PageRow } from './console/crawl.ts';

export const PERSON_ROLES = ['founder', 'mentor', 'investor', 'center_staff', 'admin'] as const satisfies Role[];
export type PersonRole = (typeof PERSON_ROLES)[number];

const LOGIN_PREFIX = 'bench-console-';
const PASSWORD = 'Yak-butter-tea-bench-42';
const KEY = 'bench-console-admin-key-0123456789';

export interface Invited {
  role: PersonRole;
  login: string;
  /** What the account is bound to, as chosen from the data (see pickSubjects). */
  binding: string;
  invitePath: string;
}

export interface PersonResult {
  role: PersonRole;
  login: string;
  binding: string;
  pages: PageRow[];
}

export interface ConsoleResult {
  date: string;
  loadAverage: { start: number[]; end: number[] };
  backend: string;
  requests: number;
  warmups: number;
  persons: PersonResult[];
  /** Styles, scripts and images the home page loads, bytes (a first visit adds them once). */
  assets: Record<string, number>;
}

/**
 * The records the accounts act as, taken from the data so demo and generated sets work alike: the
 * founder with the most projects, the mentor and the investor with the most introductions (else the
 * first), staff of the center with the most projects.
 */
async function pickSubjects(db: Db) {
  const one = async <T>(q: Promise<T[]>) => (await q)[0];
  const founder = await one(
    db
      .select({ id: projectFoundersTable.founderId, n: sql<number>`count(*)::int` })
      .from(projectFoundersTable)
      .groupBy(projectFoundersTable.founderId)
      .orderBy(desc(sql`count(*)`), projectFoundersTable.founderId)
      .limit(1),
  );
  const busiest = async (kind: 'mentor' | 'investor', table: 'mentors' | 'investors') =>
    resultRows<{ id: string; n: number }>(
      await db.execute(sql`select t.id::text as id, count(i.id)::int as n from ${sql.raw(table)} t
        left join ${introductionsTable} i on i.target_kind = ${kind} and i.target_id = t.id
        group by t.id order by count(i.id) desc, t.id limit 1`),
    )[0];
  const mentor = await busiest('mentor', 'mentors');
  const investor = await busiest('investor', 'investors');
  const center = await one(
    db
      .select({ id: projectsTable.centerId, n: sql<number>`count(*)::int` })
      .from(projectsTable)
      .where(sql`${projectsTable.centerId} is not null`)
      .groupBy(projectsTable.centerId)
      .orderBy(desc(sql`count(*)`), projectsTable.centerId)
      .limit(1),
  );
  if (!founder || !mentor || !investor || !center?.id)
    throw new Error('no founder, mentor, investor or center to bind');
  return { founder, mentor, investor, center: { id: center.id, n: center.n } };
}

/**
 * One invited account per kind of person, made as an admin makes them (the domain function behind
 * `POST /v1/accounts`): the password is chosen later through the invitation page. Earlier benchmark
 * accounts in the same database are removed first.
 */
export async function invitePeople(db: Db): Promise<Invited[]> {
  await db.delete(accountsTable).where(sql`${accountsTable.login} like ${`${LOGIN_PREFIX}%`}`);
  const s = await pickSubjects(db);
  // Neither data set has introductions: the founder asks the mentor and the investor for some, so their
  // inboxes are not empty (kept between runs; a repeated request is refused as a duplicate).
  for (const kind of ['mentor', 'investor'] as const) {
    const target = s[kind];
    if (target.n > 0) continue;
    const projects = resultRows<{ id: string }>(
      await db.execute(sql`select p.id::text as id from ${projectFoundersTable} pf
        join ${projectsTable} p on p.id = pf.project_id
        where pf.founder_id = ${s.founder.id} ${kind === 'investor' ? sql`and p.status = 'vetted'` : sql``}
        order by p.id limit 3`),
    );
    const founder: Actor = { role: 'founder', keyId: null, subjectId: s.founder.id, centerId: null };
    for (const { id } of projects) {
      try {
        await new Introductions(db).request(founder, {
          projectId: id,
          targetKind: kind,
          targetId: target.id,
          message: null,
        });
        target.n++;
      } catch {
        /* not eligible or already asked: the inbox has what it has */
      }
    }
  }
  const specs: { role: PersonRole; subjectId?: string; centerId?: string; binding: string }[] = [
    { role: 'founder', subjectId: s.founder.id, binding: `founder of ${s.founder.n} projects` },
    { role: 'mentor', subjectId: s.mentor.id, binding: `mentor with ${s.mentor.n} introductions requested` },
    { role: 'investor', subjectId: s.investor.id, binding: `investor with ${s.investor.n} introductions requested` },
    { role: 'center_staff', centerId: s.center.id, binding: `staff of a center with ${s.center.n} projects` },
    { role: 'admin', binding: 'admin' },
  ];
  const out: Invited[] = [];
  for (const { binding, ...a } of specs) {
    const login = `${LOGIN_PREFIX}${a.role}`;
    const { invitation } = await createAccount(db, systemActor, { ...a, login, displayName: login }, { ttlHours: 168 });
    out.push({ role: a.role, login, binding, invitePath: invitation.url });
  }
  return out;
}

/** Each invited person sets a password through the invitation page (signed in), then crawls. */
export async function measurePeople(
  base: string,
  invited: Invited[],
  opts: CrawlOptions,
  log: (l: string) => void = () => {},
): Promise<{ persons: PersonResult[]; assets: Record<string, number> }> {
  const persons: PersonResult[] = [];
  let assets: Record<string, number> = {};
  for (const p of invited) {
    const visitor = await acceptInvitation(base, p.invitePath, PASSWORD);
    const pages = await crawl(visitor, opts);
    persons.push({ role: p.role, login: p.login, binding: p.binding, pages });
    if (!Object.keys(assets).length) assets = await assetSizes(visitor, (await visitor.get('/app')).html);
    for (const r of pages)
      log(
        `${p.role} ${r.pattern}: ${r.status}, ${(r.bytes / 1024).toFixed(1)} KB, server p50 ${r.server.p50.toFixed(1)} p95 ${r.server.p95.toFixed(1)} ms (first ${r.firstServerMs?.toFixed(1) ?? '–'})`,
      );
  }
  return { persons, assets };
}

export async function benchConsole(
  opts: { databaseUrl?: string; requests?: number; warmups?: number } = {},
): Promise<ConsoleResult> {
  const requests = opts.requests ?? 30;
  const warmups = opts.warmups ?? 3;
  const database = await openDatabase({ url: opts.databaseUrl });
  // A scratch server database starts over (another section may have filled it).
  if (opts.databaseUrl) {
    await database.db.execute(sql`do $$ begin if to_regclass('founders') is not null then
      truncate centers, founders, projects, mentors, investors, trainings, services, embeddings, introductions, enrollments, accounts cascade; end if; end $$`);
  }
  const service = await bootstrap(
    loadConfig({ ADMIN_API_KEY: KEY, LOG_LEVEL: 'silent', DEMO_DATA: 'true', RATE_LIMIT_EXPENSIVE: '0' }),
    silentLogger,
    { database },
  );
  await service.queue.drained(300_000);
  const server = serve({ fetch: service.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const invited = await invitePeople(database.db);
    const start = loadavg();
    const { persons, assets } = await measurePeople(base, invited, { requests, warmups });
    const loadAverage = { start, end: loadavg() };
    return { date: new Date().toISOString(), loadAverage, backend: database.kind, requests, warmups, persons, assets };
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
    await service.close();
  }
}

/** Rows for console.table: one per person and page pattern. */
export function consoleTable(r: Pick<ConsoleResult, 'persons'>) {
  const round = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : Math.round(x * 10) / 10);
  return r.persons.flatMap((p) =>
    p.pages.map((pg) => ({
      person: p.role,
      page: pg.contentType === 'text/html' ? pg.pattern : `${pg.pattern} (${pg.contentType})`,
      status: pg.status,
      KB: Math.round(pg.bytes / 102.4) / 10,
      'first ms': round(pg.firstServerMs),
      'server p50': round(pg.server.p50),
      'server p95': round(pg.server.p95),
      'round trip p95': round(pg.wall.p95),
    })),
  );
}
