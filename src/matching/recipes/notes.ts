import { describeInferred } from '../infer.ts';
import type { Bilingual, Profile } from '../types.ts';

/** "从描述中识别出：电子商务（微店）" for topics the source did not declare but wrote about and the candidate offers. */
export function inferredNotes(s: Profile, c: Profile, declaredNeeds: string[]): Bilingual[] {
  const offered = new Set(Object.keys(c.topics));
  const items = s.inferredTopics.filter((t) => !declaredNeeds.includes(t.topic) && offered.has(t.topic));
  if (!items.length) return [];
  return [{ zh: describeInferred(items as never, 'zh'), en: describeInferred(items as never, 'en') }];
}
