// Stage fit for mentors (issue 23, class 11): whom a bio says the mentor helps, against the project's stage.
import { describe, expect, it } from 'vitest';
import { scoreCandidate } from '../../src/matching/engine.ts';
import { projectMentors } from '../../src/matching/recipes/project-mentors.ts';
import { mentoredStages, mentorStageFit } from '../../src/matching/stage-fit.ts';
import type { Profile, ProjectSource } from '../../src/matching/types.ts';

const profile = (row: Record<string, any>): Profile => ({
  row,
  vector: null,
  lexemes: new Set(),
  topics: {},
  sectors: {},
  inferredTopics: [],
  inferredSectors: [],
});
const project = (stage: string): ProjectSource => ({
  ...profile({ id: 'p', stage, regionCode: '540102', languages: ['zh'] }),
  founders: [],
  introduced: new Set(),
  enrolledTrainings: new Set(),
  today: '2026-01-01',
});
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
