// The contract's hard rules (shared/API.md "Matching"), read again independently of the engine and
// applied to the evaluation set as written (no introductions, enrolments or accepted mentorships exist,
// every mentor and investor is active, every training has seats and ends in the future). The evaluation
// only judges candidates these rules call eligible, so it measures ranking, not filtering.
import { centers, founders } from './data/people.ts';
import { investors } from './data/investors.ts';
import { mentors } from './data/mentors.ts';
import { projects } from './data/projects.ts';
import { services } from './data/services.ts';
import { trainings } from './data/trainings.ts';
import type { EvalFounder, EvalInvestor, EvalMentor, EvalProject, EvalService, EvalTraining } from './data/types.ts';

const prefecture = (code: string) => code.slice(0, 4);
/** "A code covers itself and everything inside it (540000 ⊃ prefecture ⊃ county)". */
const covers = (outer: string, inner: string) =>
  outer === '540000' || (outer.endsWith('00') ? prefecture(outer) === prefecture(inner) : outer === inner);
const sharesLanguage = (a: string[], b: string[]) => a.some((l) => b.includes(l));

/** The rules over a set's founders (project→trainings reads the groups of the project's founders). */
export const eligibilityFor = (people: EvalFounder[]) => {
  const foundersOf = (p: EvalProject) => p.founders.map((k) => people.find((f) => f.key === k)!);
  return {
    projectMentor: (p: EvalProject, m: EvalMentor) =>
      m.capacity > 0 &&
      sharesLanguage(p.languages, m.languages) &&
      (m.remote || prefecture(m.regionCode) === prefecture(p.regionCode)),
    projectInvestor: (p: EvalProject, i: EvalInvestor) =>
      p.status === 'vetted' &&
      (i.sectors.length === 0 || i.sectors.includes(p.sector)) &&
      (i.stages.length === 0 || i.stages.includes(p.stage)) &&
      (p.fundingNeedCny == null || (i.ticketMinCny <= p.fundingNeedCny && p.fundingNeedCny <= i.ticketMaxCny)) &&
      (i.regionCodes.length === 0 || i.regionCodes.some((c) => covers(c, p.regionCode))),
    projectTraining: (p: EvalProject, t: EvalTraining) =>
      t.seats > 0 &&
      (t.stages.length === 0 || t.stages.includes(p.stage)) &&
      (t.targetGroups.length === 0 || foundersOf(p).some((f) => f.groups.some((g) => t.targetGroups.includes(g)))) &&
      (t.mode !== 'onsite' || prefecture(t.regionCode) === prefecture(p.regionCode)) &&
      sharesLanguage(p.languages, t.languages),
    trainingFounder: (t: EvalTraining, f: EvalFounder) =>
      (t.targetGroups.length === 0 || f.groups.some((g) => t.targetGroups.includes(g))) &&
      (t.mode !== 'onsite' || prefecture(t.regionCode) === prefecture(f.regionCode)) &&
      sharesLanguage(t.languages, f.languages),
    projectService: (p: EvalProject, s: EvalService) =>
      (s.regionCodes.length === 0 || s.regionCodes.some((c) => covers(c, p.regionCode))) &&
      sharesLanguage(p.languages, s.languages),
  };
};

export const eligible = eligibilityFor(founders);

export { centers, founders, investors, mentors, projects, services, trainings };
