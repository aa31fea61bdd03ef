import { sql } from 'drizzle-orm';
import { enrollmentsTable, foundersTable } from '../../../models/schema.ts';
import { languages, lexical, regionCloseness, semantic, topicCoverage } from '../features.ts';
import { TRUE, arr, excludesRule, flag, inPrefectureOf, keyedRule, prefectureOf, rule, sharesLanguage } from '../rules.ts';
import type { Feature, Recipe, TrainingSource } from '../types.ts';
import { priorityGroup } from './investor-projects.ts';

const f = foundersTable;

const closeness = regionCloseness((s) => s.row.regionCode, (c) => c.row.regionCode);
/** Where the founder lives matters for an on-site class only; online and enclave (飞地) classes are the same for everyone. */
const place: Feature<TrainingSource> = {
  id: 'region',
  compute: (s, c) => (s.row.mode === 'onsite' ? closeness.compute(s, c) : null),
};

/** A trainer planning an order-style cohort: dates and seats do not filter here. */
export const trainingFounders: Recipe<TrainingSource> = {
  id: 'training.founders',
  candidateKind: 'founder',
  declared: {},
  candidateTable: f,
  rules: [
    // A deleted founder's tombstone is never a candidate.
    keyedRule('not_erased', '未注销', 'Not deleted', () => sql`${f.erasedAt} is null`, { of: (r) => flag(!r.erasedAt), values: () => TRUE }),
    keyedRule('group', '属于培训对象群体', 'In the target groups',
      (s) => (s.row.targetGroups.length ? sql`${f.groups} && ${arr(s.row.targetGroups, 'founder_group')}` : null),
      { of: (r) => r.groups, values: (s) => (s.row.targetGroups.length ? s.row.targetGroups : null) }),
    keyedRule('place', '线下培训须在同一地(市)', 'On-site trainings need the same prefecture',
      (s) => (s.row.mode === 'onsite' ? inPrefectureOf(f.regionCode, s.row.regionCode) : null),
      { of: (r) => [prefectureOf(r.regionCode)], values: (s) => (s.row.mode === 'onsite' ? [prefectureOf(s.row.regionCode)] : null) }),
    sharesLanguage(f.languages),
    excludesRule('not_enrolled', '尚未报名', 'Not enrolled yet',
      (s) => sql`not exists (select 1 from ${enrollmentsTable} en where en.training_id = ${s.row.id} and en.founder_id = ${f.id})`,
      (s) => s.enrolledFounders),
  ],
  features: [
    semantic,
    lexical,
    // What the founder is interested in (inferred from their interests) that the training teaches.
    topicCoverage((s) => Object.fromEntries((s.row.topics as string[]).map((x) => [x, 1])), (c) => c.topics, { zh: '兴趣与培训内容相符', en: 'Interests match the content' }),
    priorityGroup((c) => c.row.groups),
    place,
    languages,
  ],
  defaultWeights: { semantic: 0.25, lexical: 0.3, topics: 0.25, priority: 0.05, region: 0.1, language: 0.05 },
  summary: (r) => ({
    name: r.name, groups: r.groups, regionCode: r.regionCode, languages: r.languages, centerId: r.centerId,
    educationLevel: r.educationLevel, graduationYear: r.graduationYear,
  }),
};

