// Graded relevance of the development set, judged like a careful center coach reading the whole record
// (prose first, ticks as a hint); every pool member not listed is 0.
//   3  decisive fit: the help this project or person needs, for their kind of business
//   2  good: a main need, more generic, or the right domain with a partial fit
//   1  partial: a secondary need, or plausible but weak
//   0  not useful, or it violates a constraint stated by either side (a funder's "only …", "no …",
//      years of operation, collateral, a licence; a funding instrument the money cannot be used for)
// Look-alikes (a yak vet for a yak-yogurt dairy, a thangka painting class for a painter who wants to sell
// online, a tour-guide exam for a guesthouse, 网上政务 for an online shop), candidates that tick every
// topic with a vague bio and generic "全方位" texts are graded on what they actually offer.
// `classes` are the failure classes of issue 23 (set.ts FAILURE_CLASSES) the query was written for.
import type { JudgedQuery } from './set.ts';

export const projectMentors: Record<string, JudgedQuery> = {
  'dp-tsampa-cafe': {
    classes: [1, 4],
    grades: {
      'dm-ip-lawyer': 3,
      'dm-trade-lawyer': 3,
      'dm-accountant': 2,
      'dm-syb-teacher': 2,
      'dm-all-rounder': 1,
      'dm-livestreamer': 1,
      'dm-wellness-operator': 1,
    },
  },
  'dp-yak-yogurt': {
    classes: [1, 2],
    grades: {
      'dm-food-engineer': 3,
      'dm-coldchain-coo': 2,
      'dm-retired-banker': 1,
      'dm-brewer': 1,
      'dm-all-rounder': 1,
    },
  },
  'dp-thangka-live': {
    classes: [1, 8, 9],
    grades: {
      'dm-livestreamer': 3,
      'dm-craft-designer': 1,
      'dm-ota-manager': 1,
      'dm-ip-lawyer': 1,
      'dm-all-rounder': 1,
    },
  },
  'dp-incense': {
    classes: [1, 4, 3],
    grades: {
      'dm-accountant': 3,
      'dm-syb-teacher': 1,
      'dm-retired-banker': 1,
      'dm-trade-lawyer': 1,
      'dm-all-rounder': 1,
    },
  },
  'dp-tibetan-keyboard': {
    classes: [4, 10, 11],
    grades: {
      'dm-ip-lawyer': 3,
      'dm-nlp-cto': 3,
      'dm-tech-transfer': 1,
      'dm-vc-partner': 1,
      'dm-all-rounder': 1,
    },
  },
  'dp-sweet-tea-idea': {
    classes: [11, 10],
    grades: {
      'dm-syb-teacher': 3,
      'dm-accountant': 1,
      'dm-retired-banker': 1,
      'dm-all-rounder': 1,
      'dm-generic': 1,
    },
  },
  'dp-coldchain-fleet': {
    classes: [11, 9, 2],
    grades: {
      'dm-vc-partner': 3,
      'dm-coldchain-coo': 3,
      'dm-accountant': 1,
      'dm-retired-banker': 1,
      'dm-all-rounder': 1,
      'dm-generic': 1,
    },
  },
  'dp-herbal-bath': {
    classes: [2, 1, 3],
    grades: {
      'dm-wellness-operator': 3,
      'dm-tibmed-doctor': 1,
      'dm-livestreamer': 1,
      'dm-all-rounder': 1,
    },
  },
  'dp-barley-beer': {
    classes: [2, 1],
    grades: { 'dm-brewer': 3, 'dm-food-engineer': 2, 'dm-ip-lawyer': 1, 'dm-all-rounder': 1 },
  },
  'dp-kids-coding': {
    classes: [4, 1, 2, 3],
    grades: {
      'dm-education-founder': 3,
      'dm-syb-teacher': 1,
      'dm-accountant': 1,
      'dm-trade-lawyer': 1,
      'dm-all-rounder': 1,
    },
  },
  'dp-lulang-guesthouse': {
    classes: [1, 10],
    grades: { 'dm-ota-manager': 3, 'dm-wellness-operator': 1, 'dm-livestreamer': 1, 'dm-all-rounder': 1 },
  },
  'dp-print-shop': {
    classes: [9, 4],
    grades: {
      'dm-accountant': 3,
      'dm-retired-banker': 1,
      'dm-syb-teacher': 1,
      'dm-shigatse-shopowner': 1,
      'dm-all-rounder': 1,
    },
  },
  'dp-cordyceps-trade': {
    classes: [4, 1],
    grades: {
      'dm-trade-lawyer': 3,
      'dm-livestreamer': 2,
      'dm-ip-lawyer': 1,
      'dm-all-rounder': 1,
    },
  },
};

