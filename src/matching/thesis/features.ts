// The thesis features of the funder journeys (project→investors and investor→projects): written for
// a (project, investor) pair; the investor→projects recipe swaps the roles.
import { SECTORS } from '../../../models/enums.ts';
import { bestListedSector, DIFFERENT_SECTOR, OPEN_TO_ALL_SECTORS, sameSectorText } from '../features.ts';
import { labelled, say } from '../text.ts';
import type { Feature, Profile, Texts } from '../types.ts';
import { fitThesis, fitUses, type ThesisFit, useLabels } from './fit.ts';
import { type ProjectFacts, type ThesisReading, readProject, readThesis } from './read.ts';

/** The investor's thesis, read once per text. */
export const thesisOf = (investor: Profile): ThesisReading => readThesis(String(investor.row.thesis ?? ''));

/**
 * Whether the investor's thesis names founders' groups (only, prefer, mention or exclude): only then do
 * its features read a project's founders' groups, a computed column the candidate index lacks.
 */
export const thesisNamesGroups = (investor: Profile): boolean =>
  Object.values(thesisOf(investor).groups).some((g) => g.size > 0);

/** FNV-1a of a string: tells one version of a project's text from another. */
function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Past this many projects the cache starts over (about 100 bytes each). */
const FACTS_CACHE_MAX = 200_000;
/**
 * Facts per project id and founders' groups, with the hash of the text they were read from. Keyed by
 * id, not by row object: rows read back from SQL are new objects on every query, and reading an
 * investor's few hundred projects' prose again on each call cost more than the rest of the call.
 */
const factsById = new Map<string, { hash: number; facts: ProjectFacts }>();

/** The project's facts: its title and description, stage and founders' groups (declared). */
export function factsOf(project: Profile, founderGroups: readonly string[]): ProjectFacts {
  const { id, title, description, stage } = project.row;
  const text = `${title ?? ''}。${description ?? ''}`;
  const key = `${id}|${founderGroups.join(',')}`;
  const hash = textHash(`${stage}|${text}`);
  const had = factsById.get(key);
  if (had?.hash === hash) return had.facts;
  if (factsById.size >= FACTS_CACHE_MAX) factsById.clear();
  const facts = readProject(text, String(stage ?? ''), founderGroups);
  factsById.set(key, { hash, facts });
  return facts;
}

/** Where a pair's project and investor are, and the project's founders' groups. */
export interface FunderPair {
  project: (s: Profile, c: Profile) => Profile;
  investor: (s: Profile, c: Profile) => Profile;
  founderGroups: (s: Profile, c: Profile) => readonly string[];
}

const fits = new WeakMap<ThesisReading, WeakMap<ProjectFacts, ThesisFit>>();
/** The fit of one thesis and one project (readings are cached objects: the fit is computed once per pair of texts). */
export function pairFit(pair: FunderPair, s: Profile, c: Profile): ThesisFit {
  const t = thesisOf(pair.investor(s, c));
  const p = factsOf(pair.project(s, c), pair.founderGroups(s, c));
  let byProject = fits.get(t);
  if (!byProject) fits.set(t, (byProject = new WeakMap()));
  let f = byProject.get(p);
  if (!f) byProject.set(p, (f = fitThesis(t, p)));
  return f;
}

const EXCLUDED = say('不符合投资方条件：', 'Excluded by the thesis: ', 'མ་འཇོག་པའི་ཆ་རྐྱེན་དང་མི་མཐུན: ');
const joined = (xs: Texts[]): Texts =>
  say(
    EXCLUDED.zh + xs.map((x) => x.zh).join('；'),
    EXCLUDED.en + xs.map((x) => x.en).join('; '),
    EXCLUDED.bo + xs.map((x) => x.bo).join('། '),
  );

/**
 * The thesis's constraints ("only …", "no …", preconditions, uses the money may not serve): 0 for a
 * project that violates one, not applicable otherwise, so that a violator is demoted by the feature's
 * weight while the others are ranked on the rest. The reason is a note (recipe notes), as a 0 is not
 * listed among the contributions.
 */
export const thesisRules = (
  pair: FunderPair,
  readsComputed: Feature<Profile>['readsComputed'] = false,
): Feature<Profile> => ({
  id: 'thesis_rules',
  readsComputed,
  compute(s, c) {
    const f = pairFit(pair, s, c);
    if (!f.violations.length) return null;
    return { value: 0, detail: () => joined(f.violations) };
  },
});

/** The notes of a pair: why the thesis excludes the project (nothing when it does not). */
export const thesisNotes = (pair: FunderPair, s: Profile, c: Profile): Texts[] => {
  const f = pairFit(pair, s, c);
  return f.violations.length ? [joined(f.violations)] : [];
};

