// Option lists of the console's forms in the reader's language (labels from src/i18n/labels.ts).
import { regions } from '../../seeds/reference/regions.ts';
import type { Lang } from '../i18n/lang.ts';
import { enumLabel, type LabelKind, regionName } from '../i18n/labels.ts';
import type { Option } from './components.tsx';

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