export const projectInvestors: Record<string, JudgedQuery> = {
  'dp-yak-yogurt': {
    classes: [6, 7],
    grades: {
      'di-equipment-lease': 3,
      'di-herder-credit': 3,
      'di-impact-en': 3,
      'di-county-fund': 3,
      'di-guarantee-loan': 1,
      'di-agri-infra': 1,
      'di-broad-fund': 1,
      'di-angel-club': 1,
    },
  },
  'dp-yak-breeding': {
    classes: [6, 7, 2],
    grades: {
      'di-herder-credit': 3,
      'di-county-fund': 2,
      'di-guarantee-loan': 2,
      'di-impact-en': 2,
      'di-mortgage-bank': 1,
      'di-broad-fund': 1,
    },
  },
  'dp-tibetan-keyboard': {
    classes: [5, 10],
    grades: { 'di-digital-vc': 3, 'di-rd-grant': 2, 'di-broad-fund': 1 },
  },
  'dp-seabuckthorn': {
    classes: [5, 6],
    grades: {
      'di-equipment-lease': 3,
      'di-county-fund': 3,
      'di-guarantee-loan': 1,
      'di-women-loan': 1,
      'di-impact-en': 1,
      'di-agri-infra': 1,
      'di-broad-fund': 1,
      'di-angel-club': 1,
    },
  },
  'dp-veteran-garage': {
    classes: [7, 6, 5],
    grades: { 'di-veteran-fund': 3, 'di-guarantee-loan': 3, 'di-equipment-lease': 2, 'di-angel-club': 1 },
  },
  'dp-felt-women': {
    classes: [7, 5],
    grades: {
      'di-women-loan': 3,
      'di-impact-en': 3,
      'di-herder-credit': 2,
      'di-county-fund': 2,
      'di-culture-angel': 2,
      'di-tourism-loan': 1,
      'di-guarantee-loan': 1,
      'di-equipment-lease': 1,
    },
  },
  'dp-barley-beer': {
    classes: [5, 2],
    grades: { 'di-angel-club': 2, 'di-equipment-lease': 1, 'di-broad-fund': 1, 'di-rd-grant': 1 },
  },
  'dp-drone-grassland': {
    classes: [6, 5],
    grades: { 'di-rd-grant': 3, 'di-digital-vc': 3, 'di-broad-fund': 1 },
  },
  'dp-herbal-bath': {
    classes: [5, 2],
    grades: { 'di-angel-club': 3, 'di-guarantee-loan': 2, 'di-broad-fund': 1, 'di-culture-angel': 1 },
  },
  'dp-lulang-guesthouse': {
    classes: [10, 5, 7],
    grades: {
      'di-tourism-loan': 3,
      'di-guarantee-loan': 2,
      'di-student-grant': 2,
      'di-women-loan': 2,
      'di-impact-en': 2,
    },
  },
  'dp-cordyceps-trade': {
    classes: [7, 2, 5],
    grades: {
      'di-county-fund': 2,
      'di-herder-credit': 2,
      'di-guarantee-loan': 2,
      'di-mortgage-bank': 1,
      'di-coldchain-soe': 1,
      'di-broad-fund': 1,
      'di-angel-club': 1,
      'di-impact-en': 1,
    },
  },
  'dp-kids-coding': {
    classes: [5, 7],
    grades: { 'di-student-grant': 2, 'di-angel-club': 1, 'di-guarantee-loan': 1 },
  },
};

