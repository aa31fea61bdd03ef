// Lexicon of what a funder's thesis speaks about and what a project says of itself and its money
// (src/matching/thesis/): lines of business (what "we only fund …" / "不投 …" names), the groups a
// fund targets, what the money is used for, and the instruments a funder offers. Each concept is one
// row: its label in the three languages (for the explanations), Chinese and English phrases by weight
// ({ 1: […], 0.7: […] }), Tibetan phrases (matched as substrings, like Chinese ones) and, where
// needed, longer expressions that do not count. Weights and matching as in ./types.ts.
import { type LexiconEntry, tier } from './types.ts';

export interface Concept extends LexiconEntry {
  /** Tibetan phrases (substring match, like Chinese ones). */
  bo: string[];
  label: { zh: string; en: string; bo: string };
}

/** Phrases by weight: { 1: ['软件', …], 0.8: ['遥感', …] } (strongest first). */
type Tiers = Record<number, string[]>;
/** A concept as one row of a table. */
interface ConceptRow {
  label: [zh: string, en: string, bo: string];
  zh: Tiers;
  en: Tiers;
  bo: string[];
  exclude?: LexiconEntry['exclude'];
}

const phrases = (tiers: Tiers) =>
  Object.entries(tiers)
    .sort(([a], [b]) => Number(b) - Number(a))
    .flatMap(([w, xs]) => tier(Number(w), xs));

/** The concepts of a table, each as the matcher reads it. */
function concepts<K extends string>(table: Record<K, ConceptRow>): Record<K, Concept> {
  const out = {} as Record<K, Concept>;
  for (const k in table) {
    const { label, zh, en, bo, exclude } = table[k];
    out[k] = {
      zh: phrases(zh),
      en: phrases(en),
      bo,
      label: { zh: label[0], en: label[1], bo: label[2] },
      ...(exclude && { exclude }),
    };
  }
  return out;
}

