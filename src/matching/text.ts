import { labels } from '../../seeds/reference/labels.ts';
import type { Bilingual } from './types.ts';

type Group = keyof typeof labels;
/** "电子商务、市场营销" / "E-commerce, Marketing" */
function labelList(group: Group, values: string[]): Bilingual {
  const l = labels[group] as Record<string, Bilingual>;
  return {
    zh: values.map((v) => l[v]?.zh ?? v).join('、'),
    en: values.map((v) => l[v]?.en ?? v).join(', '),
  };
}
export const bi = (zh: string, en: string): Bilingual => ({ zh, en });
/** A sentence in both languages around a label list: labelled('stage', ['seed'], (l) => `阶段：${l}`, (l) => `Stage: ${l}`). */
export function labelled(
  group: Group,
  values: string[],
  zh: (l: string) => string,
  en: (l: string) => string,
): Bilingual {
  const l = labelList(group, values);
  return bi(zh(l.zh), en(l.en));
}
export const pct = (x: number) => `${Math.round(x * 100)}%`;
