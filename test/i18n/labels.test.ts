// enumLabel and regionName: the console's enumeration labels and region names in zh, en and bo, read
// from seeds/reference; a missing translation reads in Chinese, an unknown value as itself.
import { describe, expect, it } from 'vitest';
import * as enums from '../../models/enums.ts';
import { enumLabel, enumLabelLang, type LabelKind, regionName, regionNameLang } from '../../src/i18n/labels.ts';
import { labels } from '../../seeds/reference/labels.ts';
import { regions } from '../../seeds/reference/regions.ts';

const TIBETAN_ONLY = /^[\u0F00-\u0FFF ()]+$/u;
const kinds = Object.keys(labels) as LabelKind[];

describe('enumLabel', () => {
  it('every value of every enumeration has a Tibetan label in Tibetan script (and zh, en)', () => {
    let n = 0;
    for (const kind of kinds)
      for (const [value, label] of Object.entries(labels[kind])) {
        expect(label.bo, `${kind}.${value}`).toMatch(TIBETAN_ONLY);
        expect(label.bo, `${kind}.${value}: no closing shad inside sentences`).not.toMatch(/།$/);
        expect(enumLabel('bo', kind, value)).toBe(label.bo);
        expect(enumLabel('zh', kind, value)).toBe(label.zh);
        expect(enumLabel('en', kind, value)).toBe(label.en);
        expect(enumLabelLang('bo', kind, value)).toBe('bo');
        n++;
      }
    expect(n).toBeGreaterThan(90);
  });

  it('labels cover exactly the values of the enumerations in models/enums.ts', () => {
    const pairs: [LabelKind, readonly string[]][] = [
      ['lang', enums.LANGS],
      ['sector', enums.SECTORS],
      ['stage', enums.STAGES],
      ['topic', enums.TOPICS],
      ['founderGroup', enums.FOUNDER_GROUPS],
    ];
    for (const [kind, values] of pairs) expect(Object.keys(labels[kind]).sort(), kind).toEqual([...values].sort());
  });

  it('reads known Tibetan terms', () => {
    expect(enumLabel('bo', 'lang', 'bo')).toBe('བོད་ཡིག');
    expect(enumLabel('bo', 'lang', 'zh')).toBe('རྒྱ་ཡིག');
    expect(enumLabel('bo', 'topic', 'ecommerce')).toBe('གློག་རྡུལ་ཚོང་དོན');
    expect(enumLabel('bo', 'founderGroup', 'farmer_herder')).toBe('ཞིང་འབྲོག་པ');
    expect(enumLabel('bo', 'investorKind', 'bank')).toBe('དངུལ་ཁང');
  });

  it('an unknown value reads as itself, in every language, and never throws', () => {
    for (const lang of ['zh', 'en', 'bo'] as const) {
      expect(enumLabel(lang, 'sector', 'space_mining')).toBe('space_mining');
      expect(enumLabel(lang, 'sector', '')).toBe('');
      // names of Object.prototype are not labels
      for (const proto of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
        expect(enumLabel(lang, 'topic', proto)).toBe(proto);
      expect(enumLabel(lang, 'noSuchKind' as LabelKind, 'idea')).toBe('idea');
      expect(enumLabel(lang, 'constructor' as LabelKind, 'name')).toBe('name');
      expect(enumLabelLang(lang, 'sector', 'space_mining')).toBe('zh');
    }
  });

  it('a missing translation reads in Chinese', () => {
    const group = labels.stage as unknown as Record<string, { zh: string; en: string; bo?: string }>;
    const saved = group.idea.bo;
    try {
      delete group.idea.bo;
      expect(enumLabel('bo', 'stage', 'idea')).toBe('创意阶段');
      expect(enumLabelLang('bo', 'stage', 'idea')).toBe('zh');
      group.idea.bo = '';
      expect(enumLabel('bo', 'stage', 'idea')).toBe('创意阶段');
    } finally {
      group.idea.bo = saved;
    }
    expect(enumLabel('bo', 'stage', 'idea')).toBe(saved);
  });
});

describe('regionName', () => {
  it('names the region and its seven prefectures in Tibetan', () => {
    expect(regionName('540000', 'bo')).toBe('བོད་རང་སྐྱོང་ལྗོངས');
    expect(
      ['540100', '540200', '540300', '540400', '540500', '540600', '542500'].map((c) => regionName(c, 'bo')),
    ).toEqual(['ལྷ་ས', 'གཞིས་ཀ་རྩེ', 'ཆབ་མདོ', 'ཉིང་ཁྲི', 'ལྷོ་ཁ', 'ནག་ཆུ', 'མངའ་རིས']);
  });

  it('every Tibetan name is in Tibetan script; counties end in རྫོང, ཆུས or གྲོང་ཁྱེར as their Chinese names in 县, 区 or 市', () => {
    const suffix = { 县: 'རྫོང', 区: 'ཆུས', 市: 'གྲོང་ཁྱེར' } as Record<string, string>;
    let named = 0;
    for (const r of regions) {
      if (!r.nameBo) continue;
      named++;
      expect(r.nameBo, r.code).toMatch(TIBETAN_ONLY);
      if (r.level === 'county') expect(r.nameBo, r.nameZh).toMatch(new RegExp(`་${suffix[r.nameZh.slice(-1)]}$`, 'u'));
    }
    expect(regions).toHaveLength(82);
    expect(named).toBeGreaterThanOrEqual(80);
    expect(new Set(regions.filter((r) => r.nameBo).map((r) => r.nameBo)).size, 'distinct').toBe(named);
  });

  it('zh and en names as in the reference data; counties in Tibetan', () => {
    expect(regionName('540102', 'zh')).toBe('城关区');
    expect(regionName('540102', 'en')).toBe('Chengguan District');
    expect(regionName('540223', 'bo')).toBe('དིང་རི་རྫོང'); // 定日县 Tingri
    expect(regionName('540233', 'bo')).toBe('གྲོ་མོ་རྫོང'); // 亚东县 Dromo
    expect(regionName('540481', 'bo')).toBe('སྨན་གླིང་གྲོང་ཁྱེར'); // 米林市
    expect(regionNameLang('540223', 'bo')).toBe('bo');
  });

  it('a region without a Tibetan name reads in Chinese, and says so', () => {
    const without = regions.filter((r) => !r.nameBo);
    expect(without.map((r) => r.code).sort()).toEqual(['540402', '540602']);
    for (const r of without) {
      expect(regionName(r.code, 'bo')).toBe(r.nameZh);
      expect(regionNameLang(r.code, 'bo')).toBe('zh');
      expect(regionName(r.code, 'en')).toBe(r.nameEn);
    }
  });

  it('an unknown code reads as itself and never throws', () => {
    for (const lang of ['zh', 'en', 'bo'] as const)
      for (const code of ['999999', '', '540422', 'constructor', '__proto__']) {
        expect(regionName(code, lang)).toBe(code);
        expect(regionNameLang(code, lang)).toBe('zh');
      }
  });
});
