// Needs ↔ offers across topics (issue 23, class 8): related offers earn partial credit, below the need's own topic.
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../models/enums.ts';
import { offerMap } from '../../seeds/lexicon/offers.ts';
import { offerCredit, servedNeed, withRelated } from '../../src/matching/offer-map.ts';
import { projectServices } from '../../src/matching/recipes/project-services.ts';
import { projectTrainings } from '../../src/matching/recipes/project-trainings.ts';
import type { Profile, ProjectSource } from '../../src/matching/types.ts';
import { profile, projectSource } from './profiles.ts';

const project = (needs: Record<string, number>): ProjectSource =>
  projectSource({ id: 'p', regionCode: '540102', stage: 'idea', needs: Object.keys(needs), languages: ['zh'] }, needs);
const feature = (recipe: { features: { id: string }[] }, id: string) =>
  recipe.features.find((f) => f.id === id) as unknown as {
    compute(s: Profile, c: Profile): { value: number; detail: () => { zh: string; en: string; bo: string } } | null;
  };

describe('the offer map', () => {
  it('names topics only, with credits below a same-topic offer', () => {
    for (const [need, offers] of Object.entries(offerMap)) {
      expect(TOPICS).toContain(need);
      for (const [offer, credit] of Object.entries(offers ?? {})) {
        expect(TOPICS).toContain(offer);
        expect(offer).not.toBe(need);
        expect(credit).toBeGreaterThan(0);
        expect(credit).toBeLessThan(1);
      }
    }
  });

  it('credits a related offer in part, the same topic in full, an unrelated one not at all', () => {
    expect(offerCredit('ecommerce', 'ecommerce')).toBe(1);
    expect(offerCredit('ecommerce', 'digital_skills')).toBeGreaterThan(0);
    expect(offerCredit('ecommerce', 'digital_skills')).toBeLessThan(1);
    expect(offerCredit('ecommerce', 'tech_transfer')).toBe(0);
    expect(offerCredit('no_such_topic', 'ecommerce')).toBe(0);
  });

  it('widens offers without lowering an own topic, and ignores offers of no weight', () => {
    const { weights, via } = withRelated({ digital_skills: 1, ecommerce: 0.9, legal: 0, marketing: -1 });
    expect(weights.ecommerce).toBe(0.9);
    expect(via.ecommerce).toBeUndefined();
    expect(weights.digital_skills).toBe(1);
    expect(via.ip).toBeUndefined(); // legal at 0 serves nothing
    const inferred = withRelated({ digital_skills: 0.7 });
    expect(inferred.weights.ecommerce).toBeCloseTo(0.7 * offerCredit('ecommerce', 'digital_skills'));
    expect(inferred.via.ecommerce).toBe('digital_skills');
    expect(withRelated({})).toEqual({ weights: {}, via: {} });
  });

  it('finds the need one offer serves best', () => {
    expect(servedNeed({ ecommerce: 1 }, 'ecommerce')).toEqual({ need: 'ecommerce', value: 1 });
    expect(servedNeed({ ecommerce: 1, legal: 0.5 }, 'marketing')?.need).toBe('ecommerce');
    expect(servedNeed({ legal: 1 }, 'digital_skills')).toBeNull();
    expect(servedNeed({}, 'ecommerce')).toBeNull();
  });
});

describe('project → trainings: a related training covers a need in part', () => {
  const topics = feature(projectTrainings, 'topics');
  const training = (t: string[]) => profile({ id: t.join(), topics: t });
  const s = project({ ecommerce: 1 });

  it('ranks the same topic over a related one over an unrelated one', () => {
    const own = topics.compute(s, training(['ecommerce']))!.value;
    const related = topics.compute(s, training(['digital_skills']))!.value;
    const none = topics.compute(s, training(['tech_transfer']))!.value;
    expect(own).toBe(1);
    expect(related).toBeGreaterThan(0);
    expect(related).toBeLessThan(own);
    expect(none).toBe(0);
  });

  it('says through which topic, in every language', () => {
    const d = topics.compute(s, training(['digital_skills']))!.detail();
    expect(d.zh).toContain('经');
    expect(d.en).toMatch(/via/);
    expect(d.bo).toContain('བརྒྱུད');
    const both = topics.compute(
      project({ ecommerce: 1, finance_tax: 1 }),
      training(['digital_skills', 'finance_tax']),
    )!;
    expect(both.detail().en).toMatch(/Covers the needs: .*; Partly meets needs/);
  });

  it('is not applicable without needs', () => {
    expect(topics.compute(project({}), training(['ecommerce']))).toBeNull();
  });
});

describe('project → services: a related category meets a need in part', () => {
  const need = feature(projectServices, 'topics');
  const service = (category: string) => profile({ id: category, category, regionCodes: [], centerId: null }, {});

  it('grades own category > related category > unrelated category', () => {
    const s = project({ ecommerce: 1 });
    expect(need.compute(s, service('ecommerce'))!.value).toBe(1);
    const related = need.compute(s, service('marketing'))!;
    expect(related.value).toBeGreaterThan(0);
    expect(related.value).toBeLessThan(1);
    expect(related.detail().en).toMatch(/via/);
    expect(need.compute(s, service('tech_transfer'))!.value).toBe(0);
  });
});