/**
 * Evidence worth at most this is against the project ("different focus" 0.4, "not the target group"
 * 0.5): never listed as a reason for it, only as a caution.
 */
export const CAUTION_AT_MOST = 0.5;
const CAUTION = say('注意：', 'Caution: ', 'གཟབ་དགོས: ');

/**
 * What the thesis says specifically and the project shows: a satisfied "only" focus, a preferred
 * line of business or target group, a precondition met or waived (the mean of these, 0.25–1); not
 * applicable when the thesis says nothing specific. The reason names the best two pieces of evidence
 * for the project and, after them, the weakest against it as a caution.
 */
export const thesisFocus = (
  pair: FunderPair,
  readsComputed: Feature<Profile>['readsComputed'] = false,
): Feature<Profile> => ({
  id: 'thesis',
  readsComputed,
  compute(s, c) {
    const { evidence } = pairFit(pair, s, c);
    if (!evidence.length) return null;
    const value = evidence.reduce((a, e) => a + e.value, 0) / evidence.length;
    return { value, detail: () => thesisText(evidence) };
  },
});

/** "投资方向相符：…；注意：不是重点面向的群体" (for first, then one caution). */
export function thesisText(evidence: readonly { value: number; text: Texts }[]): Texts {
  const sorted = [...evidence].sort((a, b) => b.value - a.value);
  const parts = sorted
    .filter((e) => e.value > CAUTION_AT_MOST)
    .slice(0, 2)
    .map((e) => e.text);
  const against = sorted.filter((e) => e.value <= CAUTION_AT_MOST).at(-1);
  if (against)
    parts.push(say(CAUTION.zh + against.text.zh, CAUTION.en + against.text.en, CAUTION.bo + against.text.bo));
  return say(parts.map((e) => e.zh).join('；'), parts.map((e) => e.en).join('; '), parts.map((e) => e.bo).join('། '));
}

/** What the money is for (from the project's prose) against what the funder's money serves: graded per use. */
export const fundsUse = (pair: FunderPair): Feature<Profile> => ({
  id: 'purpose',
  compute(s, c) {
    const inv = pair.investor(s, c);
    const u = fitUses(thesisOf(inv), String(inv.row.kind ?? ''), factsOf(pair.project(s, c), []));
    if (!u) return null;
    return {
      value: u.value,
      detail: () => {
        if (u.hit.length) {
          const l = useLabels(u.hit);
          return say(`资金用途相符：${l.zh}`, `Use of the money fits: ${l.en}`, `མ་དངུལ་གྱི་བེད་སྤྱོད་མཐུན་པ: ${l.bo}`);
        }
        const l = useLabels(u.miss);
        return say(
          `资金用途不太相符：${l.zh}`,
          `Use of the money fits poorly: ${l.en}`,
          `མ་དངུལ་གྱི་བེད་སྤྱོད་མི་མཐུན: ${l.bo}`,
        );
      },
    };
  },
});

const SECTOR_COUNT = SECTORS.length;
/**
 * The project's sector against the investor's, in sectorFit's shape (features.ts): an empty list is
 * open (never below a broad list), a list of many sectors says little (normalised by its length), and
 * an open thesis whose prose names the project's sector counts as a focus.
 */
export const sectorFocus = (
  projectSectors: (s: Profile, c: Profile) => Record<string, number>,
  investor: (s: Profile, c: Profile) => Profile,
  open = 0.5,
): Feature<Profile> => ({
  id: 'sector',
  compute(s, c) {
    const mine = projectSectors(s, c);
    const inv = investor(s, c);
    const list: string[] = inv.row.sectors ?? [];
    if (!list.length) {
      let best = 0;
      let which = '';
      for (const x of inv.inferredSectors) {
        const v = (mine[x.sector] ?? 0) * Math.min(1, x.score);
        if (v > best) [best, which] = [v, x.sector];
      }
      if (!best) return { value: open, detail: () => OPEN_TO_ALL_SECTORS };
      return {
        value: open + (1 - open) * best,
        detail: () =>
          labelled(
            'sector',
            [which],
            (l) => `投资方向提到：${l}`,
            (l) => `The thesis names: ${l}`,
            (l) => `མ་འཇོག་ཁ་ཕྱོགས་སུ་བཀོད་པ: ${l}`,
          ),
      };
    }
    const { best, which } = bestListedSector(mine, list);
    if (!best) return { value: 0, detail: () => DIFFERENT_SECTOR };
    // One sector ticked: full weight; every sector ticked: no more than an open list.
    const breadth = 1 - (1 - open) * ((list.length - 1) / (SECTOR_COUNT - 1));
    return { value: Math.max(open, best * breadth), detail: () => sameSectorText(which) };
  },
});
