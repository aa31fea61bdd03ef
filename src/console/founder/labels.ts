// Enumeration labels, region names and the form's option lists in the reader's language. The labels
// come from seeds/reference (zh/en); Tibetan readers read Chinese until the shared Tibetan labels
// (src/i18n/labels.ts) land, after which enumLabel/regionName here become re-exports of those.
import type { Lang } from '../../../models/enums.ts';
import { labels } from '../../../seeds/reference/labels.ts';
import { regions } from '../../../seeds/reference/regions.ts';
import type { Option } from '../components.tsx';

export type LabelKind = keyof typeof labels;
type Texts = Partial<Record<Lang, string>>;

export function enumLabel(lang: Lang, kind: LabelKind, value: string): string {
  const label = (labels[kind] as Record<string, Texts>)[value];
  return label?.[lang] || label?.zh || value;
}

const byCode = new Map(regions.map((r) => [r.code, r]));
const regionTexts = (r: (typeof regions)[number]): Texts => ({
  zh: r.nameZh,
  en: r.nameEn,
  bo: (r as { nameBo?: string }).nameBo,
});

export function regionName(code: string, lang: Lang): string {
  const r = byCode.get(code);
  return r ? regionTexts(r)[lang] || r.nameZh : code;
}

/** Every value of an enumeration as options, in the contract's order. */
export const enumOptions = (lang: Lang, kind: LabelKind, values: readonly string[]): Option[] =>
  values.map((value) => ({ value, label: enumLabel(lang, kind, value) }));

/** The 82 regions: the region, each prefecture, and its counties named "prefecture · county". */
export const regionOptions = (lang: Lang): Option[] =>
  regions.map((r) => ({
    value: r.code,
    label:
      r.level === 'county' && r.parentCode
        ? `${regionName(r.parentCode, lang)} · ${regionName(r.code, lang)}`
        : regionName(r.code, lang),
  }));