/** Lines of business a thesis restricts to or excludes. */
export const businessConcepts = concepts({
  software: {
    label: ['软件和数字技术', 'software and digital technology', 'མཉེན་ཆས་དང་གྲངས་འཛིན་ལག་རྩལ'],
    zh: {
      1: ['软件', 'saas', '数字技术', '信息化', '人工智能', '算法', '输入法', '互联网', '物联网', '大数据'],
      0.8: ['遥感', '小程序', '应用程序', '数字化', '科技团队', '技术团队', '无人机应用'],
    },
    en: { 1: ['software', 'SaaS', 'app', 'AI', 'digital', 'data startup', 'internet'], 0.7: ['tech'] },
    bo: ['མཉེན་ཆས', 'གྲངས་འཛིན', 'མཐེབ་གཞོང'],
  },
  catering: {
    label: ['餐饮', 'catering', 'ཟ་ཁང་དང་བཟའ་བཏུང'],
    zh: {
      1: ['餐饮', '餐馆', '餐厅', '饭店', '饭馆', '茶馆', '甜茶馆', '茶饮', '早餐', '小吃', '咖啡馆', '面馆'],
      0.7: ['藏面', '酥油茶', '外卖'],
    },
    en: { 1: ['restaurant', 'catering', 'café', 'cafe', 'teahouse', 'food stall', 'eatery'] },
    bo: ['ཟ་ཁང', 'ཇ་ཁང'],
  },
  livestock: {
    label: ['养殖', 'livestock farming', 'ཕྱུགས་གསོ'],
    zh: { 1: ['养殖', '放牧', '畜牧', '家庭牧场', '育肥', '补饲', '圈养'], 0.7: ['牧场', '牲畜', '饲草'] },
    en: { 1: ['livestock', 'ranch', 'herding', 'animal husbandry', 'breeding'] },
    bo: ['ཕྱུགས་གསོ', 'ཕྱུགས་ཟོག'],
  },
  processing: {
    label: ['农产品加工', 'farm-product processing', 'ཞིང་འབྲོག་ཐོན་རྫས་བཟོ་བསྐྲུན'],
    zh: {
      1: ['农产品加工', '农畜产品加工', '食品加工', '加工点', '加工厂', '深加工', '食品生产'],
      0.7: ['酸奶', '原浆', '果汁', '灌装', '肉干', '糌粑加工'],
    },
    en: { 1: ['food processing', 'processing plant', 'dairy processing'] },
    bo: ['བཟོ་བསྐྲུན'],
  },
  store: {
    label: ['线下门店', 'shops and stores', 'ཚོང་ཁང'],
    zh: {
      1: ['线下门店', '实体店', '门店', '门面', '店铺', '小商铺', '连锁店', '分店'],
      0.7: ['零售', '开店', '快印店', '汽修店'],
    },
    en: { 1: ['shop', 'store', 'storefront', 'outlet', 'retail'] },
    bo: ['ཚོང་ཁང'],
  },
  crafts: {
    label: ['文化创意和手工艺', 'culture and crafts', 'རིག་གཞུང་གསར་གཏོད་དང་ལག་ཤེས'],
    zh: {
      1: ['文化创意', '文创', '非遗', '手工艺', '唐卡', '藏香', '民族服饰', '手工作坊', '传统手艺', '羊毛毡'],
      0.7: ['手工', '工艺品', '藏纸', '木碗', '皮具'],
    },
    en: { 1: ['craft', 'handicraft', 'cultural heritage', 'artisan', 'thangka', 'creative industry'] },
    bo: ['ལག་ཤེས', 'ཐང་ཀ', 'རིག་གཞུང'],
  },
  tourism: {
    label: ['旅游和民宿', 'tourism and guesthouses', 'ཡུལ་སྐོར་དང་མགྲོན་ཁང'],
    zh: {
      1: ['民宿', '家庭旅馆', '牧家乐', '农家乐', '客栈', '旅游接待', '乡村旅游', '户外服务', '文旅'],
      0.7: ['旅游', '游客', '徒步'],
    },
    en: { 1: ['guesthouse', 'homestay', 'tourism', 'tourist', 'trekking', 'trek'], 0.6: ['travel'] },
    bo: ['མགྲོན་ཁང', 'ཡུལ་སྐོར'],
  },
  heavy_assets: {
    label: ['重资产项目', 'asset-heavy projects', 'མ་རྩ་ལྕི་བའི་རྣམ་གྲངས'],
    zh: {
      1: ['重资产', '建厂房', '建厂', '生产线', '土建', '大型设备'],
      0.7: ['厂房', '冷库', '温室', '大棚', '冷藏车', '充电站'],
    },
    en: { 1: ['heavy asset', 'asset-heavy', 'capital-intensive', 'factory', 'plant construction'] },
    bo: ['མ་རྩ་ལྕི་བ'],
  },
  alcohol: {
    label: ['酒类', 'alcohol', 'ཆང་'],
    zh: { 1: ['酒类', '啤酒', '精酿', '白酒', '青稞酒', '酿酒', '酒吧', '烈酒'] },
    en: { 1: ['alcohol', 'beer', 'brewery', 'liquor', 'spirits', 'wine'] },
    bo: ['ཆང་'],
  },
  tobacco: {
    label: ['烟草', 'tobacco', 'ཐ་མག'],
    zh: { 1: ['烟草', '香烟', '卷烟', '电子烟'] },
    en: { 1: ['tobacco', 'cigarette'] },
    bo: ['ཐ་མག'],
  },
  mining: {
    label: ['采矿', 'mining', 'གཏེར་ཁ་བརྐོ་བ'],
    zh: { 1: ['采矿', '矿山', '矿产', '开矿', '采砂', '选矿'] },
    en: { 1: ['mining', 'mine', 'quarry'] },
    bo: ['གཏེར་ཁ'],
  },
  energy: {
    label: ['清洁能源', 'clean energy', 'གཙང་མའི་ནུས་རྒྱུ'],
    zh: { 1: ['清洁能源', '光伏', '新能源', '储能', '充电桩', '充电站', '风电', '微电网', '清洁供暖'] },
    en: { 1: ['clean energy', 'solar', 'photovoltaic', 'renewable', 'energy storage', 'EV charging'] },
    bo: ['གཙང་མའི་ནུས་རྒྱུ', 'ཉི་མའི་ནུས་ཤུགས'],
  },
  logistics: {
    label: ['物流', 'logistics', 'དངོས་རྫས་རྒྱུན་འགྲུལ'],
    zh: { 1: ['物流', '冷链', '配送', '仓储', '运输公司', '快递', '口岸'] },
    en: { 1: ['logistics', 'cold chain', 'delivery', 'warehousing', 'freight'] },
    bo: ['དངོས་རྫས་རྒྱུན་འགྲུལ', 'གྲང་རྒྱུད'],
  },
  trade: {
    label: ['商贸', 'trade', 'ཚོང་དོན'],
    zh: {
      1: ['商贸', '批发', '贸易', '边贸', '互市', '进出口', '外贸', '跨境电商', '代购', '分销'],
      0.7: ['进货', '经销', '收购'],
    },
    en: { 1: ['trade', 'trading', 'wholesale', 'import', 'export', 'distribution'] },
    bo: ['ཚོང་དོན', 'ཚོང་ལས'],
  },
  food_brand: {
    label: ['食品饮料和消费品牌', 'food, drinks and consumer brands', 'ཟས་བཏུང་དང་སྤྱོད་མཁོའི་ཚོང་རྟགས'],
    zh: {
      1: ['消费品牌', '特色食品', '食品饮料', '饮料', '饮品', '休闲食品', '零食', '乳制品', '保健品'],
      0.7: ['食品', '啤酒', '果汁', '酸奶', '糕点', '挂面', '茶叶', '回头客'],
    },
    en: { 1: ['consumer brand', 'food', 'beverage', 'drink', 'snack', 'dairy'] },
    bo: ['ཟས་རིགས', 'བཏུང་རིགས'],
  },
  education: {
    label: ['教育培训', 'education and training', 'སློབ་གསོ་དང་སྦྱོང་བརྡར'],
    zh: { 1: ['培训机构', '校外培训', '兴趣班', '教育培训', '托育', '幼儿园', '辅导班'] },
    en: { 1: ['tutoring', 'school', 'education', 'childcare'] },
    bo: ['སློབ་གསོ'],
  },
});
export type BusinessConcept = keyof typeof businessConcepts;

