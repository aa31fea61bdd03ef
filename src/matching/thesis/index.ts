// A funder's thesis read from its prose and checked against a project (issue 23, classes 5 and 6).
export {
  type FunderPair,
  fundsUse,
  sectorFocus,
  thesisFocus,
  thesisNamesGroups,
  thesisNotes,
  thesisRules,
} from './features.ts';
export { readProject, readThesis, type ProjectFacts, type ThesisReading } from './read.ts';
export { fitThesis, fitUses, type ThesisFit } from './fit.ts';
