// Enumeration labels and region names in the display languages. The data lives in seeds/reference
// (labels.ts, regions.ts); these functions only read it. A missing translation reads in Chinese, an
// unknown value reads as itself: a label never throws.
import type { Lang } from '../../models/enums.ts';
import { labels } from '../../seeds/reference/labels.ts';
import { regions } from '../../seeds/reference/regions.ts';
import type { SeedRegion } from '../../seeds/reference/types.ts';

export type LabelKind = keyof typeof labels;
type Texts = Partial<Record<Lang, string>>;

const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

/** The label of an enumeration value, e.g. enumLabel('bo', 'sector', 'culture_tourism') → རིག་གནས་ཡུལ་སྐོར. */
export function enumLabel(lang: Lang, kind: LabelKind, value: string): string {
  const label = own<Texts>(own(labels as Record<string, Record<string, Texts>>, kind), value);
  return label?.[lang] || label?.zh || value;
}

/** The language enumLabel answers in: `lang`, or 'zh' when that translation is missing. */
export function enumLabelLang(lang: Lang, kind: LabelKind, value: string): Lang {
  const label = own<Texts>(own(labels as Record<string, Record<string, Texts>>, kind), value);
  return label?.[lang] ? lang : 'zh';
}

const byCode = new Map<string, SeedRegion>(regions.map((r) => [r.code, r]));
const regionNames = (r: SeedRegion): Texts => ({ zh: r.nameZh, en: r.nameEn, bo: r.nameBo });

/** A GB/T 2260 region's name (the region, a prefecture or a county); Chinese when it has none in `lang`, the code when unknown. */
export function regionName(code: string, lang: Lang): string {
  const r = byCode.get(code);
  return r ? regionNames(r)[lang] || r.nameZh : code;
}

/** The language regionName answers in ('zh' also for an unknown code). */
export function regionNameLang(code: string, lang: Lang): Lang {
  const r = byCode.get(code);
  return r && regionNames(r)[lang] ? lang : 'zh';
}
