// The role isolation matrix: every role (admin, center staff of the own / a foreign center, founder,
// mentor, investor, trainer, no key) × every endpoint × own / foreign / nonexistent resource → the
// expected status. Writes are probed with empty PATCHes (permission without change) and refused
// DELETEs, so the world stays the same; allowed deletes are covered in crud and personal-data
// tests. Every response is checked for leaks: an error body never echoes any record content, and
// a success body never contains what that role may not see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestResponse } from '../harness.ts';
import { M, PROVIDER_ONE, buildWorld, ok, type World } from './world.ts';
import { fingerprint } from '../resources/fixtures.ts';
import { trainerHandles } from '../../src/engagement/founder-handles.ts';

const ROLES = [
  'admin',
  'staffA',
  'staffB',
  'founderA1',
  'founderB1',
  'mentor1',
  'investor1',
  'trainer1',
  'regionAdmin',
  'anon',
] as const;
type Role = (typeof ROLES)[number];
type Expect = Record<Role, number>;

/** `base` for every authenticated role, 401 without a key, then the overrides. */
const exp = (base: number, over: Partial<Expect> = {}): Expect =>
  ({ ...Object.fromEntries(ROLES.map((r) => [r, base])), anon: 401, ...over }) as Expect;
/** Admin, the own center's staff and the founder are insiders of center A's founder fA1 and its projects. */
const centerA = (ok: number, over: Partial<Expect> = {}) => exp(404, { admin: ok, staffA: ok, founderA1: ok, ...over });
const centerB = (ok: number, over: Partial<Expect> = {}) => exp(404, { admin: ok, staffB: ok, founderB1: ok, ...over });

const NONE = '00000000-0000-7000-8000-000000000000';

interface Row {
  name: string;
  method: 'GET' | 'PATCH' | 'POST' | 'DELETE' | 'PUT';
  path: (w: World, x: Extra) => string;
  body?: (w: World, x: Extra) => unknown;
  expect: Expect;
  /** For lists: the ids each role must get (exactly). */
  items?: (w: World, x: Extra) => Partial<Record<Role, string[]>>;
}
interface Extra {
  intro: string;
  /** trainer1's pseudonymous handles of fA1, fA2, fB1 (its cohort matches identify nobody). */
  handles: string[];
}