export const investorProjects: Record<string, JudgedQuery> = {
  'di-guarantee-loan': {
    classes: [5, 6, 7],
    grades: {
      'dp-veteran-garage': 3,
      'dp-herbal-bath': 2,
      'dp-gear-rental': 2,
      'dp-yak-breeding': 2,
      'dp-cordyceps-trade': 2,
      'dp-lulang-guesthouse': 2,
      'dp-print-shop': 1,
      'dp-tsampa-cafe': 1,
      'dp-incense': 1,
      'dp-ev-charging': 1,
      'dp-coldchain-fleet': 1,
      'dp-felt-women': 1,
      'dp-yak-yogurt': 1,
      'dp-nomad-homestay': 1,
      'dp-thangka-live': 1,
    },
  },
  'di-veteran-fund': { classes: [5, 7], grades: { 'dp-veteran-garage': 3 } },
  'di-women-loan': {
    classes: [5, 7],
    grades: {
      'dp-felt-women': 3,
      'dp-lulang-guesthouse': 3,
      'dp-tsampa-cafe': 1,
      'dp-seabuckthorn': 1,
      'dp-print-shop': 1,
      'dp-nomad-homestay': 1,
    },
  },
  'di-herder-credit': {
    classes: [5, 6, 7, 10],
    grades: {
      'dp-yak-breeding': 3,
      'dp-yak-yogurt': 2,
      'dp-felt-women': 2,
      'dp-cordyceps-trade': 2,
      'dp-nomad-homestay': 2,
      'dp-incense': 1,
    },
  },
  'di-mortgage-bank': {
    classes: [5],
    grades: { 'dp-coldchain-fleet': 2, 'dp-cordyceps-trade': 1, 'dp-yak-breeding': 1 },
  },
  'di-culture-angel': {
    classes: [5, 2],
    grades: { 'dp-thangka-live': 3, 'dp-incense': 3, 'dp-felt-women': 2, 'dp-herbal-bath': 1 },
  },
  'di-rd-grant': {
    classes: [6, 5],
    grades: { 'dp-drone-grassland': 3, 'dp-tibetan-keyboard': 2, 'dp-barley-beer': 1 },
  },
  'di-equipment-lease': {
    classes: [6],
    grades: {
      'dp-yak-yogurt': 3,
      'dp-seabuckthorn': 3,
      'dp-veteran-garage': 3,
      'dp-felt-women': 2,
      'dp-coldchain-fleet': 1,
      'dp-ev-charging': 1,
      'dp-solar-greenhouse': 1,
      'dp-barley-beer': 1,
    },
  },
  'di-impact-en': {
    classes: [5, 10, 7],
    grades: {
      'dp-felt-women': 3,
      'dp-yak-yogurt': 3,
      'dp-nomad-homestay': 3,
      'dp-yak-breeding': 2,
      'dp-lulang-guesthouse': 2,
      'dp-cordyceps-trade': 1,
      'dp-incense': 1,
      'dp-thangka-live': 1,
      'dp-seabuckthorn': 1,
    },
  },
  'di-supply-chain': {
    classes: [5, 6],
    grades: { 'dp-coldchain-fleet': 3, 'dp-cordyceps-trade': 1 },
  },
  'di-county-fund': {
    classes: [7, 1, 10],
    grades: {
      'dp-yak-yogurt': 3,
      'dp-seabuckthorn': 3,
      'dp-felt-women': 3,
      'dp-yak-breeding': 2,
      'dp-cordyceps-trade': 2,
      'dp-incense': 1,
      'dp-thangka-live': 1,
      'dp-lulang-guesthouse': 1,
    },
  },
  'di-angel-club': {
    classes: [5],
    grades: {
      'dp-tsampa-cafe': 3,
      'dp-herbal-bath': 3,
      'dp-barley-beer': 2,
      'dp-veteran-garage': 1,
      'dp-print-shop': 1,
      'dp-kids-coding': 1,
      'dp-gear-rental': 1,
      'dp-incense': 1,
      'dp-seabuckthorn': 1,
      'dp-yak-yogurt': 1,
    },
  },
};

