// A year of a center's life on generated data (bench/gen.ts writes every record as created now): the
// statistics benchmark needs past days that hold events, so that the figures it times read a year of
// history from the snapshots and only today's changes live. Set-based SQL, seeded (setseed), in one
// transaction: records are backdated over the past `days`, and the lifecycle tables get what a center
// would have written meanwhile — vetting decisions in the audit log, applications and admissions,
// incubations (some graduated), introductions requested → accepted/declined → ended with their audit
// entries, enrolments, monthly outcomes of incubated projects, and centers operating since 2018–2021.
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { resultRows } from '../../src/db/errors.ts';

/** A random instant in the past `days` (never in the future), as SQL. */
const pastInstant = (days: number) =>
  sql.raw(`(now() - make_interval(secs => 3600 + floor(random() * ${days} * 86400)::int))`);

/**
 * A random instant up to `days` after `t` and never later than an hour ago (SQL): a step a record has
 * not had time for yet lands soon after it, not all on today (which would make today's live part of
 * every figure a year's backlog).
 */
const after = (t: string, days: number) =>
  sql.raw(
    `(${t} + random() * greatest(least(make_interval(days => ${days}), now() - interval '1 hour' - ${t}), interval '0'))`,
  );

export async function generateHistory(db: Db, { days = 400, seed = 0.22 } = {}): Promise<Record<string, number>> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select setseed(${seed})`);
    await tx.execute(sql`update founders set created_at = ${pastInstant(days)}, updated_at = now()`);
    await tx.execute(sql`update projects set created_at = ${pastInstant(days)}, updated_at = now()`);
    // Centers began operating between 2018 and 2021 (the policy's deadlines fall in between).
    await tx.execute(sql`
      update center_status_history h set since = date '2018-01-01' + floor(random() * 1400)::int
       where h.status = 'operating'`);
    await tx.execute(sql`
      update centers c set status_since = h.since from center_status_history h
       where h.center_id = c.id and h.status = c.status`);
    // Vetting: a submitted project is vetted (or rejected) 1–20 days after it was created, by its center.
    await tx.execute(sql`
      insert into audit_log (id, actor, action, entity_kind, entity_id, center_id, detail, created_at)
      select gen_random_uuid(), 'bench', 'project.status', 'project', p.id::text, p.center_id,
             jsonb_build_object('from', 'submitted', 'to', p.status::text),
             ${after('p.created_at', 20)}
        from projects p where p.status in ('vetted', 'rejected')`);
    // Half of the vetted projects of a center apply to it; admitted ones are incubated, some graduated.
    await tx.execute(sql`
      create temporary table bench_apps on commit drop as
      select gen_random_uuid() as id, p.id as project_id, p.center_id,
             ${after('a.created_at', 12)} as applied_at,
             random() as r
        from projects p join audit_log a on a.entity_id = p.id::text and a.action = 'project.status'
       where p.status = 'vetted' and p.center_id is not null and random() < 0.5`);
    await tx.execute(sql`
      insert into applications (id, project_id, center_id, answers, status, decision, decided_at, decided_by, created_at, updated_at)
      select id, project_id, center_id, '{}'::jsonb, 'decided',
             (case when r < 0.6 then 'admitted' when r < 0.7 then 'waitlisted' else 'rejected' end)::admission_decision,
             ${after('applied_at', 14)},
             'bench', applied_at, now()
        from bench_apps`);
    await tx.execute(sql`
      insert into incubations (id, project_id, center_id, application_id, started_on, planned_months, ended_on, "end")
      select gen_random_uuid(), a.project_id, a.center_id, a.id, (a.decided_at at time zone 'Asia/Shanghai')::date, 12,
             g.ended_on, case when g.ended_on is not null then 'graduated'::incubation_end end
        from applications a
        cross join lateral (select case when random() < 0.3
               and (a.decided_at at time zone 'Asia/Shanghai')::date + 120 < (now() at time zone 'Asia/Shanghai')::date
               then (a.decided_at at time zone 'Asia/Shanghai')::date + 90 + floor(random() * 30)::int end as ended_on) g
       where a.decision = 'admitted'`);
    await tx.execute(sql`
      update projects p set status = case when n.ended_on is null then 'incubating' else 'graduated' end::project_status
        from incubations n where n.project_id = p.id`);
    // Monthly outcomes of incubated projects, from the month they started up to this one.
    await tx.execute(sql`
      insert into project_outcomes (project_id, period, employees, graduates_hired, local_hires, revenue_cny,
                                    funding_raised_cny, ip_filings, registered_enterprise, entered_by)
      select n.project_id, to_char(m, 'YYYY-MM'), 2 + floor(random() * 12)::int, floor(random() * 3)::int,
             floor(random() * 6)::int, floor(random() * 200000)::int, floor(random() * 50000)::int, 0, random() < 0.5, 'bench'
        from incubations n
        cross join lateral generate_series(date_trunc('month', n.started_on), date_trunc('month', coalesce(n.ended_on, now()::date)), interval '1 month') m`);
    // Introductions: a third of the projects ask a mentor, a sixth an investor; decided within days.
    // Candidates numbered once, so a random pick is a join on a number (computed per row beforehand:
    // a volatile expression inside a join condition or an uncorrelated subquery may be evaluated once).
    await tx.execute(sql`
      create temporary table bench_targets on commit drop as
      select 'mentor'::introduction_target as kind, row_number() over (order by id) as n, id from mentors
      union all select 'investor', row_number() over (order by id), id from investors
      union all select null, row_number() over (order by id), id from trainings`);
    await tx.execute(sql`
      create temporary table bench_intros on commit drop as
      with picks as (
        select gen_random_uuid() as id, p.id as project_id, p.center_id, k.kind::introduction_target as target_kind,
               1 + floor(random() * k.total)::int as pick,
               ${after('p.created_at', 60)} as created_at,
               random() as r
          from projects p
          cross join (values ('mentor', 0.33, (select count(*) from mentors)),
                             ('investor', 0.17, (select count(*) from investors))) as k(kind, share, total)
         where p.status not in ('draft', 'rejected') and random() < k.share)
      select picks.*, t.id as target_id from picks join bench_targets t on t.kind = picks.target_kind and t.n = picks.pick`);
    await tx.execute(sql`
      insert into introductions (id, project_id, target_kind, target_id, status, requested_by, decided_at,
                                 decided_center_id, ended_at, created_at, updated_at, initiator)
      select id, project_id, target_kind, target_id,
             (case when r < 0.15 then 'requested' when r < 0.3 then 'declined' when r < 0.75 then 'accepted' else 'ended' end)::introduction_status,
             'bench',
             case when r >= 0.15 then ${after('created_at', 4)} end,
             case when r >= 0.15 then center_id end,
             null,
             created_at, now(), 'project'
        from bench_intros`);
    await tx.execute(sql`update introductions set ended_at = ${after('decided_at', 60)} where status = 'ended'`);
    await tx.execute(sql`
      insert into audit_log (id, actor, action, entity_kind, entity_id, center_id, created_at)
      select gen_random_uuid(), 'bench', s.action, 'introduction', i.id::text, b.center_id, s.at
        from introductions i join bench_intros b on b.id = i.id
        cross join lateral (values ('introduction.request', i.created_at),
                                   ('introduction.accept', case when i.status in ('accepted', 'ended') then i.decided_at end),
                                   ('introduction.decline', case when i.status = 'declined' then i.decided_at end),
                                   ('introduction.end', i.ended_at)) as s(action, at)
       where s.at is not null`);
    // Enrolments: a fifth of the founders in one training each, before it starts.
    await tx.execute(sql`
      insert into enrollments (id, training_id, founder_id, created_at)
      select gen_random_uuid(), t.id, f.founder_id, f.at
        from (select id as founder_id, 1 + floor(random() * (select count(*) from trainings))::int as pick,
                     ${after('created_at', 30)} as at
                from founders where random() < 0.2) f
        join bench_targets t on t.kind is null and t.n = f.pick
      on conflict do nothing`);
  });
  await db.execute(sql`analyze`);
  const [counts] = resultRows<Record<string, number>>(
    await db.execute(sql`select
      (select count(*) from audit_log)::int as "auditEntries",
      (select count(*) from applications)::int as applications,
      (select count(*) from incubations)::int as incubations,
      (select count(*) from introductions)::int as introductions,
      (select count(*) from enrollments)::int as enrolments,
      (select count(*) from project_outcomes)::int as outcomes`),
  );
  return counts;
}
