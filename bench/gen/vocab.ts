// Vocabulary of the synthetic data, taken from the seeds so the texts carry the same domain signal as
// real records: the lexicon's strong phrases per topic/sector (what inference and the lexical channel
// read), the zh/en labels, the 82 GB/T 2260 regions, plus sentence templates in the demo set's style.
import { sectorLexicon, topicLexicon, type LexiconSector } from '../../seeds/lexicon/index.ts';
import { labels } from '../../seeds/reference/labels.ts';
import { regions } from '../../seeds/reference/regions.ts';
import type { Sector, Topic } from '../../models/enums.ts';
import type { Rng } from './rng.ts';

/** Phrases strong enough to signal a value on their own (weight ≥ 0.8), by language. */
const strong = (e: { zh: { phrase: string; weight: number }[]; en: { phrase: string; weight: number }[] }) => ({
  zh: e.zh.filter((p) => p.weight >= 0.8).map((p) => p.phrase),
  en: e.en.filter((p) => p.weight >= 0.8).map((p) => p.phrase),
});
export const topicPhrases = Object.fromEntries(Object.entries(topicLexicon).map(([k, v]) => [k, strong(v)])) as Record<
  Topic,
  { zh: string[]; en: string[] }
>;
export const sectorPhrases = Object.fromEntries(
  Object.entries(sectorLexicon).map(([k, v]) => [k, strong(v)]),
) as Record<LexiconSector, { zh: string[]; en: string[] }>;

export const prefectures = regions.filter((r) => r.level === 'prefecture');
export const counties = regions.filter((r) => r.level === 'county');
export const regionName = new Map(regions.map((r) => [r.code, r]));
/** Rough weight of each prefecture in founders and projects (Lhasa and Shigatse dominate; Ngari is small and remote). */
const prefectureWeight: Record<string, number> = {
  '540100': 35,
  '540200': 15,
  '540300': 10,
  '540400': 12,
  '540500': 10,
  '540600': 8,
  '542500': 3,
};
const countiesOf = new Map(prefectures.map((p) => [p.code, counties.filter((c) => c.parentCode === p.code)]));
export const pickPrefecture = (rng: Rng) =>
  rng.weighted(prefectures.map((p) => [p.code, prefectureWeight[p.code] ?? 5] as const));
export const pickCounty = (rng: Rng, prefecture = pickPrefecture(rng)) => rng.pick(countiesOf.get(prefecture)!).code;

export const sectorWeights: [Sector, number][] = [
  ['plateau_biology', 25],
  ['culture_tourism', 22],
  ['green_industry', 8],
  ['clean_energy', 6],
  ['modern_services', 14],
  ['digital_tech', 12],
  ['border_trade_logistics', 8],
  ['other', 5],
];
export const sectorLabel = (s: Sector) => labels.sector[s];
export const topicLabel = (t: Topic) => labels.topic[t];

const surnames = [
  '次仁',
  '扎西',
  '格桑',
  '尼玛',
  '达瓦',
  '平措',
  '旦增',
  '索朗',
  '普布',
  '边巴',
  '洛桑',
  '巴桑',
  '次旦',
  '顿珠',
  '强巴',
  '白玛',
  '米玛',
  '拉巴',
];
const given = [
  '卓玛',
  '多吉',
  '央金',
  '拉姆',
  '德吉',
  '曲珍',
  '措姆',
  '玉珍',
  '罗布',
  '欧珠',
  '桑珠',
  '群培',
  '卓嘎',
  '央宗',
  '旺堆',
  '仓决',
];
const han = ['王', '李', '张', '刘', '陈', '杨', '赵', '周', '吴', '徐', '孙', '马'];
const hanGiven = ['建国', '晓燕', '海峰', '丽娟', '志强', '文静', '明远', '雪梅', '国庆', '子涵', '宇航', '佳怡'];
const enFirst = [
  'Tashi',
  'Sonam',
  'Tenzin',
  'Dawa',
  'Pema',
  'Norbu',
  'Lhamo',
  'Dolma',
  'Karma',
  'Yangchen',
  'Li',
  'Wang',
  'Chen',
];
const enLast = [
  'Dorje',
  'Tsering',
  'Wangmo',
  'Gyatso',
  'Dolkar',
  'Phuntsok',
  'Namgyal',
  'Lhundrup',
  'Wei',
  'Ming',
  'Jun',
];

export function personName(rng: Rng, en: boolean): string {
  if (en) return `${rng.pick(enFirst)} ${rng.pick(enLast)}`;
  return rng.chance(0.75) ? `${rng.pick(surnames)}${rng.pick(given)}` : `${rng.pick(han)}${rng.pick(hanGiven)}`;
}

export const products: Record<Sector, { zh: string[]; en: string[] }> = {
  plateau_biology: {
    zh: ['青稞饼干', '牦牛酸奶', '藏香猪腊肉', '黑枸杞原浆', '松茸礼盒', '高原蜂蜜', '奶渣零食', '沙棘果汁'],
    en: ['barley biscuits', 'yak yoghurt', 'goji juice', 'matsutake gift boxes', 'highland honey'],
  },
  culture_tourism: {
    zh: ['唐卡工作室', '藏式民宿', '徒步线路', '非遗手工体验', '藏戏文创', '牧家乐', '研学旅行'],
    en: ['thangka studio', 'guesthouse', 'trekking tours', 'craft workshops', 'homestay'],
  },
  green_industry: {
    zh: ['藏香', '氆氇织造', '藏纸', '天然饮用水', '羊绒围巾', '陶器'],
    en: ['incense', 'woollen weaving', 'Tibetan paper', 'drinking water', 'cashmere scarves'],
  },
  clean_energy: {
    zh: ['光伏电站运维', '光储微电网', '太阳能热水器', '户用光伏'],
    en: ['solar maintenance', 'PV microgrid', 'solar water heaters', 'rooftop solar'],
  },
  modern_services: {
    zh: ['家政服务', '社区养老', '餐饮连锁', '财务代账', '婚庆策划'],
    en: ['home services', 'elderly care', 'restaurant chain', 'bookkeeping office'],
  },
  digital_tech: {
    zh: ['藏汉双语小程序', '智慧牧场系统', '无人机巡检', '直播带货平台', '在线教育'],
    en: ['bilingual app', 'smart ranch system', 'drone inspection', 'live-streaming platform'],
  },
  border_trade_logistics: {
    zh: ['边民互市', '冷链配送', '跨境电商', '快递驿站', '口岸仓储'],
    en: ['border market trade', 'cold-chain delivery', 'cross-border e-commerce', 'parcel station'],
  },
  other: { zh: ['便利店', '洗车店', '打印店', '理发店'], en: ['convenience store', 'car wash', 'print shop'] },
};

export const zhConnectors = ['目前', '同时', '另外', '下一步', '现阶段', '我们希望', '团队计划', '遇到的困难是'];
export const enConnectors = ['Right now', 'Meanwhile', 'Next', 'We also', 'Our plan is to', 'The main difficulty is'];