const rows: Row[] = [
  // ── founders ──
  { name: 'founder (center A) by id', method: 'GET', path: (w) => `/v1/founders/${w.fA1}`, expect: centerA(200) },
  { name: 'founder (center B) by id', method: 'GET', path: (w) => `/v1/founders/${w.fB1}`, expect: centerB(200) },
  { name: 'founder nonexistent', method: 'GET', path: () => `/v1/founders/${NONE}`, expect: exp(404) },
  { name: 'founder malformed id', method: 'GET', path: () => '/v1/founders/1%27%20or%201=1', expect: exp(404) },
  {
    name: 'founder A: empty PATCH',
    method: 'PATCH',
    path: (w) => `/v1/founders/${w.fA1}`,
    body: () => ({}),
    expect: centerA(200),
  },
  {
    name: 'founder B: empty PATCH',
    method: 'PATCH',
    path: (w) => `/v1/founders/${w.fB1}`,
    body: () => ({}),
    expect: centerB(200),
  },
  {
    name: 'founder nonexistent: PATCH',
    method: 'PATCH',
    path: () => `/v1/founders/${NONE}`,
    body: () => ({}),
    expect: exp(404),
  },
  {
    name: 'founder B: DELETE by outsiders',
    method: 'DELETE',
    path: (w) => `/v1/founders/${w.fB1}`,
    expect: exp(404, { admin: 0, staffB: 0, founderB1: 0 }),
  },
  { name: 'founder nonexistent: DELETE', method: 'DELETE', path: () => `/v1/founders/${NONE}`, expect: exp(404) },
  {
    name: 'founder create (refused roles)',
    method: 'POST',
    path: () => '/v1/founders',
    body: (w) => ({ name: 'x', groups: ['graduate'], regionCode: '540102', languages: ['zh'], centerId: w.cA }),
    expect: exp(403, { admin: 0, staffA: 0, staffB: 403 }),
  },
  {
    name: 'founders list',
    method: 'GET',
    path: () => '/v1/founders?limit=200',
    expect: exp(200),
    items: (w) => ({
      admin: [w.fA1, w.fA2, w.fB1],
      staffA: [w.fA1, w.fA2],
      staffB: [w.fB1],
      founderA1: [w.fA1, w.fA2],
      founderB1: [w.fB1],
      mentor1: [],
      investor1: [],
      trainer1: [],
      regionAdmin: [],
    }),
  },
  {
    name: 'founders list filtered by the other center',
    method: 'GET',
    path: (w) => `/v1/founders?limit=200&centerId=${w.cA}`,
    expect: exp(200),
    items: (w) => ({
      admin: [w.fA1, w.fA2],
      staffA: [w.fA1, w.fA2],
      staffB: [],
      founderA1: [w.fA1, w.fA2],
      founderB1: [],
      mentor1: [],
      investor1: [],
      trainer1: [],
      regionAdmin: [],
    }),
  },
  { name: 'founder export A', method: 'GET', path: (w) => `/v1/founders/${w.fA1}/export`, expect: centerA(200) },
  { name: 'founder export B', method: 'GET', path: (w) => `/v1/founders/${w.fB1}/export`, expect: centerB(200) },
  { name: 'founder export nonexistent', method: 'GET', path: () => `/v1/founders/${NONE}/export`, expect: exp(404) },

  // ── projects ── (pAv vetted A, pAs submitted A, pBv vetted B, pBd draft B; mentor1 introduced to pAv)
  {
    name: 'project A vetted',
    method: 'GET',
    path: (w) => `/v1/projects/${w.pAv}`,
    expect: centerA(200, { mentor1: 200, investor1: 200 }),
  },
  { name: 'project A submitted', method: 'GET', path: (w) => `/v1/projects/${w.pAs}`, expect: centerA(200) },
  {
    name: 'project B vetted',
    method: 'GET',
    path: (w) => `/v1/projects/${w.pBv}`,
    expect: centerB(200, { investor1: 200 }),
  },
  { name: 'project B draft', method: 'GET', path: (w) => `/v1/projects/${w.pBd}`, expect: centerB(200) },
  { name: 'project nonexistent', method: 'GET', path: () => `/v1/projects/${NONE}`, expect: exp(404) },
  {
    name: 'project A vetted: empty PATCH',
    method: 'PATCH',
    path: (w) => `/v1/projects/${w.pAv}`,
    body: () => ({}),
    expect: centerA(200, { mentor1: 403, investor1: 403 }),
  },
  {
    name: 'project B draft: empty PATCH',
    method: 'PATCH',
    path: (w) => `/v1/projects/${w.pBd}`,
    body: () => ({}),
    expect: centerB(200),
  },
  {
    name: 'project A vetted: DELETE by readers',
    method: 'DELETE',
    path: (w) => `/v1/projects/${w.pAv}`,
    expect: exp(404, { admin: 0, staffA: 0, founderA1: 0, mentor1: 403, investor1: 403 }),
  },
  { name: 'project nonexistent: DELETE', method: 'DELETE', path: () => `/v1/projects/${NONE}`, expect: exp(404) },
  {
    name: 'projects list',
    method: 'GET',
    path: () => '/v1/projects?limit=200',
    expect: exp(200),
    items: (w) => ({
      admin: [w.pAv, w.pAs, w.pBv, w.pBd],
      staffA: [w.pAv, w.pAs],
      staffB: [w.pBv, w.pBd],
      founderA1: [w.pAv, w.pAs],
      founderB1: [w.pBv, w.pBd],
      mentor1: [w.pAv],
      investor1: [w.pAv, w.pBv],
      trainer1: [],
      regionAdmin: [],
    }),
  },
  {
    name: 'projects list ?status=submitted',
    method: 'GET',
    path: () => '/v1/projects?limit=200&status=submitted',
    expect: exp(200),
    items: (w) => ({
      admin: [w.pAs],
      staffA: [w.pAs],
      staffB: [],
      founderA1: [w.pAs],
      founderB1: [],
      mentor1: [],
      investor1: [],
      trainer1: [],
      regionAdmin: [],
    }),
  },
  {
    name: 'projects list ?founderId=fA1',
    method: 'GET',
    path: (w) => `/v1/projects?limit=200&founderId=${w.fA1}`,
    expect: exp(200),
    items: (w) => ({
      admin: [w.pAv, w.pAs],
      staffA: [w.pAv, w.pAs],
      staffB: [],
      founderA1: [w.pAv, w.pAs],
      founderB1: [],
      mentor1: [w.pAv],
      investor1: [w.pAv],
      trainer1: [],
      regionAdmin: [],
    }),
  },
  {
    name: 'projects list ?q=title of a submitted project',
    method: 'GET',
    path: () => `/v1/projects?limit=200&q=${encodeURIComponent('藏文输入法')}`,
    expect: exp(200),
    items: (w) => ({
      admin: [w.pAs],
      staffA: [w.pAs],
      staffB: [],
      founderA1: [w.pAs],
      founderB1: [],
      mentor1: [],
      investor1: [],
      trainer1: [],
      regionAdmin: [],
    }),
  },

  // ── the directory and reference data ──
  ...(['mentors', 'investors', 'trainings', 'services', 'centers'] as const).flatMap((r): Row[] => [
    {
      name: `${r} list`,
      method: 'GET',
      path: () => `/v1/${r}`,
      expect: exp(200),
      // A region_admin reads figures, never the directory of people (mentors, investors).
      items: (r === 'mentors' || r === 'investors' ? () => ({ regionAdmin: [] }) : undefined) as Row['items'],
    },
    { name: `${r} nonexistent`, method: 'GET', path: () => `/v1/${r}/${NONE}`, expect: exp(404) },
    {
      name: `${r} nonexistent: PATCH`,
      method: 'PATCH',
      path: () => `/v1/${r}/${NONE}`,
      body: () => ({}),
      expect: exp(404),
    },
    { name: `${r} nonexistent: DELETE`, method: 'DELETE', path: () => `/v1/${r}/${NONE}`, expect: exp(404) },
  ]),
  { name: 'mentor m1', method: 'GET', path: (w) => `/v1/mentors/${w.m1}`, expect: exp(200, { regionAdmin: 404 }) },
  { name: 'investor i1', method: 'GET', path: (w) => `/v1/investors/${w.i1}`, expect: exp(200, { regionAdmin: 404 }) },
  {
    name: 'mentor m1: empty PATCH',
    method: 'PATCH',
    path: (w) => `/v1/mentors/${w.m1}`,
    body: () => ({}),
    expect: exp(403, { admin: 200, mentor1: 200, regionAdmin: 404 }),
  },
  {
    name: 'mentor m2: empty PATCH',
    method: 'PATCH',
    path: (w) => `/v1/mentors/${w.m2}`,
    body: () => ({}),
    expect: exp(403, { admin: 200, regionAdmin: 404 }),
  },
  {
    name: 'mentor m2: DELETE',
    method: 'DELETE',
    path: (w) => `/v1/mentors/${w.m2}`,
    expect: exp(403, { admin: 0, regionAdmin: 404 }),
  },
  {
    name: 'mentor m1 capacity',
    method: 'GET',
    path: (w) => `/v1/mentors/${w.m1}/capacity`,
    expect: exp(200, { regionAdmin: 404 }),
  },
  {
    name: 'investor i1: empty PATCH',
    method: 'PATCH',
    path: (w) => `/v1/investors/${w.i1}`,
    body: () => ({}),
    expect: exp(403, { admin: 200, investor1: 200, regionAdmin: 404 }),
  },
  {
    name: 'investor i2: empty PATCH',
    method: 'PATCH',
    path: (w) => `/v1/investors/${w.i2}`,
    body: () => ({}),
    expect: exp(403, { admin: 200, regionAdmin: 404 }),
  },
  {
    name: "training t1 (trainer1's): empty PATCH",
    method: 'PATCH',
    path: (w) => `/v1/trainings/${w.t1}`,
    body: () => ({}),
    expect: exp(403, { admin: 200, trainer1: 200 }),
  },
  {
    name: 'training t2 (other provider): empty PATCH',
    method: 'PATCH',
    path: (w) => `/v1/trainings/${w.t2}`,
    body: () => ({}),
    expect: exp(403, { admin: 200 }),
  },
  {
    name: 'training t2: DELETE',
    method: 'DELETE',
    path: (w) => `/v1/trainings/${w.t2}`,
    expect: exp(403, { admin: 0 }),
  },
  {
    name: 'service s1 (center A): empty PATCH',
    method: 'PATCH',
    path: (w) => `/v1/services/${w.s1}`,
    body: () => ({}),
    expect: exp(403, { admin: 200, staffA: 200 }),
  },
  {
    name: 'center A: empty PATCH',
    method: 'PATCH',
    path: (w) => `/v1/centers/${w.cA}`,
    body: () => ({}),
    expect: exp(403, { admin: 200, staffA: 200 }),
  },
  { name: 'center B: DELETE', method: 'DELETE', path: (w) => `/v1/centers/${w.cB}`, expect: exp(403, { admin: 0 }) },

  // ── matching ──
  ...(['mentors', 'investors', 'trainings', 'services'] as const).flatMap((k): Row[] => [
    {
      name: `project A matches/${k}`,
      method: 'GET',
      path: (w) => `/v1/projects/${w.pAv}/matches/${k}`,
      expect: centerA(200),
    },
    {
      name: `project B matches/${k}`,
      method: 'GET',
      path: (w) => `/v1/projects/${w.pBd}/matches/${k}`,
      expect: centerB(200),
    },
    {
      name: `nonexistent project matches/${k}`,
      method: 'GET',
      path: () => `/v1/projects/${NONE}/matches/${k}`,
      expect: exp(404),
    },
  ]),
  {
    name: 'investor i1 matches/projects',
    method: 'GET',
    path: (w) => `/v1/investors/${w.i1}/matches/projects`,
    expect: exp(404, { admin: 200, investor1: 200 }),
    items: (w) => ({ investor1: [w.pAv, w.pBv], admin: [w.pAv, w.pBv] }),
  },
  {
    name: 'investor i2 matches/projects',
    method: 'GET',
    path: (w) => `/v1/investors/${w.i2}/matches/projects`,
    expect: exp(404, { admin: 200 }),
  },
  {
    name: 'training t1 matches/founders',
    method: 'GET',
    path: (w) => `/v1/trainings/${w.t1}/matches/founders`,
    expect: exp(404, { admin: 200, staffA: 200, staffB: 200, trainer1: 200 }),
    items: (w, x) => ({ admin: [w.fA1, w.fA2, w.fB1], staffA: [w.fA1, w.fA2], staffB: [w.fB1], trainer1: x.handles }),
  },
  {
    name: 'training t2 matches/founders',
    method: 'GET',
    path: (w) => `/v1/trainings/${w.t2}/matches/founders`,
    expect: exp(404, { admin: 200, staffA: 200, staffB: 200 }),
  },
  {
    name: 'center A weights',
    method: 'GET',
    path: (w) => `/v1/centers/${w.cA}/matching-weights`,
    expect: exp(404, { admin: 200, staffA: 200 }),
  },
  {
    name: 'center B weights preview',
    method: 'POST',
    path: (w) => `/v1/centers/${w.cB}/matching-weights/preview`,
    body: () => ({ recipe: 'project.mentors', weights: { 'project.mentors': { topics: 1 } } }),
    expect: exp(404, { admin: 200, staffB: 200 }),
  },

  // ── introductions (x.intro: pAv → m1, requested) ──
  {
    name: 'introduction by id',
    method: 'GET',
    path: (_w, x) => `/v1/introductions/${x.intro}`,
    expect: centerA(200, { mentor1: 200 }),
  },
  { name: 'introduction nonexistent', method: 'GET', path: () => `/v1/introductions/${NONE}`, expect: exp(404) },
  {
    name: 'introductions list',
    method: 'GET',
    path: () => '/v1/introductions',
    expect: exp(200),
    items: (_w, x) => ({
      admin: [x.intro],
      staffA: [x.intro],
      staffB: [],
      founderA1: [x.intro],
      founderB1: [],
      mentor1: [x.intro],
      investor1: [],
      trainer1: [],
      regionAdmin: [],
    }),
  },
  {
    name: 'introduction accept by non-targets',
    method: 'POST',
    path: (_w, x) => `/v1/introductions/${x.intro}/accept`,
    expect: centerA(403, { admin: 0, mentor1: 0 }),
  },
  {
    // The project's center and admins may close a request nobody answered (covered in test/console/center-introductions).
    name: 'introduction end before acceptance',
    method: 'POST',
    path: (_w, x) => `/v1/introductions/${x.intro}/end`,
    expect: centerA(409, { admin: 0, staffA: 0, mentor1: 409 }),
  },
  {
    name: 'introduction nudge',
    method: 'POST',
    path: (_w, x) => `/v1/introductions/${x.intro}/nudge`,
    expect: centerA(403, { admin: 0, staffA: 0, mentor1: 403 }),
  },
  {
    name: 'introduction contacts before acceptance',
    method: 'GET',
    path: (_w, x) => `/v1/introductions/${x.intro}/contacts`,
    expect: centerA(409, { mentor1: 409 }),
  },
  {
    name: 'introduction request for project B',
    method: 'POST',
    path: () => '/v1/introductions',
    body: (w) => ({ projectId: w.pBv, targetKind: 'mentor', targetId: w.m2 }),
    // An investor reads the vetted pBv and may ask for itself only: naming a mentor is 403.
    expect: exp(404, { admin: 0, staffB: 0, founderB1: 0, investor1: 403 }),
  },

  // ── enrolments ──
  {
    name: 'training t1 enrolments',
    method: 'GET',
    path: (w) => `/v1/trainings/${w.t1}/enrollments`,
    expect: exp(404, { admin: 200, staffA: 200, staffB: 200, founderA1: 200, founderB1: 200, trainer1: 200 }),
  },
  {
    name: 'training nonexistent enrolments',
    method: 'GET',
    path: () => `/v1/trainings/${NONE}/enrollments`,
    expect: exp(404),
  },
  {
    name: 'enrol a foreign founder',
    method: 'POST',
    path: (w) => `/v1/trainings/${w.t2}/enrollments`,
    body: (w) => ({ founderId: w.fB1 }),
    expect: exp(403, { admin: 0, staffA: 422, staffB: 0, founderB1: 0 }),
  },

  // ── admin, audit ──
  { name: 'status', method: 'GET', path: () => '/v1/status', expect: exp(404, { admin: 200 }) },
  {
    name: 'reindex',
    method: 'POST',
    path: () => '/v1/admin/reindex',
    body: () => ({}),
    expect: exp(404, { admin: 202 }),
  },
  { name: 'api keys list', method: 'GET', path: () => '/v1/api-keys', expect: exp(404, { admin: 200 }) },
  {
    name: 'api key create',
    method: 'POST',
    path: () => '/v1/api-keys',
    body: () => ({ role: 'admin', label: 'escalate' }),
    expect: exp(404, { admin: 0 }),
  },
  { name: 'api key revoke nonexistent', method: 'DELETE', path: () => `/v1/api-keys/${NONE}`, expect: exp(404) },
  { name: 'audit', method: 'GET', path: () => '/v1/audit', expect: exp(404, { admin: 200, staffA: 200, staffB: 200 }) },
  // ── admission, incubation, assignment (a region_admin reads none of it) ──
  {
    name: 'applications list',
    method: 'GET',
    path: () => '/v1/applications',
    expect: exp(200),
    items: () => ({ admin: [], staffA: [], founderA1: [], regionAdmin: [] }),
  },
  { name: 'application nonexistent', method: 'GET', path: () => `/v1/applications/${NONE}`, expect: exp(404) },
  {
    name: 'center A admission form',
    method: 'GET',
    path: (w) => `/v1/centers/${w.cA}/admission-form`,
    expect: exp(404, { admin: 200, staffA: 200, founderA1: 200, founderB1: 200 }),
  },
  {
    name: 'center A assignment runs',
    method: 'GET',
    path: (w) => `/v1/centers/${w.cA}/assignment-runs`,
    expect: exp(404, { admin: 200, staffA: 200 }),
  },
  { name: 'assignment run nonexistent', method: 'GET', path: () => `/v1/assignment-runs/${NONE}`, expect: exp(404) },
  {
    name: 'project A incubations',
    method: 'GET',
    path: (w) => `/v1/projects/${w.pAv}/incubations`,
    expect: centerA(200, { investor1: 200, mentor1: 200 }),
  },
  { name: 'project A outcomes', method: 'GET', path: (w) => `/v1/projects/${w.pAv}/outcomes`, expect: centerA(200) },
  // ── invitations, accounts ──
  {
    name: 'project invitations list',
    method: 'GET',
    path: () => '/v1/project-invitations',
    expect: exp(200),
    items: () => ({ regionAdmin: [] }),
  },
  {
    name: 'training invitations list',
    method: 'GET',
    path: () => '/v1/training-invitations',
    expect: exp(200),
    items: () => ({ regionAdmin: [] }),
  },
  {
    name: 'accounts list',
    method: 'GET',
    path: () => '/v1/accounts',
    expect: exp(403, { admin: 200, staffA: 200, staffB: 200 }),
  },
  { name: 'account nonexistent', method: 'GET', path: () => `/v1/accounts/${NONE}`, expect: exp(404) },
  // ── spreadsheets: exports hold what the caller reads (a region_admin: no person) ──
  ...(['founders', 'projects', 'mentors', 'investors'] as const).map(
    (r): Row => ({ name: `export ${r}.csv`, method: 'GET', path: () => `/v1/exports/${r}.csv`, expect: exp(200) }),
  ),
  { name: 'import nonexistent', method: 'GET', path: () => `/v1/imports/${NONE}`, expect: exp(404) },
  // ── statistics: targets and the centers' status history ──
  {
    name: 'targets of a Lhasa county',
    method: 'GET',
    path: () => '/v1/regions/540102/targets',
    expect: exp(404, { admin: 200, regionAdmin: 200 }),
  },
  {
    name: 'targets of a Shigatse county',
    method: 'GET',
    path: () => '/v1/regions/540202/targets',
    expect: exp(404, { admin: 200 }),
  },
  {
    name: 'target PUT',
    method: 'PUT',
    path: () => '/v1/regions/540102/targets/2026',
    body: () => ({ potentialFounders: 40 }),
    expect: exp(404, { admin: 200 }),
  },
  {
    name: 'center A status history',
    method: 'GET',
    path: (w) => `/v1/centers/${w.cA}/status-history`,
    expect: exp(200),
  },
  {
    name: 'center nonexistent status history',
    method: 'GET',
    path: () => `/v1/centers/${NONE}/status-history`,
    expect: exp(404),
  },
  { name: 'labels (public)', method: 'GET', path: () => '/v1/labels', expect: exp(200, { anon: 200 }) },
  { name: 'region by code (public)', method: 'GET', path: () => '/v1/regions/540102', expect: exp(200, { anon: 200 }) },
  // ── public ──
  { name: 'regions (public)', method: 'GET', path: () => '/v1/regions', expect: exp(200, { anon: 200 }) },
  { name: 'health (public)', method: 'GET', path: () => '/health', expect: exp(200, { anon: 200 }) },
];

