import { eq, or, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { introductionsTable, mentorsTable } from '../../../models/schema.ts';
import { inferredNotes } from './notes.ts';
import { decisionsSql, responsiveness } from '../feedback.ts';
import { mentorRemainingSql } from '../../engagement/capacity.ts';
import { languages, lexical, regionCloseness, sectorFit, semantic, topicCoverage } from '../features.ts';
import { TRUE, excludesRule, flag, inPrefectureOf, keyedRule, prefectureOf, rule, sharesLanguage } from '../rules.ts';
import { say } from '../text.ts';
import type { Feature, Profile, ProjectSource, Recipe } from '../types.ts';
import { notExitedSource } from './not-exited.ts';
import { mentorStageFit } from '../stage-fit.ts';
import { sectorIndependence, sectorsIn } from '../needs.ts';

/** The place key of a mentor who mentors remotely (prefecture keys are four digits). */
const REMOTE = 'remote';

const m = mentorsTable;
/** Open or declined introductions keep a mentor from being suggested to the project again. */
export const introducedTo = (projectId: string, targetCol: PgColumn) =>
  sql`not exists (select 1 from ${introductionsTable} i where i.project_id = ${projectId} and i.target_id = ${targetCol} and i.status in ('requested', 'accepted', 'declined'))`;

/** Remaining capacity as a share of capacity: a nearly full mentor is not pushed to every founder at once. */
const load: Feature<Profile> = {
  id: 'capacity',
  tieBreaker: true,
  readsComputed: true,
  compute(_s, c) {
    const { remaining, capacity } = c.row;
    if (!capacity) return null;
    return {
      value: remaining / capacity,
      detail: () =>
        say(
          `剩余辅导名额 ${remaining}/${capacity}`,
          `Mentoring slots left ${remaining}/${capacity}`,
          `ལྷག་མའི་ཁྲིད་སྟོན་མིང་གྲངས ${remaining}/${capacity}`,
        ),
    };
  },
};

export const projectMentors: Recipe<ProjectSource> = {
  id: 'project.mentors',
  source: 'project',
  target: 'mentors',
  candidateKind: 'mentor',
  declared: { topics: 'expertise', sectors: 'sectors' },
  candidateTable: m,
  computed: { remaining: mentorRemainingSql(), decisions: decisionsSql('mentor', m.id) },
  rules: [
    notExitedSource<ProjectSource>(),
    keyedRule('active', '导师在岗', 'Mentor is active', 'ཁྲིད་སྟོན་དགེ་རྒན་ལས་གནས་ཐོག་ཡོད་པ', () => eq(m.active, true), {
      of: (r) => flag(r.active),
      values: () => TRUE,
    }),
    {
      ...rule(
        'capacity',
        '尚有辅导名额',
        'Has mentoring capacity left',
        'ཁྲིད་སྟོན་གྱི་མིང་གྲངས་ད་དུང་ལྷག་ཡོད་པ',
        () => sql`${mentorRemainingSql()} > 0`,
        (_s, c) => c.row.remaining > 0,
      ),
      live: true,
    },
    sharesLanguage(m.languages),
    keyedRule(
      'place',
      '同一地(市)或可远程辅导',
      'Same prefecture or mentors remotely',
      'ས་ཁུལ་(གྲོང་ཁྱེར་)གཅིག་པ་ཡིན་པའམ་ཐག་རིང་ནས་ཁྲིད་སྟོན་ཐུབ་པ',
      (s) => or(eq(m.remote, true), inPrefectureOf(m.regionCode, s.row.regionCode))!,
      {
        of: (r) => (r.remote ? [REMOTE, prefectureOf(r.regionCode)] : [prefectureOf(r.regionCode)]),
        values: (s) => [REMOTE, prefectureOf(s.row.regionCode)],
      },
    ),
    excludesRule(
      'not_introduced',
      '未曾对接或被拒',
      'Not already introduced or declined',
      'སྔར་ངོ་སྤྲོད་བྱས་མྱོང་མེད་ཅིང་ཁས་མ་བླངས་པའང་མེད་པ',
      (s) => introducedTo(s.row.id, m.id),
      (s) => s.introduced,
    ),
  ],
  features: [
    semantic,
    lexical,
    topicCoverage(
      (s) => s.topics,
      (c) => c.topics,
      say('需求与导师专长重合', 'Needs matched by expertise', 'དགོས་མཁོ་དང་ཁྲིད་སྟོན་དགེ་རྒན་གྱི་ཆེད་ལས་མཐུན་པ'),
      { source: (s) => s.sectors, candidate: (c) => c.sectors },
    ),
    sectorFit(
      (s) => s.sectors,
      (c) => sectorsIn(c.sectors),
      0.3,
      (s) => sectorIndependence(s.topics),
    ),
    regionCloseness(
      (s) => s.row.regionCode,
      (c) => c.row.regionCode,
    ),
    languages,
    load,
    responsiveness,
    // Whom the bio says the mentor helps (founders starting out, growing companies) against the project's stage.
    mentorStageFit(),
  ],
  defaultWeights: {
    // Needs read from the prose are the decisive signal (issue 23): topics lead the two text channels.
    semantic: 0.225,
    lexical: 0.225,
    topics: 0.3,
    sector: 0.1,
    region: 0.05,
    language: 0.05,
    capacity: 0.05,
    feedback: 0.05,
    stage: 0.1,
  },
  // recall@10 against the exact ranking at 100k (bench:scale): the needs read from prose and the stage
  // fit rank mentors the channels' first 200 miss (0.85 with 200, 0.97 with 400, 0.995 with 600 at ~4 ms more)
  retrieval: { exactLimit: 500, retrieveK: 400 },
  notes: (s, c) => inferredNotes(s, c, s.row.needs),
  summary: (r) => ({
    name: r.name,
    bio: r.bio,
    expertise: r.expertise,
    sectors: r.sectors,
    languages: r.languages,
    regionCode: r.regionCode,
    remote: r.remote,
    capacity: r.capacity,
    remainingCapacity: r.remaining,
  }),
};
