export { projectMentors } from './project-mentors.ts';
export { projectInvestors } from './project-investors.ts';
export { projectTrainings } from './project-trainings.ts';
export { projectServices } from './project-services.ts';
export { investorProjects } from './investor-projects.ts';
export { trainingFounders } from './training-founders.ts';
