// Stage fit (issue 23, class 11). For mentors: a bio says whom a mentor helps — founders starting out
// or companies that grow (seeds/lexicon/stages.ts) — and a first idea needs the first kind, a growing
// company the second. Mentors have no stage column; their bio is read once per text. For a training's
// cohort: the stages the training is for against the stages of each founder's projects (linked records).
import { STAGES, type Stage } from '../../models/enums.ts';
import { type MentoredStage, stageLexicon } from '../../seeds/lexicon/stages.ts';
import { compileLexicon, type LexiconMatcher } from './infer.ts';
import { labelled, list, say } from './text.ts';
import type { Feature, Profile, Texts } from './types.ts';

/** How well help for each kind of founder fits a project's stage (a growing company still learns from starters' mentors a little). */
const FIT: Record<MentoredStage, Record<Stage, number>> = {
  starting: { idea: 1, prototype: 0.8, early_revenue: 0.5, growth: 0.1 },
  scaling: { idea: 0, prototype: 0.2, early_revenue: 0.6, growth: 1 },
};

const WHOM: Record<MentoredStage, Texts> = {
  starting: say('起步阶段的创业者', 'founders starting out', 'འགོ་འཛུགས་པའི་བར་སྐབས་ཀྱི་ལས་གཞི་གསར་འཛུགས་པ'),
  scaling: say('成长扩张中的企业', 'growing companies', 'འཕེལ་རྒྱས་འགྲོ་བཞིན་པའི་ཁེ་ལས'),
};

let matcher: LexiconMatcher<MentoredStage> | undefined;
/** Bios read, by text: a mentor's bio changes rarely and is read for every project it is ranked for. */
const read = new Map<string, MentoredStage[]>();
const READ_MAX = 20_000;

/** The kinds of founders a bio says the mentor helps (none when it does not say). */
export function mentoredStages(bio: unknown): MentoredStage[] {
  if (typeof bio !== 'string' || !bio.trim()) return [];
  let stages = read.get(bio);
  if (!stages) {
    matcher ??= compileLexicon(stageLexicon);
    stages = matcher.match(bio).map((m) => m.key);
    if (read.size >= READ_MAX) read.clear();
    read.set(bio, stages);
  }
  return stages;
}

/**
 * The project's stage against whom the mentor's bio says it helps: the best fit of the kinds it names.
 * Not applicable when the bio says nothing about stage or the project has no known stage.
 */
export function mentorStageFit(bioOf: (c: Profile) => unknown = (c) => c.row.bio): Feature<Profile> {
  return {
    id: 'stage',
    compute(s, c) {
      const stage = s.row.stage as Stage;
      const stages = mentoredStages(bioOf(c));
      if (!stages.length || !(stage in FIT.starting)) return null;
      let value = 0;
      for (const k of stages) value = Math.max(value, FIT[k][stage]);
      const whom = (l: 'zh' | 'en' | 'bo') =>
        list(
          l,
          stages.map((k) => WHOM[k][l]),
        );
      return {
        value,
        detail: () =>
          value >= 0.5
            ? labelled(
                'stage',
                [stage],
                (l) => `导师辅导${whom('zh')}，适合${l}`,
                (l) => `Mentors ${whom('en')}, fits the ${l} stage`,
                (l) => `ཁྲིད་སྟོན་དགེ་རྒན་གྱིས་${whom('bo')}་ལ་རྒྱབ་སྐྱོར་བྱེད། ${l}་དང་མཐུན`,
              )
            : labelled(
                'stage',
                [stage],
                (l) => `导师多辅导${whom('zh')}，与${l}不太相符`,
                (l) => `Mentors ${whom('en')}, less suited to the ${l} stage`,
                (l) => `ཁྲིད་སྟོན་དགེ་རྒན་གྱིས་${whom('bo')}་ལ་རྒྱབ་སྐྱོར་བྱེད། ${l}་དང་ཧ་ཅང་མི་མཐུན`,
              ),
      };
    },
  };
}

/** A founder without a project has at most an idea. */
const NO_PROJECT: readonly Stage[] = ['idea'];
/** Fit of a stage one step away from those the training is for (two or more steps: none). */
const NEXT_STAGE = 0.5;

/**
 * The stages a training is for (its `stages`; none = every stage, not applicable) against the stages
 * of the founder's projects (`stagesOf`, a founder without a project counts as at the idea stage): 1
 * when one of them is among the training's, NEXT_STAGE when one is a step away, else 0.
 */
export function cohortStageFit(stagesOf: (c: Profile) => readonly string[]): Feature<Profile> {
  return {
    id: 'stage',
    compute(s, c) {
      const wanted: readonly string[] = s.row.stages ?? [];
      if (!wanted.length) return null;
      const own = stagesOf(c);
      const theirs = (own.length ? own : NO_PROJECT).filter((x): x is Stage => STAGES.includes(x as Stage));
      let value = 0;
      let best: Stage | undefined;
      for (const st of theirs) {
        const steps = Math.min(...wanted.map((w) => Math.abs(STAGES.indexOf(w as Stage) - STAGES.indexOf(st))));
        const v = steps === 0 ? 1 : steps === 1 ? NEXT_STAGE : 0;
        if (v > value || !best) [value, best] = [v, st];
      }
      if (!best) return null;
      const at = best;
      return { value, detail: () => cohortStageText(at, value, own.length > 0) };
    },
  };
}

/** "其项目阶段：成长阶段（符合培训对象）", "No project yet: Idea (not what the training is for)" … */
function cohortStageText(stage: Stage, value: number, hasProject: boolean): Texts {
  const how = value >= 1 ? 0 : value > 0 ? 1 : 2;
  const zh = ['符合培训对象', '与培训对象相近', '不是培训对象'][how];
  const en = ['as the training is for', 'close to what the training is for', 'not what the training is for'][how];
  const bo = ['སྦྱོང་བརྡར་དམིགས་ཡུལ་དང་མཐུན', 'སྦྱོང་བརྡར་དམིགས་ཡུལ་དང་ཉེ', 'སྦྱོང་བརྡར་དམིགས་ཡུལ་དང་མི་མཐུན'][how];
  return labelled(
    'stage',
    [stage],
    (l) => `${hasProject ? '其项目阶段' : '尚无项目'}：${l}（${zh}）`,
    (l) => `${hasProject ? "Their project's stage" : 'No project yet'}: ${l} (${en})`,
    (l) => `${hasProject ? 'ཁོང་གི་ལས་གཞིའི་བར་སྐབས' : 'ད་དུང་ལས་གཞི་མེད'}: ${l} (${bo})`,
  );
}
