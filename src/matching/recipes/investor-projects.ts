import { sql } from 'drizzle-orm';
import { projectsTable } from '../../../models/schema.ts';
import { lexical, semantic, stageFit } from '../features.ts';
import {
  type FunderPair,
  fundsUse,
  sectorFocus,
  thesisFocus,
  thesisNamesGroups,
  thesisNotes,
  thesisRules,
} from '../thesis/index.ts';
import { TRUE, arr, coveringCodes, flag, keyedRule, notArchived, rangeRule, rule } from '../rules.ts';
import { regionPrefix } from '../../../models/regions/codes.ts';
import { labelled, say } from '../text.ts';
import type { Feature, Profile, Recipe } from '../types.ts';
import { fundingFit, regionFocus, ticketFit } from './project-investors.ts';
import { isReviewed, reviewedSql } from '../../lifecycle/reviewed.ts';

const p = projectsTable;
/** A feature written for (project, investor) applied to (investor, project). */
const swap = (f: Feature<Profile>): Feature<Profile> => ({ id: f.id, compute: (s, c) => f.compute(c, s) });

/** The policy's priority groups (graduates first) among the project's founders. */
export const priorityGroup = (groupsOf: (c: Profile) => string[]): Feature<Profile> => ({
  id: 'priority',
  compute(_s, c) {
    const groups = groupsOf(c);
    if (groups.includes('graduate'))
      return {
        value: 1,
        detail: () =>
          say(
            '高校毕业生创业（政策优先）',
            'Graduate founders (policy priority)',
            'མཐོ་རིམ་སློབ་གྲྭ་ནས་ཐོན་པའི་སློབ་མས་ལས་གཞི་གསར་འཛུགས་བྱེད་པ (སྲིད་ཇུས་ཀྱི་སྔོན་འགོག)',
          ),
      };
    const other = groups.filter((g) =>
      ['student', 'veteran', 'farmer_herder', 'ich_inheritor', 'researcher', 'high_level_talent'].includes(g),
    );
    if (other.length) {
      return {
        value: 0.6,
        detail: () =>
          labelled(
            'founderGroup',
            other,
            (l) => `重点群体：${l}`,
            (l) => `Priority group: ${l}`,
            (l) => `གཙོ་གནད་ཚོགས་པ: ${l}`,
          ),
      };
    }
    return { value: 0.2, detail: () => say('非重点群体', 'Not a priority group', 'གཙོ་གནད་ཚོགས་པ་མ་ཡིན་པ') };
  },
});

/** The investor is the source, the project the candidate (its founders' groups: a computed column). */
const INVESTOR_SOURCE: FunderPair = {
  project: (_s, c) => c,
  investor: (s) => s,
  founderGroups: (_s, c) => c.row.founderGroups ?? [],
};

/**
 * An investor browsing reviewed projects (vetted, incubating, graduated; never exited): the project↔investor rules seen from the investor's side
 * (the candidate project is checked against the source investor).
 */
