// Whom a mentor helps, by stage (issue 23, class 11): phrases of a bio saying it works with founders
// starting out (first-time founders, an idea, from zero) or with companies that already run and grow
// (scaling, expansion, a second store). src/matching/stage-fit.ts compares them with a project's stage.
// Weights and matching as in ./types.ts. Tibetan phrases sit with the Chinese ones: both are matched as
// substrings, and a Tibetan phrase of several syllables (tsheg-separated) is as specific as a Chinese
// word; never list a single syllable.
import { type LexiconEntry, tier } from './types.ts';

export type MentoredStage = 'starting' | 'scaling';

export const stageLexicon: Record<MentoredStage, LexiconEntry> = {
  // Founders starting out: an idea, a first business, the first steps.
  starting: {
    zh: [
      ...tier(1.0, [
        '初次创业',
        '第一次创业',
        '首次创业',
        '创业新手',
        '新手创业者',
        '从零到一',
        '从0到1',
        '从零起步',
        '从零开始',
        '早期创业',
        '早期项目',
        '初创期',
        '初创阶段',
        '起步阶段',
        '刚起步',
        '刚开始创业',
        '想法阶段',
        '创意阶段',
        '只有想法',
        '还在想法',
        '种子期',
        // Tibetan: the stage labels' idea stage, starting a business for the first time, the starting stage.
        'བསམ་འཆར་གྱི་བར་སྐབས',
        'ཐེངས་དང་པོར་ལས་གཞི་གསར་འཛུགས',
        'འགོ་འཛུགས་པའི་བར་སྐབས',
        'འགོ་རྩོམ་པའི་བར་སྐབས',
      ]),
      ...tier(0.8, [
        '初创',
        '起步',
        '没有创业经验',
        '大学生创业',
        '毕业生创业',
        '创业启蒙',
        '零基础',
        '创业培训讲师',
        'syb',
        '一次性创业补贴',
        '手把手',
      ]),
      // Who starts businesses and what a first business needs: weak alone, two of them say it.
      ...tier(0.6, ['高校毕业生', '大学生', '返乡创业', '个体户', '营业执照办理', '办营业执照', '创业孵化', '入门']),
    ],
    en: [
      ...tier(1.0, [
        'first-time founder',
        'first time founder',
        'first-time entrepreneur',
        'idea stage',
        'idea-stage',
        'zero to one',
        'from scratch',
        'early-stage founder',
        'early stage founder',
        'pre-revenue',
        'just starting out',
        'starting out',
        'new founder',
        'aspiring entrepreneur',
        'pre-seed',
      ]),
      ...tier(0.8, [
        'early-stage',
        'early stage',
        'just an idea',
        'first business',
        'student founder',
        'MVP',
        'minimum viable product',
        'first product',
      ]),
      ...tier(0.6, ['graduate', 'student', 'get started', 'beginner', 'validate']),
    ],
  },
  // Companies that already sell and grow: scaling, expansion, more sites, a larger team.
  scaling: {
    zh: [
      ...tier(1.0, [
        '规模化',
        '扩大规模',
        '做大做强',
        '扩张期',
        '成长期企业',
        '成长型企业',
        '快速成长',
        '高速增长',
        '成熟企业',
        '连锁经营',
        '开分店',
        '第二家店',
        '多门店',
        '跨区域扩张',
        '二次创业',
        '转型升级',
        // Tibetan: the stage labels' growth stage, widening the scale of a business.
        'འཕེལ་རྒྱས་ཀྱི་བར་སྐབས',
        'ཚད་གཞི་ཆེ་རུ་གཏོང',
        'ཁྱབ་ཁོངས་རྒྱ་བསྐྱེད',
      ]),
      ...tier(0.8, [
        '成长期',
        '扩张',
        '扩大经营',
        '扩产',
        '扩大产能',
        '上规模',
        '已有营收',
        '稳定营收',
        '年营收',
        '连锁',
        '分店',
        '增长阶段',
        '门店标准化',
        'a轮',
        'b轮',
      ]),
      ...tier(0.6, ['标准化', '复制', '多家', '管理体系']),
    ],
    en: [
      ...tier(1.0, [
        'scale-up',
        'scaling',
        'scale up',
        'growth stage',
        'growth-stage',
        'growing company',
        'growing business',
        'established business',
        'established company',
        'expansion',
        'second store',
        'multiple stores',
      ]),
      ...tier(0.8, ['expand', 'growth', 'revenue-stage', 'mature company', 'series A', 'franchise']),
      ...tier(0.6, ['scale', 'standardization', 'several stores', 'hire managers']),
    ],
  },
};
