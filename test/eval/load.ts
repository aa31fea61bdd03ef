// Loads the evaluation set into a running service through its public API (admin key), in a fixed order,
// and returns the server ids by key. Training dates are set relative to today (Asia/Shanghai) so the
// set never expires.
import type { Service } from '../../src/bootstrap.ts';
import { todayInShanghai } from '../../src/matching/rules.ts';
import type {
  EvalCenter,
  EvalFounder,
  EvalInvestor,
  EvalMentor,
  EvalProject,
  EvalService,
  EvalTraining,
} from './data/types.ts';
import { centers, founders, investors, mentors, projects, services, trainings } from './eligibility.ts';

export interface ApiResponse {
  status: number;
  body: any;
}
export type Api = (method: string, path: string, body?: unknown) => Promise<ApiResponse>;

/** Requests through the app in process, as the given bearer key. */
export function apiClient(service: Service, key: string): Api {
  return async (method, path, body) => {
    const headers: Record<string, string> = { authorization: `Bearer ${key}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await service.app.request(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}

export interface LoadedSet {
  /** key → server id, for every record of the set. */
  ids: Map<string, string>;
  /** server id → key. */
  keys: Map<string, string>;
}

const addDays = (isoDate: string, days: number) => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The records of one judged set. */
export interface EvalRecords {
  centers: EvalCenter[];
  founders: EvalFounder[];
  projects: EvalProject[];
  mentors: EvalMentor[];
  investors: EvalInvestor[];
  trainings: EvalTraining[];
  services: EvalService[];
}

const evalSet: EvalRecords = { centers, founders, investors, mentors, projects, services, trainings };

export async function loadSet(
  api: Api,
  today = todayInShanghai(),
  records: EvalRecords = evalSet,
  prefix = 'eval',
): Promise<LoadedSet> {
  const { centers, founders, investors, mentors, projects, services, trainings } = records;
  const ids = new Map<string, string>();
  const create = async (resource: string, key: string, body: Record<string, unknown>) => {
    const res = await api('POST', `/v1/${resource}`, { externalId: `${prefix}-${key}`, ...body });
    if (res.status !== 201) throw new Error(`creating ${resource} ${key}: ${res.status} ${JSON.stringify(res.body)}`);
    ids.set(key, res.body.id);
  };
  const ref = (key: string | undefined) => {
    if (key === undefined) return undefined;
    const id = ids.get(key);
    if (!id) throw new Error(`unknown reference ${key}`);
    return id;
  };

  for (const { key, ...c } of centers) await create('centers', key, { ...c, pilot: false });
  for (const { key, center, ...f } of founders) await create('founders', key, { ...f, centerId: ref(center) });
  for (const { key, center, founders: fs, ...p } of projects) {
    await create('projects', key, { ...p, centerId: ref(center), founderIds: fs.map((k) => ref(k)) });
  }
  for (const { key, ...m } of mentors) await create('mentors', key, { ...m, active: true });
  for (const { key, ...i } of investors) await create('investors', key, { ...i, active: true });
  for (const { key, startsInDays, days, ...t } of trainings) {
    const startsOn = addDays(today, startsInDays);
    await create('trainings', key, { ...t, startsOn, endsOn: addDays(startsOn, days - 1) });
  }
  for (const { key, center, ...s } of services) await create('services', key, { ...s, centerId: ref(center) });
  return { ids, keys: new Map([...ids].map(([k, id]) => [id, k])) };
}
