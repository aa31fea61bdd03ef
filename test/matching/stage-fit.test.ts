// Stage fit for mentors (issue 23, class 11): whom a bio says the mentor helps, against the project's stage.
import { describe, expect, it } from 'vitest';
import { scoreCandidate } from '../../src/matching/engine.ts';
import { projectMentors } from '../../src/matching/recipes/project-mentors.ts';
import { cohortStageFit, mentoredStages, mentorStageFit } from '../../src/matching/stage-fit.ts';
import { profile, projectSource } from './profiles.ts';

const project = (stage: string) => projectSource({ id: 'p', stage, regionCode: '540102', languages: ['zh'] });
const mentor = (bio: string) =>
  profile({
    id: bio.slice(0, 8),
    bio,
    expertise: [],
    sectors: [],
    regionCode: '540102',
    languages: ['zh'],
    remote: true,
  });

const STARTERS = '专门辅导第一次创业的大学生，从想法到商业计划书。';
const SCALERS = 'I work with growing companies on scaling: a second store, standard operations and a Series A.';
const TIBETAN_SCALERS = 'ཁེ་ལས་ཀྱི་ཚད་གཞི་ཆེ་རུ་གཏོང་བར་རོགས་རམ་བྱེད།';

describe('mentoredStages', () => {
  it('reads whom a bio says the mentor helps, in Chinese, English and Tibetan', () => {
    expect(mentoredStages(STARTERS)).toEqual(['starting']);
    expect(mentoredStages(SCALERS)).toEqual(['scaling']);
    expect(mentoredStages(TIBETAN_SCALERS)).toEqual(['scaling']);
    expect(mentoredStages('I mentor first-time founders and help growing companies scale up.').sort()).toEqual([
      'scaling',
      'starting',
    ]);
  });

  it('says nothing for a bio without stage, a negated one, or bad input', () => {
    expect(mentoredStages('注册会计师，擅长建账和报税。')).toEqual([]);
    expect(mentoredStages('不考虑初创项目，只看财务报表。')).toEqual([]);
    expect(mentoredStages('')).toEqual([]);
    expect(mentoredStages(null)).toEqual([]);
    expect(mentoredStages(42)).toEqual([]);
  });
});

describe('mentorStageFit', () => {
  const f = mentorStageFit();

  it('fits a starters mentor to an idea and a scaling mentor to a growing company, not the reverse', () => {
    expect(f.compute(project('idea'), mentor(STARTERS))!.value).toBe(1);
    expect(f.compute(project('growth'), mentor(SCALERS))!.value).toBe(1);
    expect(f.compute(project('idea'), mentor(SCALERS))!.value).toBe(0);
    expect(f.compute(project('growth'), mentor(STARTERS))!.value).toBeLessThan(0.5);
    expect(f.compute(project('early_revenue'), mentor(SCALERS))!.value).toBeGreaterThan(
      f.compute(project('early_revenue'), mentor(STARTERS))!.value,
    );
  });

  it('does not apply without a stage in the bio or a known project stage', () => {
    expect(f.compute(project('idea'), mentor('律师，处理合同纠纷。'))).toBeNull();
    expect(f.compute(project('unknown'), mentor(STARTERS))).toBeNull();
    expect(f.compute(project('idea'), profile({ id: 'm' }))).toBeNull();
  });

  it('explains in every language', () => {
    const d = f.compute(project('idea'), mentor(STARTERS))!.detail();
    expect(d.zh).toContain('起步阶段');
    expect(d.en).toMatch(/founders starting out, fits the Idea stage/);
    expect(d.bo).toContain('བསམ་འཆར་གྱི་བར་སྐབས');
  });

  it('ranks, among two otherwise equal mentors, the one whose bio fits the stage first', () => {
    const score = (stage: string, bio: string) =>
      scoreCandidate(projectMentors, projectMentors.defaultWeights, project(stage), mentor(bio)).score;
    expect(score('idea', STARTERS)).toBeGreaterThan(score('idea', SCALERS));
    expect(score('growth', SCALERS)).toBeGreaterThan(score('growth', STARTERS));
  });
});

describe("cohortStageFit: the stages a training is for against the founder's projects", () => {
  const feature = cohortStageFit((c) => c.row.projectStages);
  const training = (stages: string[]) => profile({ id: 't', stages });
  const founder = (projectStages: string[]) => profile({ id: 'f', projectStages });

  it('fits a project at one of the stages, one step away in part, further not at all', () => {
    const growth = training(['early_revenue', 'growth']);
    expect(feature.compute(growth, founder(['growth']))!.value).toBe(1);
    expect(feature.compute(growth, founder(['prototype']))!.value).toBe(0.5);
    // The best of several projects.
    expect(feature.compute(growth, founder(['idea', 'early_revenue']))!.value).toBe(1);
    const d = feature.compute(growth, founder(['growth']))!.detail();
    expect(d).toEqual({
      zh: '其项目阶段：成长阶段（符合培训对象）',
      en: "Their project's stage: Growth (as the training is for)",
      bo: 'ཁོང་གི་ལས་གཞིའི་བར་སྐབས: འཕེལ་རྒྱས་ཀྱི་བར་སྐབས (སྦྱོང་བརྡར་དམིགས་ཡུལ་དང་མཐུན)',
    });
  });

  it('a founder without a project is at the idea stage; a training for every stage leaves the feature out', () => {
    const none = feature.compute(training(['early_revenue', 'growth']), founder([]))!;
    expect(none.value).toBe(0);
    expect(none.detail().en).toBe('No project yet: Idea (not what the training is for)');
    expect(feature.compute(training(['idea', 'prototype']), founder([]))!.value).toBe(1);
    expect(feature.compute(training([]), founder(['growth']))).toBeNull();
  });

  it('ignores stages it does not know', () => {
    expect(feature.compute(training(['growth']), founder(['bogus']))).toBeNull();
    expect(feature.compute(training(['bogus']), founder(['growth']))!.value).toBe(0);
  });
});