export const projectTrainings: Record<string, JudgedQuery> = {
  'dp-thangka-live': {
    classes: [8, 2],
    grades: { 'dt-livestream': 3, 'dt-online-shop': 2, 'dt-tourism-marketing': 1, 'dt-shigatse-retail': 1 },
  },
  'dp-yak-yogurt': {
    classes: [1, 2],
    grades: { 'dt-food-sc': 3, 'dt-coldchain-ops': 2, 'dt-loan-clinic': 1 },
  },
  'dp-tsampa-cafe': {
    classes: [1, 4, 3],
    grades: { 'dt-ip-basics': 3, 'dt-tax-smb': 2, 'dt-livestream': 1 },
  },
  'dp-incense': {
    classes: [1, 4, 2, 3],
    grades: { 'dt-tax-smb': 3, 'dt-ip-basics': 1, 'dt-online-shop': 1 },
  },
  'dp-felt-women': {
    classes: [1, 7, 10],
    grades: {
      'dt-felt-design': 3,
      'dt-online-shop': 2,
      'dt-livestream': 2,
      'dt-tibetan-office': 1,
      'dt-loan-clinic': 1,
    },
  },
  'dp-sweet-tea-idea': {
    classes: [10, 11],
    grades: { 'dt-syb-lhasa': 3, 'dt-capability': 1, 'dt-tax-smb': 1, 'dt-loan-clinic': 1 },
  },
  'dp-lulang-guesthouse': {
    classes: [10, 1, 8],
    grades: { 'dt-homestay-enclave': 3, 'dt-tourism-marketing': 3, 'dt-livestream': 1 },
  },
  'dp-nomad-homestay': {
    classes: [10, 8],
    grades: {
      'dt-homestay-enclave': 3,
      'dt-tourism-marketing': 3,
      'dt-livestream': 2,
      'dt-online-shop': 1,
      'dt-tibetan-office': 1,
    },
  },
  'dp-veteran-garage': {
    classes: [7, 9],
    grades: { 'dt-veteran-camp': 3, 'dt-loan-clinic': 3 },
  },
  'dp-cordyceps-trade': {
    classes: [1, 8, 4],
    grades: { 'dt-online-shop': 3, 'dt-livestream': 2, 'dt-ip-basics': 1, 'dt-growth-mgmt': 1 },
  },
  'dp-gear-rental': {
    classes: [3, 10],
    grades: {
      'dt-tourism-marketing': 3,
      'dt-online-shop': 1,
      'dt-livestream': 1,
      'dt-homestay-enclave': 1,
    },
  },
  'dp-coldchain-fleet': {
    classes: [11, 2, 9],
    grades: { 'dt-growth-mgmt': 3, 'dt-fundraising': 3, 'dt-coldchain-ops': 1 },
  },
};

export const projectServices: Record<string, JudgedQuery> = {
  'dp-tsampa-cafe': {
    classes: [1, 4],
    grades: { 'ds-trademark': 3, 'ds-legal-counsel': 3, 'ds-license-agent': 3, 'ds-bookkeeping': 1 },
  },
  'dp-incense': {
    classes: [1, 4, 3],
    grades: { 'ds-bookkeeping': 3, 'ds-license-agent': 2, 'ds-legal-counsel': 1, 'ds-shop-operation': 1 },
  },
  'dp-yak-yogurt': {
    classes: [1, 2],
    grades: { 'ds-food-lab': 3, 'ds-coldstore': 3, 'ds-loan-desk': 1, 'ds-packaging': 1 },
  },
  'dp-kids-coding': {
    classes: [4, 1, 2, 3],
    grades: { 'ds-license-agent': 3, 'ds-legal-counsel': 1, 'ds-bookkeeping': 1 },
  },
  'dp-lulang-guesthouse': {
    classes: [1, 10],
    grades: { 'ds-fire-safety': 3, 'ds-photo-en': 3 },
  },
  'dp-tibetan-keyboard': {
    classes: [4, 2, 10],
    grades: {
      'ds-software-copyright': 3,
      'ds-trademark': 2,
      'ds-equity-design': 2,
      'ds-policy-filing': 1,
    },
  },
  'dp-cordyceps-trade': {
    classes: [4, 1],
    grades: { 'ds-legal-counsel': 3, 'ds-shop-operation': 2, 'ds-photo-en': 1, 'ds-packaging': 1 },
  },
  'dp-thangka-live': {
    classes: [8, 9],
    grades: { 'ds-live-room': 3, 'ds-shop-operation': 2, 'ds-photo-en': 1 },
  },
  'dp-print-shop': {
    classes: [9, 4],
    grades: { 'ds-bookkeeping': 3, 'ds-hr-social': 3 },
  },
  'dp-nomad-homestay': {
    classes: [10, 1],
    grades: { 'ds-photo-en': 3, 'ds-bo-translation': 2, 'ds-shop-operation': 1 },
  },
  'dp-barley-beer': {
    classes: [2, 1],
    grades: { 'ds-food-lab': 3, 'ds-license-agent': 1, 'ds-trademark': 1, 'ds-packaging': 1 },
  },
  'dp-drone-grassland': {
    classes: [4, 6],
    grades: {
      'ds-tech-transfer': 3,
      'ds-software-copyright': 2,
      'ds-policy-filing': 2,
      'ds-equity-design': 1,
    },
  },
  'dp-felt-women': {
    classes: [8, 7],
    grades: { 'ds-packaging': 3, 'ds-shop-operation': 3, 'ds-bo-translation': 1, 'ds-photo-en': 1 },
  },
};

