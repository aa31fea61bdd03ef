import type { JudgedQuery } from './set.ts';
export const projectMentors: Record<string, JudgedQuery> = {};
export const projectInvestors: Record<string, JudgedQuery> = {};
export const projectTrainings: Record<string, JudgedQuery> = {};
export const projectServices: Record<string, JudgedQuery> = {};
export const investorProjects: Record<string, JudgedQuery> = {};
export const trainingFounders: Record<string, JudgedQuery> = {};
