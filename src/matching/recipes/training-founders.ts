// Founders for a training cohort. A trainer sees them pseudonymously (cohortView): what choosing a
// cohort needs and nothing that identifies a founder; so the reasons name no county and list no place
// names among the shared keywords (everyone gets the same reasons; staff and admins also get the row).
import { eq, sql } from 'drizzle-orm';
import {
  enrollmentsTable,
  foundersTable,
  projectFoundersTable,
  projectsTable,
  trainingInvitationsTable,
} from '../../../models/schema.ts';
import { STAGES } from '../../../models/enums.ts';
import { regions } from '../../../seeds/reference/regions.ts';
import type { Executor } from '../../resources/types.ts';
import { trainerHandles } from '../../engagement/founder-handles.ts';
import {
  sectorFit,
  languages,
  lexicalFeature,
  regionCloseness,
  regionLabel,
  samePrefectureText,
  semantic,
} from '../features.ts';
import { TRUE, arr, excludesRule, flag, inPrefectureOf, keyedRule, prefectureOf, sharesLanguage } from '../rules.ts';
import { say } from '../text.ts';
import type { Feature, MatchItem, Recipe, TrainingSource } from '../types.ts';
import { founderNeedsCoverage } from '../linked-profile.ts';
import { cohortStageFit } from '../stage-fit.ts';
import { sectorIndependence, sectorsIn } from '../needs.ts';
import { arrayValue, qualified } from '../../db/sql.ts';
import { priorityGroup } from './investor-projects.ts';

const f = foundersTable;

/**
 * The distinct stages of the founder's projects, in the enumeration's order (archived projects too:
 * they are the founder's history; none: []). A computed column: read with the candidate, in SQL only.
 */
const projectStagesSql = sql<string[]>`array(select distinct p.stage::text from ${projectFoundersTable} pf
  join ${projectsTable} p on p.id = pf.project_id where pf.founder_id = ${qualified(f.id)})`;
const projectStagesOfRow = (row: Record<string, any>): string[] =>
  arrayValue(row.projectStages).sort((a, b) => STAGES.indexOf(a as never) - STAGES.indexOf(b as never));

/** The prefecture-level code of a region code (540000 stays itself). */
export const prefectureCode = (code: string) => (code === '540000' ? code : `${prefectureOf(code)}00`);

const closeness = regionCloseness(
  (s) => s.row.regionCode,
  (c) => c.row.regionCode,
);
/**
 * Where the founder lives matters for an on-site class only; online and enclave (飞地) classes are the
 * same for everyone. Scored by county as elsewhere, explained by prefecture only.
 */
const place: Feature<TrainingSource> = {
  id: 'region',
  compute(s, c) {
    if (s.row.mode !== 'onsite') return null;
    const r = closeness.compute(s, c);
    if (!r) return null;
    const p = regionLabel(prefectureCode(c.row.regionCode));
    return {
      value: r.value,
      detail: () =>
        r.value >= 0.7
          ? samePrefectureText(p)
          : say(`异地（${p.zh}）`, `Elsewhere (${p.en})`, `ས་གནས་མི་འདྲ་བ (${p.bo})`),
    };
  },
};

/**
 * Region names as keywords (with and without 市/区/县 and རྫོང/ཆུས/གྲོང་ཁྱེར, English words lower-cased):
 * never listed as shared keywords.
 */
const PLACE_WORDS = new Set(
  regions.flatMap((r) => [
    r.nameZh,
    r.nameZh.replace(/(地区|市|区|县)$/u, ''),
    ...r.nameEn.toLowerCase().split(/\s+/),
    ...(r.nameBo ? [r.nameBo, r.nameBo.replace(/་(རྫོང|ཆུས|གྲོང་ཁྱེར)$/u, '')] : []),
  ]),
);
const lexical = lexicalFeature((w) => !PLACE_WORDS.has(w));

/**
 * The trade the training is about (sectors read from its prose) among those of the founder's projects
 * (linked records). Not applicable when the training names none (a course for every trade) or the
 * founder's texts none (unknown, not another trade). Needs that are the same in every trade (tax,
 * legal …) make it count less (needs.ts), as for mentors.
 */
const domain = sectorFit(
  (s) => s.sectors,
  (c) => sectorsIn(c.sectors),
  0.3,
  (s) => sectorIndependence(s.topics),
);
const trainingDomain: Feature<TrainingSource> = {
  id: 'sector',
  compute: (s, c) => (Object.keys(s.sectors).length && sectorsIn(c.sectors).length ? domain.compute(s, c) : null),
};

