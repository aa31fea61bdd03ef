import { centers } from './centers.ts';
import { founders } from './founders.ts';
import { projects } from './projects.ts';
import { mentors } from './mentors.ts';
import { investors } from './investors.ts';
import { trainings } from './trainings.ts';
import { services } from './services.ts';
import type { ResourceDef } from './types.ts';

/** The seven contract resources, in the order the API documents them. */
export const resourceDefs = [
  centers,
  founders,
  projects,
  mentors,
  investors,
  trainings,
  services,
] as const satisfies readonly ResourceDef[];
export { centers, founders, projects, mentors, investors, trainings, services };