/** Markers each role may never receive in a successful response (error bodies may contain none at all). */
function forbiddenFor(role: Role): string[] {
  const founderA = [M.fA1Name, M.fA2Name, M.fA1Contact, M.fA2Contact];
  const founderB = [M.fB1Name, M.fB1Contact];
  const projA = [M.pAvTitle, M.pAsTitle, M.pAvConf, M.pAsConf];
  const projB = [M.pBvTitle, M.pBdTitle, M.pBvConf, M.pBdConf];
  const conf = [M.pAvConf, M.pAsConf, M.pBvConf, M.pBdConf];
  const contacts = [M.fA1Contact, M.fA2Contact, M.fB1Contact];
  const directory = [M.m1Contact, M.m2Contact, M.i1Contact, M.i2Contact];
  switch (role) {
    case 'admin':
      return [];
    case 'staffA':
      return [...founderB, ...projB];
    case 'staffB':
      return [...founderA, ...projA];
    case 'founderA1':
      return [...founderB, ...projB, M.fA2Contact, ...directory];
    case 'founderB1':
      return [...founderA, ...projA, ...directory];
    case 'mentor1':
      return [
        M.fA1Name,
        M.fA2Name,
        M.fB1Name,
        ...contacts,
        ...conf,
        M.pAsTitle,
        M.pBvTitle,
        M.pBdTitle,
        M.m2Contact,
        M.i1Contact,
        M.i2Contact,
      ];
    case 'investor1':
      return [
        M.fA1Name,
        M.fA2Name,
        M.fB1Name,
        ...contacts,
        ...conf,
        M.pAsTitle,
        M.pBdTitle,
        M.m1Contact,
        M.m2Contact,
        M.i2Contact,
      ];
    case 'trainer1':
      return [
        M.fA1Name,
        M.fA2Name,
        M.fB1Name,
        ...contacts,
        ...conf,
        M.pAvTitle,
        M.pAsTitle,
        M.pBvTitle,
        M.pBdTitle,
        ...directory,
      ];
    case 'regionAdmin':
    // A region_admin reads figures only: no name, title, contact or confidential block of anybody.
    case 'anon':
      return Object.values(M);
  }
}

