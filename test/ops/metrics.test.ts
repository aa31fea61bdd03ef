// Prometheus metrics at /metrics on the API port: admins only; request durations by route template
// (never the raw path), match computations and cache results by journey, embedding backlog, queue
// depth and assignment runs read at scrape, the default process metrics; one registry per app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markForReindex } from '../../jobs/embeddings/processor.ts';
import { createMetrics } from '../../src/http/metrics.ts';
import { silentLogger } from '../../src/logger.ts';
import { founderBody, mentorBody, ok, projectBody } from '../auth/world.ts';
import { ADMIN_KEY, startTestApp, type TestApp } from '../harness.ts';

let t: TestApp;
let centerId: string;
let projectId: string;
let founderKey: string;

const scrape = async () => {
  const res = await t.request('GET', '/metrics', { key: ADMIN_KEY });
  expect(res.status, res.text).toBe(200);
  return res.text;
};
/** The value of one series, or undefined when it is absent. */
const value = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

beforeAll(async () => {
  // The match cache on (a hit to count); the reconciler far away, so a backlog stays until drained here.
  t = await startTestApp({ MATCH_CACHE_TTL_MS: '600000', RECONCILE_INTERVAL_MS: '3600000' });
  const post = async (path: string, body: unknown) => (await ok(t.request('POST', path, { body }), 201)).id as string;
  centerId = await post('/v1/centers', {
    name: 'MET 拉萨众创空间',
    regionCode: '540102',
    kind: 'makerspace',
    pilot: false,
  });
  const founderId = await post('/v1/founders', founderBody('MET 次仁', 'wx-met-founder', centerId));
  projectId = await post(
    '/v1/projects',
    projectBody({ title: 'MET 牦牛酸奶网店', centerId, founderIds: [founderId], status: 'submitted' }),
  );
  for (const k of [1, 2]) await post('/v1/mentors', mentorBody(`MET 导师${k}`, `wx-met-${k}`));
  founderKey = await t.keyFor('founder', { subjectId: founderId });
  await t.service.queue.drained(120_000);
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe('/metrics on the API port', () => {
  it('needs an admin key: 401 without a key, 404 for other roles, 200 in Prometheus text format for admins', async () => {
    const anon = await t.request('GET', '/metrics', { key: null });
    expect(anon.status).toBe(401);
    expect(anon.text).not.toContain('scm_');
    const founder = await t.request('GET', '/metrics', { key: founderKey });
    expect(founder.status).toBe(404);
    expect(founder.text).not.toContain('scm_');
    const admin = await t.request('GET', '/metrics', { key: ADMIN_KEY });
    expect(admin.status).toBe(200);
    expect(admin.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    // the default process metrics
    expect(admin.text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(admin.text).toMatch(/^nodejs_heap_size_used_bytes /m);
  });

  it('counts a match call by journey: one computation (miss), then a cache hit; requests by route template, not raw path', async () => {
    const path = `/v1/projects/${projectId}/matches/mentors`;
    const first = await t.request('GET', path, { key: founderKey });
    expect(first.status, first.text).toBe(200);
    expect(first.headers.get('x-match-cache')).toBe('miss');
    const second = await t.request('GET', path, { key: founderKey });
    expect(second.headers.get('x-match-cache')).toBe('hit');
    expect((await t.request('GET', '/v1/no-such-route-8d1f', { key: ADMIN_KEY })).status).toBe(404);

    const text = await scrape();
    expect(value(text, 'scm_match_cache_requests_total{journey="project.mentors",result="miss"}')).toBe(1);
    expect(value(text, 'scm_match_cache_requests_total{journey="project.mentors",result="hit"}')).toBe(1);
    expect(value(text, 'scm_match_duration_seconds_count{journey="project.mentors"}')).toBe(1); // hits compute nothing
    expect(value(text, 'scm_match_duration_seconds_sum{journey="project.mentors"}')).toBeGreaterThan(0);
    expect(value(text, 'scm_match_duration_seconds_count{journey="investor.projects"}')).toBeUndefined();
    expect(
      value(
        text,
        'scm_http_request_duration_seconds_count{method="GET",route="/v1/projects/:id/matches/mentors",status="200"}',
      ),
    ).toBe(2);
    expect(
      value(text, 'scm_http_request_duration_seconds_count{method="POST",route="/v1/founders",status="201"}'),
    ).toBe(1);
    expect(value(text, 'scm_http_request_duration_seconds_count{method="GET",route="unmatched",status="404"}')).toBe(1);
    // bounded label values: no id, no unknown path
    expect(text).not.toContain(projectId);
    expect(text).not.toContain('no-such-route');
  });

  it('reads the embedding backlog, queue depth and assignment runs when scraped', async () => {
    expect(value(await scrape(), 'scm_embedding_backlog')).toBe(0);
    const marked = await markForReindex(t.db, t.service.embedder.id, true);
    expect(marked).toBeGreaterThan(0);
    expect(value(await scrape(), 'scm_embedding_backlog')).toBe(marked);
    await t.service.queue.drained(120_000);
    expect(value(await scrape(), 'scm_embedding_backlog')).toBe(0);

    const run = await ok(t.request('POST', `/v1/centers/${centerId}/assignment-runs`, { body: {} }), 202);
    for (let status = run.status; status !== 'done' && status !== 'failed'; ) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await ok(t.request('GET', `/v1/assignment-runs/${run.id}`))).status;
    }
    const text = await scrape();
    expect(value(text, 'scm_assignment_runs{status="done"}')).toBe(1);
    expect(value(text, 'scm_assignment_runs{status="failed"}')).toBe(0);
    expect(value(text, 'scm_assignment_runs{status="queued"}')).toBe(0);
    // inline or BullMQ, both queues report their states
    expect(text).toMatch(/^scm_queue_jobs\{queue="embed",state="active"\} 0$/m);
    expect(text).toMatch(/^scm_queue_jobs\{queue="assign",state="active"\} 0$/m);
  });

  it('keeps one registry per app: a second set of metrics in the same process starts from zero', async () => {
    const s = t.service;
    const other = createMetrics({
      database: s.database,
      queue: s.queue,
      assignmentQueue: s.assignmentQueue,
      logger: silentLogger,
    });
    const text = await other.registry.metrics();
    expect(text).toContain('# TYPE scm_http_request_duration_seconds histogram');
    expect(text).not.toMatch(/^scm_http_request_duration_seconds_count/m);
    expect(value(await scrape(), 'scm_match_cache_requests_total{journey="project.mentors",result="hit"}')).toBe(1);
  });
});
