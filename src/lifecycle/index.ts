// A project's life in a center (issue 21): admission form, applications, reviews, decisions,
// incubation and its end, outcomes. Every status change goes through transitions.ts.
export * from './transitions.ts';
export * from './access.ts';
export * from './admission-form.ts';
export * from './applications.ts';
export * from './reviews.ts';
export * from './decisions.ts';
export * from './incubation.ts';
export * from './outcomes.ts';
export * from './reviewed.ts';
