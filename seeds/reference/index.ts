// Reference data seeded in every environment (also with DEMO_DATA=false): regions and the 15 pilot centers.
export { regions, REGION_ROOT } from './regions.js';
export { pilotCenters } from './pilot-centers.js';
export { labels } from './labels.js';
export type { Label, LabelGroup } from './labels.js';
