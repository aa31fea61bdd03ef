import { describeInferred } from '../infer.ts';
import { say } from '../text.ts';
import type { Profile, Texts } from '../types.ts';

/** How the note names where the needs come from. */
const FROM_DESCRIPTION = say('描述中的需求', 'Needs from the description', 'འགྲེལ་བཤད་ནང་གི་དགོས་མཁོ');

/**
 * "描述中的需求：法务咨询（租赁合同、条款）" for needs the source wrote about but did not tick and the
 * candidate offers, the most central first (by their weight in the source's needs, needs.ts), each with
 * the phrases quoted from the prose.
 */
export function inferredNotes(s: Profile, c: Profile, declaredNeeds: string[]): Texts[] {
  const offered = c.topics;
  const items = s.inferredTopics
    .filter((t) => !declaredNeeds.includes(t.topic) && (offered[t.topic] ?? 0) > 0)
    .sort((a, b) => (s.topics[b.topic] ?? 0) - (s.topics[a.topic] ?? 0));
  if (!items.length) return [];
  const of = (lang: 'zh' | 'en' | 'bo') => describeInferred(items as never, lang, { source: FROM_DESCRIPTION });
  return [say(of('zh'), of('en'), of('bo'))];
}
