// The development set of issue 23: the same six journeys, record types and hard rules as the judged set
// (test/eval/set.ts), over fresh records (./data), each query tagged with the failure class(es) of the
// issue it was written to exercise. Unlisted pool members are judged 0, as in the first set.
import { eligibilityFor } from '../eligibility.ts';
import type { EvalRecords } from '../load.ts';
import type { Grades, Judgments } from '../data/types.ts';
import type { CandidateKind, Journey, JourneyId, SourceKind } from '../set.ts';
import { centers, founders } from './data/people.ts';
import { investors } from './data/investors.ts';
import { mentors } from './data/mentors.ts';
import { projects } from './data/projects.ts';
import { services } from './data/services.ts';
import { trainings } from './data/trainings.ts';
import * as judged from './judgments.ts';

export const devRecords: EvalRecords = { centers, founders, projects, mentors, investors, trainings, services };

/** The failure classes of issue 23, largest first. */
export const FAILURE_CLASSES = {
  1: 'needs only in prose',
  2: 'tags as strong evidence',
  3: 'tags counted twice',
  4: 'industry-independent needs',
  5: "a funder's thesis",
  6: 'what the money is for',
  7: 'linked records',
  8: 'needs ↔ offers across categories',
  9: 'tie-breakers leading',
  10: 'hub texts and scripts',
  11: 'stage fit for mentors',
} as const;
export type FailureClass = keyof typeof FAILURE_CLASSES;

/** One judged query: the classes it exercises and the grades of its pool (unlisted = 0). */
export interface JudgedQuery {
  classes: FailureClass[];
  grades: Grades;
}

export interface DevJourney extends Journey {
  /** Failure classes per query. */
  classes: Record<string, FailureClass[]>;
}

const eligible = eligibilityFor(founders);
const byKey = <T extends { key: string }>(xs: T[]) => new Map(xs.map((x) => [x.key, x]));
const P = byKey(projects);
const I = byKey(investors);
const T = byKey(trainings);

const gradesOf = (qs: Record<string, JudgedQuery>): Judgments =>
  Object.fromEntries(Object.entries(qs).map(([q, j]) => [q, j.grades]));
const classesOf = (qs: Record<string, JudgedQuery>) =>
  Object.fromEntries(Object.entries(qs).map(([q, j]) => [q, j.classes]));

function journey(
  id: JourneyId,
  source: SourceKind,
  candidate: CandidateKind,
  qs: Record<string, JudgedQuery>,
  pool: (q: string) => string[],
): DevJourney {
  return { id, source, candidate, queries: Object.keys(qs), grades: gradesOf(qs), classes: classesOf(qs), pool };
}

export const devJourneys: DevJourney[] = [
  journey('project→mentors', 'project', 'mentor', judged.projectMentors, (q) =>
    mentors.filter((m) => eligible.projectMentor(P.get(q)!, m)).map((m) => m.key),
  ),
  journey('project→investors', 'project', 'investor', judged.projectInvestors, (q) =>
    investors.filter((i) => eligible.projectInvestor(P.get(q)!, i)).map((i) => i.key),
  ),
  journey('project→trainings', 'project', 'training', judged.projectTrainings, (q) =>
    trainings.filter((t) => eligible.projectTraining(P.get(q)!, t)).map((t) => t.key),
  ),
  journey('project→services', 'project', 'service', judged.projectServices, (q) =>
    services.filter((s) => eligible.projectService(P.get(q)!, s)).map((s) => s.key),
  ),
  journey('investor→projects', 'investor', 'project', judged.investorProjects, (q) =>
    projects.filter((p) => eligible.projectInvestor(p, I.get(q)!)).map((p) => p.key),
  ),
  journey('training→founders', 'training', 'founder', judged.trainingFounders, (q) =>
    founders.filter((f) => eligible.trainingFounder(T.get(q)!, f)).map((f) => f.key),
  ),
];

/** Problems with the dev set (unknown keys, judged candidates outside the pool, small pools, untagged queries). */
export function validateDevSet(set: DevJourney[] = devJourneys, minPool = 15, minQueries = 10): string[] {
  const problems: string[] = [];
  const known: Record<CandidateKind | SourceKind, Set<string>> = {
    project: new Set(P.keys()),
    investor: new Set(I.keys()),
    training: new Set(T.keys()),
    mentor: new Set(mentors.map((m) => m.key)),
    service: new Set(services.map((s) => s.key)),
    founder: new Set(founders.map((f) => f.key)),
  };
  const keys = [...Object.values(known), new Set(centers.map((c) => c.key))].flatMap((s) => [...s]);
  if (new Set(keys).size !== keys.length) problems.push('duplicate keys in the set');
  for (const j of set) {
    if (j.queries.length < minQueries) problems.push(`${j.id}: ${j.queries.length} queries < ${minQueries}`);
    for (const q of j.queries) {
      if (!known[j.source].has(q)) {
        problems.push(`${j.id}: unknown query ${q}`);
        continue;
      }
      const classes = j.classes[q] ?? [];
      if (classes.length === 0) problems.push(`${j.id} ${q}: no failure class`);
      for (const c of classes) if (!(c in FAILURE_CLASSES)) problems.push(`${j.id} ${q}: unknown class ${c}`);
      const pool = new Set(j.pool(q));
      if (pool.size < minPool) problems.push(`${j.id} ${q}: pool of ${pool.size} < ${minPool}`);
      const grades = j.grades[q] ?? {};
      if (!Object.values(grades).some((g) => g > 0)) problems.push(`${j.id} ${q}: no relevant candidate`);
      for (const [c, g] of Object.entries(grades)) {
        if (!known[j.candidate].has(c)) problems.push(`${j.id} ${q}: unknown candidate ${c}`);
        else if (!pool.has(c)) problems.push(`${j.id} ${q}: judged ${c} (${g}) is not eligible`);
        if (![1, 2, 3].includes(g)) problems.push(`${j.id} ${q}: grade ${g} of ${c} is not 1–3`);
      }
    }
  }
  return problems;
}
