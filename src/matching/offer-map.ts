// Needs ↔ offers across topics (issue 23, class 8): an offer of a related topic earns partial credit
// for a need (seeds/lexicon/offers.ts), so a live-streaming course serves an e-commerce need and a
// bookkeeping course a tax need, below an offer of the need's own topic.
import { offerMap } from '../../seeds/lexicon/offers.ts';
import { enumLabel } from '../i18n/labels.ts';
import { topicCoverage } from './features.ts';
import { list, say } from './text.ts';
import type { Feature, Profile, ReasonLang, Texts } from './types.ts';

/** Needs each offer topic serves in part: offer → [need, credit] (the map read the other way, once). */
const serves = new Map<string, [string, number][]>();
for (const [need, offers] of Object.entries(offerMap))
  for (const [offer, credit] of Object.entries(offers ?? {})) {
    if (!(credit > 0 && credit < 1)) throw new Error(`offers.ts: credit of ${offer} for ${need} must lie in (0, 1)`);
    serves.set(offer, [...(serves.get(offer) ?? []), [need, credit]]);
  }

/** The needs an offer of `offer` serves, with their credit: its own topic (1) first, then related ones. */
export const needsServedBy = (offer: string): readonly [need: string, credit: number][] => [
  [offer, 1],
  ...(serves.get(offer) ?? []),
];

/** The credit an offer of `offer` earns for a need of `need`: 1 for the same topic, the map's credit, else 0. */
export function offerCredit(need: string, offer: string): number {
  if (need === offer) return 1;
  return (offerMap as Record<string, Record<string, number> | undefined>)[need]?.[offer] ?? 0;
}

/**
 * How much of the needs one offer topic meets (a service's category): the best of need weight ×
 * credit, and the need it serves (null when none).
 */
export function servedNeed(needs: Record<string, number>, offer: string): { need: string; value: number } | null {
  let best: { need: string; value: number } | null = null;
  for (const [need, w] of Object.entries(needs)) {
    const v = w * offerCredit(need, offer);
    if (v > (best?.value ?? 0)) best = { need, value: v };
  }
  return best;
}

/** A candidate's offers and, for each need it serves only through a related topic, the topic that serves it. */
export interface RelatedOffers {
  weights: Record<string, number>;
  via: Record<string, string>;
}

/**
 * The offers with the needs they serve through related topics: a need's weight is the best of its
 * own offer and (related offer's weight × credit). An offer of the need's own topic is never lowered.
 */
export function withRelated(offers: Record<string, number>): RelatedOffers {
  const weights = { ...offers };
  const via: Record<string, string> = {};
  for (const [offer, w] of Object.entries(offers)) {
    if (!(w > 0)) continue;
    for (const [need, credit] of serves.get(offer) ?? []) {
      if (w * credit > (weights[need] ?? 0)) {
        weights[need] = w * credit;
        via[need] = offer;
      }
    }
  }
  return { weights, via };
}

const topicLabel = (lang: ReasonLang, t: string) => enumLabel(lang, 'topic', t);
/** "电子商务（经 数字技能）" for each need served through a related offer. */
export function relatedText(pairs: [need: string, offer: string][]): Texts {
  const of = (lang: ReasonLang, item: (n: string, o: string) => string) =>
    list(
      lang,
      pairs.map(([n, o]) => item(topicLabel(lang, n), topicLabel(lang, o))),
    );
  return say(
    `相关内容部分满足需求：${of('zh', (n, o) => `${n}（经${o}）`)}`,
    `Partly meets needs through related offers: ${of('en', (n, o) => `${n} (via ${o})`)}`,
    `འབྲེལ་ཡོད་ནང་དོན་གྱིས་དགོས་མཁོ་ཆ་ཤས་ཙམ་ཁྱབ་པ: ${of('bo', (n, o) => `${n} (${o} བརྒྱུད་)`)}`,
  );
}

/**
 * topicCoverage (features.ts) over the candidate's offers widened by the offer map: a need met only by
 * a related topic counts at that topic's credit, and the explanation says through which topic. An
 * offer most candidates make counts less (tag-stats.ts).
 */
export function offerCoverage(
  needs: (s: Profile) => Record<string, number>,
  offers: (c: Profile) => Record<string, number>,
  what: Texts,
): Feature<Profile> {
  // Widened once per candidate profile (a candidate is scored against one source per call).
  const widened = new WeakMap<Profile, { own: Record<string, number> } & RelatedOffers>();
  const related = (c: Profile) => {
    let r = widened.get(c);
    if (!r) {
      const own = offers(c);
      widened.set(c, (r = { own, ...withRelated(own) }));
    }
    return r;
  };
  const coverage = topicCoverage(needs, (c) => related(c).weights, what, undefined, { discountCommon: true });
  // What the candidate's own topics cover, for the explanation of a candidate that also serves through related ones.
  const direct = topicCoverage(needs, (c) => related(c).own, what, undefined, { discountCommon: true });
  return {
    id: coverage.id,
    compute(s, c) {
      const r = coverage.compute(s, c);
      if (!r?.value) return r;
      const { via } = related(c);
      const through = Object.keys(needs(s))
        .filter((n) => via[n])
        .map((n): [string, string] => [n, via[n]]);
      if (!through.length) return r;
      return {
        value: r.value,
        detail: () => {
          const rel = relatedText(through);
          const own = direct.compute(s, c);
          if (!own?.value) return rel;
          const d = own.detail();
          return say(`${d.zh}；${rel.zh}`, `${d.en}; ${rel.en}`, `${d.bo}། ${rel.bo}`);
        },
      };
    },
  };
}