/**
 * Groups a fund targets. `founderGroup` is the founders' declared group that counts as the group
 * (women have none: only the prose says it).
 */
export const groupConcepts = concepts({
  women: {
    label: ['女性', 'women', 'བུད་མེད'],
    zh: { 1: ['女性', '妇女', '巾帼', '妇联', '女创业者', '女大学生'], 0.7: ['姐妹', '阿佳'] },
    en: { 1: ['women', 'woman', 'female', 'girls'] },
    bo: ['བུད་མེད', 'སྐྱེས་མ'],
  },
  veteran: {
    label: ['退役军人', 'veterans', 'དམག་ལས་ཕྱིར་ལོག་པའི་དམག་མི'],
    zh: { 1: ['退役军人', '退伍军人', '退伍', '退役', '部队', '军转'] },
    en: { 1: ['veteran', 'ex-serviceman', 'former soldier'] },
    bo: ['དམག་མི'],
  },
  herder: {
    label: ['农牧民', 'farmers and herders', 'ཞིང་འབྲོག་པ'],
    zh: { 1: ['农牧民', '牧民', '农民', '返乡农牧民', '牧区', '牧户', '农户'], 0.7: ['合作社', '村集体'] },
    en: { 1: ['herder', 'farmer', 'nomad', 'rural household', 'pastoral'] },
    bo: ['འབྲོག་པ', 'ཞིང་པ', 'ཞིང་འབྲོག'],
  },
  graduate: {
    label: ['高校毕业生', 'graduates', 'མཐོ་སློབ་མཐར་ཕྱིན་པ'],
    zh: { 1: ['高校毕业生', '大学毕业生', '毕业生', '毕业后', '大学毕业', '校友'] },
    en: { 1: ['graduate', 'alumni', 'after university'] },
    bo: ['སློབ་ཐོན', 'མཐར་ཕྱིན'],
  },
  student: {
    label: ['在校学生', 'students', 'སློབ་ཕྲུག'],
    zh: { 1: ['在校大学生', '在校生', '大学生', '在读', '大一', '大二', '大三', '大四', '研究生'] },
    en: { 1: ['student', 'undergraduate'] },
    bo: ['སློབ་མ', 'སློབ་ཕྲུག'],
  },
});
export type GroupConcept = keyof typeof groupConcepts;

