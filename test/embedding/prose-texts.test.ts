// Embedding and keyword texts are the entity's prose: a declared tag is counted once, by the topic,
// sector and stage features, not again by the semantic and lexical channels.
import { describe, expect, it } from 'vitest';
import { sample } from '../../bench/gen.ts';
import { EMBEDDED_KINDS } from '../../models/embeddings/table.ts';
import { labels } from '../../seeds/reference/labels.ts';
import { entityProse, entityText } from '../../src/embedding/texts.ts';

const TAGS = {
  project: { sector: 'culture_tourism', needs: ['marketing', 'ecommerce'] },
  mentor: { expertise: ['marketing', 'ecommerce'], sectors: ['culture_tourism'] },
  investor: { sectors: ['culture_tourism'], stages: ['idea'] },
  training: { topics: ['marketing', 'ecommerce'] },
  service: { category: 'ecommerce' },
} as const;

describe('prose-only texts', () => {
  it.each(Object.keys(TAGS) as (keyof typeof TAGS)[])('%s: the text is its prose, whatever its tags', (kind) => {
    for (const row of sample(kind, 50)) {
      const text = entityText(kind, row);
      expect(text).toBe(entityProse(kind, row));
      expect(entityText(kind, { ...row, ...TAGS[kind] })).toBe(text);
    }
  });

  it('no label is spelled out in a text whose prose does not say it', () => {
    const row = { title: '帐篷民宿', description: 'A guesthouse in tents by the lake.', ...TAGS.project };
    const text = entityText('project', row);
    for (const l of [labels.sector.culture_tourism, labels.topic.marketing, labels.topic.ecommerce]) {
      expect(text).not.toContain(l.zh);
      expect(text).not.toContain(l.en);
    }
  });

  it('an entity with tags but no prose has no text (nothing to embed, nothing counted twice)', () => {
    expect(entityText('mentor', { bio: null, ...TAGS.mentor })).toBe('');
    expect(entityText('service', { name: '  ', description: undefined, ...TAGS.service })).toBe('');
  });

  it('every embedded kind still has a text function', () => {
    for (const kind of EMBEDDED_KINDS) expect(typeof entityText(kind, {})).toBe('string');
  });
});
