import { describeInferred } from '../infer.ts';
import { say } from '../text.ts';
import type { Profile, Texts } from '../types.ts';

/** "从描述中识别出：电子商务（微店）" for topics the source did not declare but wrote about and the candidate offers. */
export function inferredNotes(s: Profile, c: Profile, declaredNeeds: string[]): Texts[] {
  const offered = new Set(Object.keys(c.topics));
  const items = s.inferredTopics.filter((t) => !declaredNeeds.includes(t.topic) && offered.has(t.topic));
  if (!items.length) return [];
  const of = (lang: 'zh' | 'en' | 'bo') => describeInferred(items as never, lang);
  return [say(of('zh'), of('en'), of('bo'))];
}
