// Needs ↔ offers across topics (issue 23, class 8): an offer of one topic that partly serves a need of
// another. A live-streaming or short-video course (digital skills) serves an e-commerce need; a
// bookkeeping course or a registration agent serves part of a tax need; a lawyer serves part of an IP
// need. Read as: a need of the outer key is served by an offer of the inner key at that credit.
//
// HOW TO REVIEW / EDIT (for center staff):
// - Credit is the share of the need an offer of the other topic meets: 0.6 a large part (marketing for
//   an e-commerce need), 0.4 a real part (a loan adviser for a seed-funding need), 0.2–0.3 a side of it.
//   Never 1: an offer of the need's own topic always counts more than a related one.
// - The map is directed: a lawyer serves part of an IP need, but an IP agent only a little of a general
//   legal need. List each direction that holds.
// - Relations between skills, not domains: whatever the sector, a tax need is partly served by
//   bookkeeping. Keep it small: a relation every coach would agree with, not a chain of them.
import type { Topic } from '../reference/enums.ts';

export const offerMap: Partial<Record<Topic, Partial<Record<Topic, number>>>> = {
  ecommerce: { marketing: 0.5, digital_skills: 0.5 },
  marketing: { ecommerce: 0.5, digital_skills: 0.3 },
  digital_skills: { ecommerce: 0.3, tech_intermediary: 0.2 },
  finance_tax: { registration: 0.3, management: 0.3, policy: 0.2 },
  registration: { legal: 0.4, finance_tax: 0.3, certification: 0.3, policy: 0.2 },
  legal: { ip: 0.3, registration: 0.3 },
  ip: { legal: 0.5, tech_transfer: 0.3 },
  certification: { registration: 0.3, rnd_design: 0.2 },
  policy: { loans: 0.3, seed_funding: 0.3, registration: 0.2, finance_tax: 0.2 },
  loans: { fundraising: 0.4, seed_funding: 0.4, policy: 0.3, finance_tax: 0.2 },
  seed_funding: { fundraising: 0.5, loans: 0.4, policy: 0.4 },
  fundraising: { seed_funding: 0.4, loans: 0.3, project_planning: 0.3 },
  project_planning: { coaching: 0.5, management: 0.3, fundraising: 0.2 },
  coaching: { project_planning: 0.4, management: 0.4 },
  management: { coaching: 0.4, finance_tax: 0.3, digital_skills: 0.2 },
  tech_transfer: { tech_intermediary: 0.6, ip: 0.4, rnd_design: 0.3 },
  tech_intermediary: { tech_transfer: 0.6, rnd_design: 0.3 },
  rnd_design: { tech_transfer: 0.3, tech_intermediary: 0.3, certification: 0.2 },
};
