// Features shared by the recipes. Each returns a value in [0, 1] and a sentence a coach can read.
import { samePrefecture } from '../../models/regions/codes.ts';
import { displayKeyword, isConceptToken } from '../embedding/lexical.ts';
import { regionName } from '../i18n/labels.ts';
import { correctedSimilarity } from './hub.ts';
import { describeInferred } from './infer.ts';
import { domainFit, isSectorIndependent } from './needs.ts';
import { labelled, list, pct, say } from './text.ts';
import { tagDiscount } from './tag-stats.ts';
import type { Feature, FeatureValue, Profile, ReasonLang, Texts } from './types.ts';

/** A region code's name in every language (Chinese where it has no Tibetan name, the code itself when unknown). */
export const regionLabel = (code: string): Texts =>
  say(regionName(code, 'zh'), regionName(code, 'en'), regionName(code, 'bo'));
const name = regionLabel;

export function cosine(a: number[], b: number[]): number {
  if (a.length !== b.length) return 0;
  let dot = 0,
    na = 0,
    nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Meaning of the two texts (embedding cosine, hub-corrected: hub.ts); not applicable while either vector is missing. */
export const semantic: Feature<Profile> = {
  id: 'semantic',
  compute(s, c) {
    const similarity = c.pair ? c.pair.similarity : s.vector && c.vector ? cosine(s.vector, c.vector) : null;
    if (similarity === null) return null;
    const v = Math.max(0, Math.min(1, correctedSimilarity(s, similarity)));
    return {
      value: v,
      detail: () =>
        say(
          `描述语义相似度 ${pct(v)}`,
          `Semantic similarity of the descriptions ${pct(v)}`,
          `འགྲེལ་བཤད་ཀྱི་དོན་འདྲ་ཚད ${pct(v)}`,
        ),
    };
  },
};

/**
 * Shared words (jieba tokens), as the cosine of the two token sets: finds matches a weak model misses.
 * `shown` picks the words the explanation may list (the score counts them all).
 */
export const lexicalFeature = (shown: (word: string) => boolean = () => true): Feature<Profile> => ({
  id: 'lexical',
  compute(s, c) {
    const size = c.pair ? c.pair.lexemeCount : c.lexemes.size;
    if (!s.lexemes.size || !size) return null;
    const theirs = c.pair ? c.pair.shared : c.lexemes;
    // Counted over the smaller set (a candidate shares a few of the source's words); the explanation
    // lists them in the source's order.
    let n = 0;
    if (theirs.size < s.lexemes.size) for (const t of theirs) n += s.lexemes.has(t) ? 1 : 0;
    else for (const t of s.lexemes) n += theirs.has(t) ? 1 : 0;
    const v = n / Math.sqrt(s.lexemes.size * size);
    return {
      value: Math.min(1, v * 2),
      detail: () => {
        const all = [...s.lexemes].filter((t) => theirs.has(t));
        const shared = all
          .filter((t) => shown(t) && !isConceptToken(t))
          .slice(0, 5)
          .map(displayKeyword);
        if (shared.length)
          return say(
            `共同关键词：${list('zh', shared)}`,
            `Shared keywords: ${list('en', shared)}`,
            `ཐུན་མོང་གི་གནད་ཚིག: ${list('bo', shared)}`,
          );
        return all.length
          ? say('有共同关键词（不列出）', 'Shared keywords (not listed)', 'ཐུན་མོང་གི་གནད་ཚིག་ཡོད། (ཐོ་མི་འགོད)')
          : say('没有共同关键词', 'No shared keywords', 'ཐུན་མོང་གི་གནད་ཚིག་མེད');
      },
    };
  },
});
export const lexical = lexicalFeature();

/**
 * How much of what the source needs the candidate offers (topic weights: the prose first, ticks as a prior,
 * needs.ts). With `domain` (the source's and the candidate's sector weights), a need that depends on the
 * industry counts in full only from a candidate of the source's industry or of none (skill × domain:
 * marketing for a dairy from a dairy marketer rather than a tourism one); legal, tax, IP … count in full.
 * With `discountCommon`, a topic counts less the more of the candidate table carries it (tag-stats.ts).
 */
export function topicCoverage(
  needs: (s: Profile) => Record<string, number>,
  offers: (c: Profile) => Record<string, number>,
  what: Texts,
  domain?: { source: (s: Profile) => Record<string, number>; candidate: (c: Profile) => Record<string, number> },
  { discountCommon = false }: { discountCommon?: boolean } = {},
): Feature<Profile> {
  // The source's needs, listed once per source rather than once per candidate.
  const listed = new WeakMap<Profile, { entries: [string, number, boolean][]; total: number }>();
  return {
    id: 'topics',
    compute(s, c) {
      let need = listed.get(s);
      if (!need) {
        const entries = Object.entries(needs(s)).map(([t, w]): [string, number, boolean] => [
          t,
          w,
          !!domain && !isSectorIndependent(t),
        ]);
        listed.set(s, (need = { entries, total: entries.reduce((a, [, w]) => a + w, 0) }));
      }
      const { entries, total } = need;
      if (!total) return null;
      const offer = offers(c);
      let covered = 0;
      let fit = -1;
      const hit: string[] = [];
      for (const [t, w, dependent] of entries) {
        if (offer[t]) {
          if (dependent && fit < 0) fit = domainFit(domain!.source(s), domain!.candidate(c));
          covered += w * offer[t] * (discountCommon ? tagDiscount(s, 'topics', t) : 1) * (dependent ? fit : 1);
          hit.push(t);
        }
      }
      const v = covered / total;
      if (!hit.length)
        return {
          value: 0,
          detail: () => say(`${what.zh}：无重合`, `${what.en}: no overlap`, `${what.bo}: མཐུན་ཆ་མེད`),
        };
      return {
        value: v,
        detail: () =>
          labelled(
            'topic',
            hit,
            (l) => `${what.zh}：${l}`,
            (l) => `${what.en}: ${l}`,
            (l) => `${what.bo}: ${l}`,
          ),
      };
    },
  };
}

/** "不限产业": a candidate whose sector list is empty (open to all). */
export const OPEN_TO_ALL_SECTORS = say('不限产业', 'Open to all sectors', 'ཐོན་ལས་ལ་ཚོད་འཛིན་མེད');
/** "产业不同": none of the candidate's sectors is the source's. */
export const DIFFERENT_SECTOR = say('产业不同', 'Different sector', 'ཐོན་ལས་མི་འདྲ');
/** "同一产业：旅游文化" */
export const sameSectorText = (sector: string) =>
  labelled(
    'sector',
    [sector],
    (l) => `同一产业：${l}`,
    (l) => `Same sector: ${l}`,
    (l) => `ཐོན་ལས་གཅིག་པ: ${l}`,
  );

/** The sector of `list` the source weighs most (`mine`): its weight and name (0 and '' when none). */
export function bestListedSector(
  mine: Record<string, number>,
  list: readonly string[],
): { best: number; which: string } {
  let best = 0;
  let which = '';
  for (const sec of list) if ((mine[sec] ?? 0) > best) [best, which] = [mine[sec], sec];
  return { best, which };
}

/**
 * The source's sector among the candidate's sectors (an empty list = open to all sectors). With
 * `independence` (the share of the source's needs that do not depend on the industry, needs.ts), the
 * value moves towards 1 by that share: a tax or trademark specialist without a sector tag is not ranked
 * below a same-sector generalist for a tax need, and for such a need skill fit (topics) decides.
 */
export function sectorFit(
  sectorOf: (s: Profile) => Record<string, number>,
  listOf: (c: Profile) => string[],
  openValue = 0.4,
  independence?: (s: Profile) => number,
): Feature<Profile> {
  // Once per source, not per candidate.
  const shares = new WeakMap<Profile, number>();
  const shareOf = (s: Profile) => {
    let d = shares.get(s);
    if (d === undefined) shares.set(s, (d = independence ? Math.max(0, Math.min(1, independence(s))) : 0));
    return d;
  };
  return {
    id: 'sector',
    compute(s, c) {
      const d = shareOf(s);
      const lift = (v: number) => d + (1 - d) * v;
      const list = listOf(c);
      if (!list.length)
        return { value: lift(openValue), detail: () => (d >= 0.5 ? sectorFree(s) : OPEN_TO_ALL_SECTORS) };
      const { best, which } = bestListedSector(sectorOf(s), list);
      if (!best) return { value: lift(0), detail: () => (d >= 0.5 ? sectorFree(s) : DIFFERENT_SECTOR) };
      return { value: lift(best), detail: () => sameSectorText(which) };
    },
  };
}

/** Why the sector did not count: the source's needs are the same in every industry (its own, most weighty first). */
const sectorFree = (s: Profile) =>
  labelled(
    'topic',
    Object.keys(s.topics)
      .filter(isSectorIndependent)
      .sort((a, b) => s.topics[b] - s.topics[a]),
    (l) => `需求不分产业：${l}`,
    (l) => `The need is the same in every sector: ${l}`,
    (l) => `དགོས་མཁོ་ཐོན་ལས་ཡོངས་ལ་གཅིག་མཚུངས: ${l}`,
  );

const sameCounty = (n: Texts) => say(`同一县区：${n.zh}`, `Same county: ${n.en}`, `རྫོང་(ཆུས་)གཅིག་པ: ${n.bo}`);
/** "同一地(市)：拉萨市" in every language (also the cohort reasons of training-founders). */
export const samePrefectureText = (p: Texts) =>
  say(`同一地(市)：${p.zh}`, `Same prefecture: ${p.en}`, `ས་ཁུལ་(གྲོང་ཁྱེར་)གཅིག་པ: ${p.bo}`);
const elsewhereRemote = (n: Texts) =>
  say(`异地（${n.zh}），可远程`, `Elsewhere (${n.en}), remote`, `ས་གནས་མི་འདྲ་བ (${n.bo})། ཐག་རིང་ནས་བྱེད་ཐུབ`);

/** Same county > same prefecture > elsewhere (remote / online). */
export function regionCloseness(a: (s: Profile) => string, b: (c: Profile) => string): Feature<Profile> {
  return {
    id: 'region',
    tieBreaker: true,
    compute(s, c) {
      const x = a(s);
      const y = b(c);
      // Names are looked up only for the results explained (details are lazy).
      if (x === y) return { value: 1, detail: () => sameCounty(name(x)) };
      if (x !== '540000' && y !== '540000' && samePrefecture(x, y))
        return { value: 0.7, detail: () => samePrefectureText(name(`${x.slice(0, 4)}00`)) };
      return { value: 0.3, detail: () => elsewhereRemote(name(y)) };
    },
  };
}

/**
 * The share of the source's languages the candidate speaks. Not a tie-breaker: beyond the one shared
 * language a rule may require, a Tibetan-speaking founder is served better in Tibetan (measured).
 */
export const languages: Feature<Profile> = {
  id: 'language',
  compute(s, c) {
    const mine: string[] = s.row.languages ?? [];
    if (!mine.length) return null;
    const theirs: string[] = c.row.languages ?? [];
    const shared = mine.filter((l) => theirs.includes(l));
    return {
      value: shared.length / mine.length,
      detail: () =>
        labelled(
          'lang',
          shared,
          (l) => `共同语言：${l}`,
          (l) => `Shared languages: ${l}`,
          (l) => `ཐུན་མོང་གི་སྐད་ཡིག: ${l}`,
        ),
    };
  },
};

/** Stage among the candidate's stages (empty = any stage). */
export function stageFit(stageOf: (s: Profile) => string, listOf: (c: Profile) => string[]): Feature<Profile> {
  return {
    id: 'stage',
    compute(s, c) {
      const list = listOf(c);
      if (!list.length) return { value: 0.5, detail: () => say('不限阶段', 'Any stage', 'བར་སྐབས་ལ་ཚོད་འཛིན་མེད') };
      const st = stageOf(s);
      return list.includes(st)
        ? {
            value: 1,
            detail: () =>
              labelled(
                'stage',
                [st],
                (l) => `阶段相符：${l}`,
                (l) => `Stage fits: ${l}`,
                (l) => `བར་སྐབས་མཐུན་པ: ${l}`,
              ),
          }
        : { value: 0, detail: () => say('阶段不符', 'Stage does not fit', 'བར་སྐབས་མི་མཐུན') };
    },
  };
}

/** A reason for topics recognised in the prose rather than declared (the coach sees why). */
export function inferredReason(p: Profile, declared: string[], lang: ReasonLang): string | null {
  const extra = p.inferredTopics.filter((t) => !declared.includes(t.topic));
  return extra.length ? describeInferred(extra as never, lang) : null;
}

export type { FeatureValue };
