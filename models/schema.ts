// Every table, for drizzle-kit and the drizzle client.
export * from './enums.ts';
export { regionsTable } from './regions/table.ts';
export { centersTable } from './centers/table.ts';
export { foundersTable } from './founders/table.ts';
export { projectsTable, projectFoundersTable, projectInvitationsTable } from './projects/table.ts';
export { mentorsTable } from './mentors/table.ts';
export { investorsTable } from './investors/table.ts';
export { trainingsTable } from './trainings/table.ts';
export { servicesTable } from './services/table.ts';
export { apiKeysTable } from './api-keys/table.ts';
export { introductionsTable } from './introductions/table.ts';
export { enrollmentsTable } from './enrollments/table.ts';
export { trainingInvitationsTable } from './training-invitations/table.ts';
export { serverSecretsTable } from './server-secrets/table.ts';
export { assignmentRunsTable } from './assignment-runs/table.ts';
export { embeddingsTable } from './embeddings/table.ts';
export { auditTable } from './audit/table.ts';
export { matchingWeightsTable } from './matching-weights/table.ts';