export const trainingFounders: Record<string, JudgedQuery> = {
  'dt-livestream': {
    classes: [7, 8],
    grades: {
      'df-phuntsok-painter': 3,
      'df-x-migmar': 3,
      'df-yangzom': 2,
      'df-dekyi': 2,
      'df-nyima-nomad': 2,
      'df-x-wangdu': 2,
      'df-x-drolkar': 1,
      'df-tom-gear': 1,
      'df-tsering-cordyceps': 1,
      'df-norzin': 1,
    },
  },
  'dt-online-shop': {
    classes: [7, 1],
    grades: {
      'df-tsering-cordyceps': 3,
      'df-x-migmar': 3,
      'df-yangzom': 3,
      'df-x-wangdu': 3,
      'df-dekyi': 2,
      'df-tom-gear': 2,
      'df-phuntsok-painter': 2,
      'df-dawa-incense': 1,
      'df-x-drolkar': 1,
    },
  },
  'dt-food-sc': {
    classes: [7, 1],
    grades: { 'df-gyaltsen': 3, 'df-wang-lhunze': 3, 'df-chen-beer': 3, 'df-x-wangdu': 1 },
  },
  'dt-ip-basics': {
    classes: [7, 4],
    grades: {
      'df-tenzin-keyboard': 3,
      'df-yudron': 3,
      'df-li-drone': 2,
      'df-chen-beer': 1,
      'df-tsering-cordyceps': 1,
    },
  },
  'dt-tax-smb': {
    classes: [7, 4],
    grades: {
      'df-dawa-incense': 3,
      'df-ciren-print': 3,
      'df-x-zhou': 2,
      'df-lobsang-coop': 1,
      'df-yudron': 1,
    },
  },
  'dt-homestay-enclave': {
    classes: [7, 10],
    grades: { 'df-norzin': 3, 'df-nyima-nomad': 2, 'df-tom-gear': 1 },
  },
  'dt-felt-design': {
    classes: [7, 10],
    grades: { 'df-yangzom': 3, 'df-dekyi': 3, 'df-x-drolkar': 2, 'df-dawa-incense': 1, 'df-tom-gear': 1 },
  },
  'dt-fundraising': {
    classes: [7, 11],
    grades: {
      'df-zhang-fleet': 3,
      'df-tenzin-keyboard': 3,
      'df-li-drone': 3,
      'df-liu-charging': 3,
      'df-x-emily': 1,
      'df-huang-greenhouse': 1,
    },
  },
  'dt-growth-mgmt': {
    classes: [7, 11],
    grades: {
      'df-zhang-fleet': 3,
      'df-liu-charging': 1,
      'df-lobsang-coop': 1,
      'df-tsering-cordyceps': 1,
      'df-kelsang-bath': 1,
    },
  },
  'dt-python-ai': {
    classes: [7, 2],
    grades: { 'df-x-emily': 2, 'df-tenzin-keyboard': 2, 'df-li-drone': 2, 'df-sonam-coding': 1 },
  },
  'dt-loan-clinic': {
    classes: [7, 6],
    grades: {
      'df-jampa-veteran': 3,
      'df-wang-lhunze': 3,
      'df-lobsang-coop': 2,
      'df-gyaltsen': 2,
      'df-huang-greenhouse': 2,
      'df-x-ma-veteran': 1,
      'df-yangzom': 1,
      'df-x-basang': 1,
    },
  },
  'dt-capability': {
    classes: [7, 10],
    grades: {
      'df-pema-student': 2,
      'df-x-lhamo-student': 2,
      'df-x-basang': 1,
      'df-x-ma-veteran': 1,
      'df-x-migmar': 1,
    },
  },
  'dt-coldchain-ops': {
    classes: [7, 2],
    grades: { 'df-gyaltsen': 3, 'df-zhang-fleet': 2, 'df-x-ma-veteran': 1, 'df-x-wangdu': 1 },
  },
};
