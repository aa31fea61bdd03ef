// All demo records (loaded only when DEMO_DATA is not 'false'). References between records use externalId.
import { centers } from './centers.js';
import { founders } from './founders.js';
import { investors } from './investors.js';
import { mentors } from './mentors.js';
import { projects } from './projects.js';
import { regionTargets } from './region-targets.js';
import { services } from './services.js';
import { trainings } from './trainings.js';

export { centers, founders, projects, mentors, investors, trainings, services, regionTargets };

export const demo = { centers, founders, projects, mentors, investors, trainings, services, regionTargets };
