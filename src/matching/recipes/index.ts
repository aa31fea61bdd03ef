// The journey registry: every match journey is one recipe file, listed here once, in the order the
// API documents them and the console shows them. src/matching/journeys.ts derives from this list the
// routes (src/http/matches), the rate limiter's paths, the weight sets (API and console), the
// console's journey tabs and the benchmarks; a journey's labels are its i18n keys
// (`weights.journey.<id>`, and `founder.journey.<target>` for a project's journeys).
import { investorProjects } from './investor-projects.ts';
import { projectInvestors } from './project-investors.ts';
import { projectMentors } from './project-mentors.ts';
import { projectServices } from './project-services.ts';
import { projectTrainings } from './project-trainings.ts';
import { trainingFounders } from './training-founders.ts';

export { investorProjects, projectInvestors, projectMentors, projectServices, projectTrainings, trainingFounders };

export const RECIPES = [
  projectMentors,
  projectInvestors,
  projectTrainings,
  projectServices,
  investorProjects,
  trainingFounders,
] as const;
