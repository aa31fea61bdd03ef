// Deterministic bilingual startup texts for benchmarks: short (~5–10 words) and ~100 tokens.
const zh = [
  '藏药材',
  '电商',
  '牦牛酸奶',
  '青稞',
  '民宿',
  '唐卡',
  '光伏',
  '冷链物流',
  '小程序',
  '手工藏香',
  '旅游向导',
  '农牧民合作社',
  '直播带货',
  '财税',
  '知识产权',
  '创业贷款',
];
const en = [
  'yak',
  'solar',
  'guesthouse',
  'e-commerce',
  'herbal',
  'medicine',
  'tourism',
  'logistics',
  'barley',
  'craft',
  'marketing',
  'startup',
  'loan',
  'training',
];

const pick = <T>(xs: T[], i: number) => xs[Math.abs(i) % xs.length];

export const shortText = (i: number) =>
  `${pick(zh, i)}${pick(zh, i * 7 + 3)}项目 ${pick(en, i * 3)} ${pick(en, i * 5 + 1)} ${pick(zh, i * 11 + 5)}`;

export function longText(i: number): string {
  const parts: string[] = [];
  for (let k = 0; k < 12; k++)
    parts.push(
      k % 3 === 2 ? `${pick(en, i + k * 13)} ${pick(en, i * k + 2)}` : `${pick(zh, i + k * 7)}${pick(zh, i * k + 1)}`,
    );
  return `我们在拉萨和林芝开展${parts.join('，')}。计划明年扩大规模，需要导师在市场营销和融资方面提供指导。`;
}