export const investorProjects: Recipe<Profile> = {
  id: 'investor.projects',
  source: 'investor',
  target: 'projects',
  api: { summary: 'Vetted projects that fit an investor' },
  candidateKind: 'project',
  declared: { topics: 'needs', sectors: 'sector' },
  candidateTable: p,
  // The founders' groups, kept in the project row by triggers (hidden from the API, so named here).
  computed: { founderGroups: sql<string[]>`${p.founderGroups}` },
  rules: [
    rule(
      'active',
      '投资方在投',
      'Investor is active',
      'མ་འཇོག་པ་མ་འཇོག་བྱེད་བཞིན་པ',
      (s) => (s.row.active ? null : sql`false`),
      (s) => s.row.active,
    ),
    notArchived(p.archivedAt),
    keyedRule(
      'vetted',
      '项目已通过审核（或已入驻、已毕业）',
      'Project is reviewed (vetted, incubating or graduated)',
      'རྣམ་གྲངས་ཞིབ་བཤེར་བྱས་ཏེ་ཆོག་མཆན་ཐོབ་ཟིན་པ',
      // Written like the predicate of projects_reviewed_sector_idx.
      () => reviewedSql(p.status),
      {
        of: (r) => flag(isReviewed(r.status)),
        values: () => TRUE,
      },
    ),
    keyedRule(
      'sector',
      '项目产业在投资方向内',
      "Sector within the investor's focus",
      'རྣམ་གྲངས་ཀྱི་ཐོན་ལས་མ་འཇོག་པའི་ཁ་ཕྱོགས་ཁྲོད་ཡོད་པ',
      (s) => (s.row.sectors.length ? sql`${p.sector} = any(${arr(s.row.sectors, 'sector')})` : null),
      { of: (r) => [r.sector], values: (s) => (s.row.sectors.length ? s.row.sectors : null) },
    ),
    keyedRule(
      'stage',
      '项目阶段在投资阶段内',
      "Stage within the investor's stages",
      'རྣམ་གྲངས་ཀྱི་བར་སྐབས་མ་འཇོག་པའི་བར་སྐབས་ཁྲོད་ཡོད་པ',
      (s) => (s.row.stages.length ? sql`${p.stage} = any(${arr(s.row.stages, 'stage')})` : null),
      { of: (r) => [r.stage], values: (s) => (s.row.stages.length ? s.row.stages : null) },
    ),
    rangeRule(
      'ticket',
      '资金需求在投资额度内',
      'Funding need within the ticket range',
      'མ་དངུལ་གྱི་དགོས་མཁོ་མ་འཇོག་ཚད་ཁྲོད་ཡོད་པ',
      (s) =>
        sql`(${p.fundingNeedCny} is null or ${p.fundingNeedCny} between ${s.row.ticketMinCny} and ${s.row.ticketMaxCny})`,
      { of: (r) => r.fundingNeedCny ?? null, within: (s) => [s.row.ticketMinCny, s.row.ticketMaxCny] },
    ),
    keyedRule(
      'region',
      '项目所在地在投资地域内',
      'Project region covered by the investor',
      'རྣམ་གྲངས་ཡོད་སའི་ས་གནས་མ་འཇོག་པའི་ས་ཁོངས་ཁྲོད་ཡོད་པ',
      (s) => {
        const codes: string[] = s.row.regionCodes;
        if (!codes.length) return null;
        return sql`(${sql.join(
          codes.map((c) => sql`${p.regionCode} like ${`${regionPrefix(c)}%`}`),
          sql` or `,
        )})`;
      },
      { of: (r) => coveringCodes(r.regionCode), values: (s) => (s.row.regionCodes.length ? s.row.regionCodes : null) },
    ),
  ],
  features: [
    semantic,
    lexical,
    // The same fits as project→investor, with the roles swapped (the project is the candidate here).
    sectorFocus(
      (_s, c) => c.sectors,
      (s) => s,
    ),
    swap(
      stageFit(
        (project) => project.row.stage,
        (investor) => investor.row.stages,
      ),
    ),
    ticketFit(
      (_s, c) => c.row.fundingNeedCny ?? null,
      (s) => [s.row.ticketMinCny, s.row.ticketMaxCny],
    ),
    regionFocus((s) => s.row.regionCodes),
    { ...priorityGroup((c) => c.row.founderGroups ?? []), readsComputed: true },
    fundingFit(
      (_s, c) => c,
      (s) => s,
    ),
    // The founders' groups are a computed column (SQL only): the index's first ranking takes these at their best.
    // The investor is the source: its thesis says whether the founders' groups (computed) count.
    thesisRules(INVESTOR_SOURCE, thesisNamesGroups),
    thesisFocus(INVESTOR_SOURCE, thesisNamesGroups),
    fundsUse(INVESTOR_SOURCE),
  ],
  defaultWeights: {
    semantic: 0.35,
    lexical: 0.4,
    sector: 0.15,
    stage: 0.05,
    ticket: 0.05,
    region: 0.05,
    priority: 0.05,
    funding: 0.1,
    thesis: 0.25,
    purpose: 0.1,
    thesis_rules: 0.6,
  },
  notes: (s, c) => thesisNotes(INVESTOR_SOURCE, s, c),
  summary: (r) => ({
    title: r.title,
    description: r.description,
    sector: r.sector,
    stage: r.stage,
    regionCode: r.regionCode,
    needs: r.needs,
    fundingNeedCny: r.fundingNeedCny,
    languages: r.languages,
    centerId: r.centerId,
  }),
};
