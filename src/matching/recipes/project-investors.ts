import { eq, sql } from 'drizzle-orm';
import { investorsTable } from '../../../models/schema.ts';
import { lexical, sectorFit, semantic, stageFit } from '../features.ts';
import { listAllows, listCovers, regionListCovers, rule } from '../rules.ts';
import { bi } from '../text.ts';
import type { Feature, Profile, ProjectSource, Recipe, Rule } from '../types.ts';
import { introducedTo } from './project-mentors.ts';

const i = investorsTable;

/** Rules shared by both directions (project→investors and investor→projects), over a project and an investor row. */
export function investorRules<S>(project: (s: S) => Record<string, any>): Rule<S>[] {
  return [
    rule('vetted', '项目已通过审核', 'Project is vetted', (s) => (project(s).status === 'vetted' ? null : sql`false`), (s) => project(s).status === 'vetted'),
    rule('sector', '项目产业在投资方向内', 'Sector within the investor\'s focus', (s) => listAllows(i.sectors, project(s).sector, 'sector'),
      (s, c) => c.row.sectors.length === 0 || c.row.sectors.includes(project(s).sector)),
    rule('stage', '项目阶段在投资阶段内', 'Stage within the investor\'s stages', (s) => listAllows(i.stages, project(s).stage, 'stage'),
      (s, c) => c.row.stages.length === 0 || c.row.stages.includes(project(s).stage)),
    rule('ticket', '资金需求在投资额度内', 'Funding need within the ticket range',
      (s) => (project(s).fundingNeedCny == null ? null : sql`${i.ticketMinCny} <= ${project(s).fundingNeedCny} and ${i.ticketMaxCny} >= ${project(s).fundingNeedCny}`),
      (s, c) => project(s).fundingNeedCny == null || (c.row.ticketMinCny <= project(s).fundingNeedCny && project(s).fundingNeedCny <= c.row.ticketMaxCny)),
    rule('region', '项目所在地在投资地域内', 'Project region covered by the investor', (s) => regionListCovers(i.regionCodes, project(s).regionCode),
      (s, c) => listCovers(c.row.regionCodes, project(s).regionCode)),
  ];
}

/** How well the need sits inside the ticket range (1 inside, lower towards the edges of a wide range). */
export const ticketFit = (need: (s: Profile, c: Profile) => number | null, range: (s: Profile, c: Profile) => [number, number]): Feature<Profile> => ({
  id: 'ticket',
  compute(s, c) {
    const n = need(s, c);
    if (n == null) return null;
    const [lo, hi] = range(s, c);
    const inside = n >= lo && n <= hi;
    return {
      value: inside ? 1 : 0,
      detail: bi(`资金需求 ${n.toLocaleString('zh-CN')} 元，投资额度 ${lo.toLocaleString('zh-CN')}–${hi.toLocaleString('zh-CN')} 元`, `Needs CNY ${n.toLocaleString('en')}, ticket CNY ${lo.toLocaleString('en')}–${hi.toLocaleString('en')}`),
    };
  },
});

/** A region-specific investor fits a local project better than a region-wide one. */
export const regionFocus = (codes: (s: Profile, c: Profile) => string[]): Feature<Profile> => ({
  id: 'region',
  compute(s, c) {
    const list = codes(s, c);
    if (!list.length || list.includes('540000')) return { value: 0.5, detail: bi('投资地域：全区', 'Invests region-wide') };
    return { value: 1, detail: bi('投资地域聚焦项目所在地', 'Invests specifically where the project is') };
  },
});

export const projectInvestors: Recipe<ProjectSource> = {
  id: 'project.investors',
  candidateKind: 'investor',
  candidateTable: i,
  rules: [
    rule('active', '投资方在投', 'Investor is active', () => eq(i.active, true), (_s, c) => c.row.active),
    ...investorRules<ProjectSource>((s) => s.row),
    rule('not_introduced', '未曾对接或被拒', 'Not already introduced or declined', (s) => introducedTo(s.row.id, i.id), (s, c) => !s.introduced.has(c.row.id)),
  ],
  features: [
    semantic,
    lexical,
    sectorFit((s) => s.sectors, (c) => c.row.sectors, 0.5),
    stageFit((s) => s.row.stage, (c) => c.row.stages),
    ticketFit((s) => s.row.fundingNeedCny ?? null, (_s, c) => [c.row.ticketMinCny, c.row.ticketMaxCny]),
    regionFocus((_s, c) => c.row.regionCodes),
  ],
  defaultWeights: { semantic: 0.4, lexical: 0.1, sector: 0.15, stage: 0.15, ticket: 0.1, region: 0.1 },
  summary: (r) => ({
    name: r.name, kind: r.kind, thesis: r.thesis, sectors: r.sectors, stages: r.stages,
    ticketMinCny: r.ticketMinCny, ticketMaxCny: r.ticketMaxCny, regionCodes: r.regionCodes,
  }),
};