/** A trainer planning an order-style cohort: dates and seats do not filter here. */
export const trainingFounders: Recipe<TrainingSource> = {
  id: 'training.founders',
  source: 'training',
  target: 'founders',
  api: {
    summary: 'Founders for a training cohort',
    description:
      "The providing trainer, center staff (their founders) and admins. Items list `stages` (of the founder's projects). A trainer identifies " +
      'nobody: each item is `{ id: handle, handle, score, reasons, groups, prefectureCode, languages, stages }`, where the handle is stable for ' +
      'that trainer and founder and differs between trainers; it invites by it (`POST /v1/trainings/{id}/invitations { handle }`) and learns ' +
      "the founder's name once the founder (or its center) accepts. Staff and admins get the founder's id and profile fields. Founders " +
      'enrolled in the training or with an invitation to it (open, declined or accepted) are left out. A deleted (archived) training is 404, ' +
      'to admins 409.',
    problems: [409],
  },
  /**
   * Each item also lists the stages of the founder's projects. A trainer sees the items pseudonymously
   * (cohortView): its own handle per founder instead of the id, no name, education, county or center;
   * it invites by that handle (src/engagement/training-invitations.ts).
   */
  async present(db, actor, items) {
    if (actor.role !== 'trainer') return items;
    const handles = await trainerHandles(db, actor.subjectId!);
    return items.map((i) => cohortView(i, handles.handle(i.id), i.stages as string[]));
  },
  candidateKind: 'founder',
  declared: {},
  candidateTable: f,
  computed: { projectStages: projectStagesSql },
  rules: [
    // A deleted founder's tombstone is never a candidate.
    keyedRule('not_erased', '未注销', 'Not deleted', 'ཐོ་ཁོངས་ནས་བསུབ་མེད་པ', () => sql`${f.erasedAt} is null`, {
      of: (r) => flag(!r.erasedAt),
      values: () => TRUE,
    }),
    keyedRule(
      'group',
      '属于培训对象群体',
      'In the target groups',
      'སྦྱོང་བརྡར་བྱ་ཡུལ་གྱི་ཚོགས་པའི་ཁོངས་སུ་གཏོགས་པ',
      (s) => (s.row.targetGroups.length ? sql`${f.groups} && ${arr(s.row.targetGroups, 'founder_group')}` : null),
      { of: (r) => r.groups, values: (s) => (s.row.targetGroups.length ? s.row.targetGroups : null) },
    ),
    keyedRule(
      'place',
      '线下培训须在同一地(市)',
      'On-site trainings need the same prefecture',
      'ས་གནས་དངོས་སུ་འཛིན་པའི་སྦྱོང་བརྡར་ས་ཁུལ་(གྲོང་ཁྱེར་)གཅིག་ཏུ་ཡོད་དགོས',
      (s) => (s.row.mode === 'onsite' ? inPrefectureOf(f.regionCode, s.row.regionCode) : null),
      {
        of: (r) => [prefectureOf(r.regionCode)],
        values: (s) => (s.row.mode === 'onsite' ? [prefectureOf(s.row.regionCode)] : null),
      },
    ),
    sharesLanguage(f.languages),
    excludesRule(
      'not_enrolled',
      '尚未报名',
      'Not enrolled yet',
      'ད་དུང་མིང་ཐོ་བཀོད་མེད་པ',
      (s) =>
        sql`not exists (select 1 from ${enrollmentsTable} en where en.training_id = ${s.row.id} and en.founder_id = ${f.id})`,
      (s) => s.enrolledFounders,
    ),
    // Any invitation (open, declined, accepted) makes another one 409: suggesting the founder again is a dead end.
    excludesRule(
      'not_invited',
      '尚未受邀（也未拒绝邀请）',
      'Not invited yet (nor declined an invitation)',
      'ད་དུང་གདན་ཞུ་བྱས་མེད་པ (གདན་ཞུ་ཁས་མ་བླངས་པའང་མེད་པ)',
      (s) =>
        sql`not exists (select 1 from ${trainingInvitationsTable} ti where ti.training_id = ${s.row.id} and ti.founder_id = ${f.id})`,
      (s) => s.invitedFounders,
    ),
  ],
  features: [
    semantic,
    lexical,
    // What the training teaches that the founder needs: topics inferred from the founder's interests
    // and from the prose of the founder's projects (linked-profile.ts), explained by where they came from.
    founderNeedsCoverage((s) => s.topics),
    trainingDomain,
    // The stages the training is for against the founder's projects' (a computed column: SQL only).
    { ...cohortStageFit((c) => projectStagesOfRow(c.row)), readsComputed: true },
    priorityGroup((c) => c.row.groups),
    place,
    languages,
  ],
  defaultWeights: {
    semantic: 0.25,
    lexical: 0.3,
    topics: 0.15,
    sector: 0.15,
    stage: 0.1,
    priority: 0.05,
    region: 0.1,
    language: 0.05,
  },
  // recall@10 against the exact ranking at 100k (bench:scale): the founders' projects' trades and
  // stages rank founders the channels' first 400 miss (0.93); 600 reach 0.96
  retrieval: { exactLimit: 2000, retrieveK: 600 },
  summary: (r) => ({
    name: r.name,
    groups: r.groups,
    regionCode: r.regionCode,
    languages: r.languages,
    centerId: r.centerId,
    educationLevel: r.educationLevel,
    graduationYear: r.graduationYear,
    stages: projectStagesOfRow(r),
  }),
};

/** What a training source excludes: founders enrolled in it, and founders with an invitation to it (any status). */
export async function trainingExclusions(
  db: Executor,
  trainingId: string,
): Promise<Pick<TrainingSource, 'enrolledFounders' | 'invitedFounders'>> {
  const ti = trainingInvitationsTable;
  const [enrolled, invited] = await Promise.all([
    db
      .select({ id: enrollmentsTable.founderId })
      .from(enrollmentsTable)
      .where(eq(enrollmentsTable.trainingId, trainingId)),
    db.select({ id: ti.founderId }).from(ti).where(eq(ti.trainingId, trainingId)),
  ]);
  return { enrolledFounders: new Set(enrolled.map((e) => e.id)), invitedFounders: new Set(invited.map((e) => e.id)) };
}

/**
 * A cohort match as a trainer sees it: the pseudonymous handle as `id`, and only groups, prefecture,
 * languages and the stages of the founder's projects — no founder id, name, education, graduation year,
 * county or center.
 */
export function cohortView(item: MatchItem, handle: string, stages: string[]): MatchItem {
  return {
    id: handle,
    handle,
    score: item.score,
    reasons: item.reasons,
    groups: item.groups,
    prefectureCode: prefectureCode(item.regionCode as string),
    languages: item.languages,
    stages,
  };
}