/** What the money is for. */
export const useConcepts = concepts({
  equipment: {
    label: ['购置设备', 'equipment', 'སྒྲིག་ཆས་ཉོ་སྒྲུབ'],
    zh: {
      1: ['购置设备', '买设备', '购买设备', '生产设备', '添置设备', '设备购置', '灌装线', '冷藏车', '杀菌机'],
      0.8: ['设备', '机器', '车辆', '仪器', '针刺机', '举升机', '定位仪', '机械'],
    },
    en: { 1: ['equipment', 'machinery', 'machine', 'vehicle', 'truck'] },
    bo: ['སྒྲིག་ཆས', 'འཕྲུལ་ཆས'],
  },
  working_capital: {
    label: ['流动资金', 'working capital', 'རྒྱུན་འཁོར་མ་དངུལ'],
    zh: {
      1: ['流动资金', '周转资金', '经营周转', '周转', '备货', '垫付', '原料收购', '应收账款', '回款'],
      0.8: ['饲草', '进货', '日常经营', '季节性'],
    },
    en: { 1: ['working capital', 'inventory', 'stock', 'cash flow', 'receivables'] },
    bo: ['རྒྱུན་འཁོར་མ་དངུལ'],
  },
  construction: {
    label: ['建设和装修', 'construction', 'འཛུགས་སྐྲུན'],
    zh: {
      1: ['土建', '建设', '建厂房', '厂房', '大棚', '温室', '冷库', '基础设施', '装修', '改造', '建站'],
      0.7: ['扩建', '新建', '场地'],
    },
    en: { 1: ['construction', 'build', 'renovation', 'infrastructure', 'greenhouse', 'cold store'] },
    bo: ['འཛུགས་སྐྲུན'],
  },
  rnd: {
    label: ['研发', 'R&D', 'ཞིབ་འཇུག་གསར་སྤེལ'],
    zh: { 1: ['研发', '研发经费', '研发资金', '试验', '技术合作', '技术攻关', '科研'], 0.5: ['算法', '模型', '配方'] },
    en: { 1: ['R&D', 'research', 'development of the technology', 'prototype development'] },
    bo: ['ཞིབ་འཇུག'],
  },
});
export type UseConcept = keyof typeof useConcepts;

/** The instruments a funder offers (and a project asks for). */
export const instrumentConcepts = concepts({
  // Debt that calls itself 融资 (supply-chain, pledge, lease financing) is not equity.
  equity: {
    label: ['股权投资', 'equity', 'མ་ཆའི་མ་འཇོག'],
    zh: {
      1: ['股权投资', '股权', '参股', '天使投资', '天使轮', '战略投资', '创投', '融资', 'a轮', '入股'],
      0.7: ['投资人', '投资机构'],
    },
    en: { 1: ['equity', 'stake', 'seed round', 'angel', 'venture capital', 'patient capital'] },
    bo: ['མ་ཆ'],
    exclude: { zh: ['供应链融资', '质押融资', '融资租赁', '应收账款融资', '融资担保', '担保融资'] },
  },
  loan: {
    label: ['贷款', 'loans', 'བུ་ལོན'],
    zh: { 1: ['贷款', '借款', '信用贷', '贴息', '授信', '放款', '小额贷'] },
    en: { 1: ['loan', 'credit', 'lending', 'soft loan'] },
    bo: ['བུ་ལོན', 'སྐྱིན་འཇལ'],
  },
  grant: {
    label: ['补贴和资助', 'grants and subsidies', 'རོགས་དངུལ'],
    zh: { 1: ['补贴', '补助', '无偿资助', '以奖代补', '奖补', '资助', '扶持资金'] },
    en: { 1: ['grant', 'subsidy', 'award'] },
    bo: ['རོགས་དངུལ', 'རྒྱབ་སྐྱོར་མ་དངུལ'],
  },
  lease: {
    label: ['融资租赁', 'leasing', 'གླ་འཇོག'],
    zh: { 1: ['融资租赁', '租赁物', '以租代购'] },
    en: { 1: ['leasing', 'finance lease'] },
    bo: ['གླ་འཇོག'],
  },
});
export type InstrumentConcept = keyof typeof instrumentConcepts;