let t: TestApp;
let w: World;
let x: Extra;
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  const handles = await trainerHandles(t.db, PROVIDER_ONE);
  x = {
    intro: (
      await ok(
        t.request('POST', '/v1/introductions', {
          key: w.keys.founderA1,
          body: { projectId: w.pAv, targetKind: 'mentor', targetId: w.m1 },
        }),
        201,
      )
    ).id,
    handles: [w.fA1, w.fA2, w.fB1].map((id) => handles.handle(id)),
  };
});
afterAll(async () => {
  await t?.close();
});

const keyOf = (role: Role) => (role === 'anon' ? null : w.keys[role]);

describe('role isolation matrix', () => {
  it(`${rows.length} endpoints × ${ROLES.length} roles: statuses, exact list scopes, no leaks, nothing changed`, async () => {
    const before = await fingerprint(t);
    const failures: string[] = [];
    let checked = 0;
    for (const row of rows) {
      for (const role of ROLES) {
        const want = row.expect[role];
        if (want === 0) continue; // allowed and destructive: covered elsewhere
        const path = row.path(w, x);
        const res: TestResponse = await t.request(row.method, path, {
          key: keyOf(role),
          ...(row.body ? { body: row.body(w, x) } : {}),
        });
        checked++;
        const where = `${role} ${row.method} ${row.name}`;
        if (res.status !== want) {
          failures.push(`${where}: expected ${want}, got ${res.status} ${res.text.slice(0, 200)}`);
          continue;
        }
        if (res.status >= 400) {
          if (!/^application\/problem\+json/.test(res.headers.get('content-type') ?? ''))
            failures.push(`${where}: error is not problem+json`);
          for (const m of Object.values(M))
            if (res.text.includes(m)) failures.push(`${where}: error body leaks "${m}"`);
        } else {
          for (const m of forbiddenFor(role)) if (res.text.includes(m)) failures.push(`${where}: leaks "${m}"`);
          const items = row.items?.(w, x)[role];
          if (items) {
            const got = (res.body.items as any[]).map((i) => i.id).sort();
            if (JSON.stringify(got) !== JSON.stringify([...items].sort()))
              failures.push(`${where}: items ${JSON.stringify(got)} ≠ ${JSON.stringify([...items].sort())}`);
          }
        }
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
    expect(checked).toBeGreaterThan(400);
    // Refused writes and empty PATCHes changed nothing but timestamps and the audit log (exports, reveals).
    const after = await fingerprint(t);
    for (const table of [
      'founders',
      'projects',
      'mentors',
      'investors',
      'trainings',
      'services',
      'centers',
      'api_keys',
      'introductions',
      'enrollments',
    ]) {
      if (table in before) expect(after[table]?.split(':')[0], `${table} row count`).toBe(before[table].split(':')[0]);
    }
  });
});
