// A founder's matching profile is built from linked records too: the projects the founder is on say
// more about what the founder needs than the founder's own (short, vague) interests. The projects'
// prose and ticks go into the founder's embedding text (src/embedding/texts.ts), so the vector, the
// keyword form and the inferred topics that both ranking paths (SQL and the candidate index) read
// already include them, with no per-call join. Keeping that fresh is the embedding hooks' work: a
// project write re-marks its founders (src/resources/embedding-hooks.ts), and the embedding job reads
// the same linked projects (jobs/embeddings/processor.ts), so both hash the same text.
import { asc, eq, inArray } from 'drizzle-orm';
import { projectFoundersTable, projectsTable } from '../../models/schema.ts';
import type { Db } from '../db/client.ts';
import type { Tx } from '../resources/types.ts';
import { inferTopics } from './infer.ts';
import { domainFit, isSectorIndependent } from './needs.ts';
import { needsServedBy, relatedText } from './offer-map.ts';
import { tagDiscount } from './tag-stats.ts';
import { labelled, list, say } from './text.ts';
import type { Feature, Profile, Texts } from './types.ts';

/** What of a project goes into its founders' profiles (no place, no name: the trainer's view stays pseudonymous). */
export interface LinkedProject {
  title: string;
  description: string | null;
  sector: string;
  needs: string[];
}

/** The key under which a founder row carries its projects for entityText('founder', …). */
export const LINKED_PROJECTS = 'projects';

/**
 * The projects of each founder (founders without projects: []), in a stable order (by project id) so
 * that the text, and with it the content hash, depends on the projects only. Archived (retired)
 * projects stay: they are the founder's history all the same.
 */
export async function projectsOfFounders(db: Db | Tx, founderIds: string[]): Promise<Map<string, LinkedProject[]>> {
  const out = new Map<string, LinkedProject[]>(founderIds.map((id) => [id, []]));
  if (!founderIds.length) return out;
  const p = projectsTable;
  const rows = await (db as Db)
    .select({
      founderId: projectFoundersTable.founderId,
      title: p.title,
      description: p.description,
      sector: p.sector,
      needs: p.needs,
    })
    .from(projectFoundersTable)
    .innerJoin(p, eq(p.id, projectFoundersTable.projectId))
    .where(inArray(projectFoundersTable.founderId, [...new Set(founderIds)]))
    .orderBy(asc(p.id));
  for (const { founderId, ...project } of rows) out.get(founderId)?.push(project);
  return out;
}

/** Founder rows with their projects attached under LINKED_PROJECTS (one query for all of them). */
export async function withLinkedProjects<R extends Record<string, any>>(db: Db | Tx, founders: R[]): Promise<R[]> {
  if (!founders.length) return founders;
  const linked = await projectsOfFounders(
    db,
    founders.map((f) => f.id as string),
  );
  return founders.map((f) => ({ ...f, [LINKED_PROJECTS]: linked.get(f.id) ?? [] }));
}

/** The founders currently on any of these projects. */
export async function foundersOfProjects(db: Db | Tx, projectIds: string[]): Promise<string[]> {
  if (!projectIds.length) return [];
  const rows = await (db as Db)
    .selectDistinct({ id: projectFoundersTable.founderId })
    .from(projectFoundersTable)
    .where(inArray(projectFoundersTable.projectId, projectIds));
  return rows.map((r) => r.id);
}

/** Topics inferred from the founder's own interests (what is not from them came from the founder's projects). */
export const interestTopics = (interests: string | null | undefined): Set<string> =>
  new Set(interests?.trim() ? inferTopics(interests).map((t) => t.topic as string) : []);

/**
 * What the training teaches that the founder needs: for each topic taught (by its weight), the best of
 * the founder's topics it serves (inferred from the interests and the projects' prose, linked above):
 * its own topic in full, a related need at the offer map's credit (a live-streaming course serves an
 * e-commerce need in part: offer-map.ts). A need that depends on the trade counts in full only from a
 * founder of the training's trade or of none (skill × domain, needs.ts), as for mentors. The
 * explanation says where each topic came from, "their project needs: …" or "interests match: …", by
 * topic label only (a trainer sees founders pseudonymously: no project title, no place).
 */
export function founderNeedsCoverage(teaches: (s: Profile) => Record<string, number>): Feature<Profile> {
  /** Per source: each topic taught, its weight and the needs it serves (its own, then related ones: offer-map.ts). */
  const listed = new WeakMap<Profile, { entries: Taught[]; total: number }>();
  return {
    id: 'topics',
    compute(s, c) {
      let taught = listed.get(s);
      if (!taught) {
        const entries = Object.entries(teaches(s)).map(
          ([topic, weight]): Taught => ({
            topic,
            weight,
            serves: needsServedBy(topic).map(([need, credit]) => ({
              need,
              credit,
              dependent: !isSectorIndependent(need),
            })),
          }),
        );
        listed.set(s, (taught = { entries, total: entries.reduce((a, e) => a + e.weight, 0) }));
      }
      if (!taught.total) return null;
      let covered = 0;
      let fit = -1;
      const hit: string[] = [];
      const related: [need: string, offer: string][] = [];
      for (const { topic, weight, serves } of taught.entries) {
        let best = 0;
        let need = '';
        for (const x of serves) {
          const o = c.topics[x.need];
          if (!o) continue;
          if (x.dependent && fit < 0) fit = domainFit(s.sectors, c.sectors);
          const v = o * tagDiscount(s, 'topics', x.need) * x.credit * (x.dependent ? fit : 1);
          if (v > best) [best, need] = [v, x.need];
        }
        if (!best) continue;
        covered += weight * best;
        if (need === topic) hit.push(topic);
        else related.push([need, topic]);
      }
      return { value: covered / taught.total, detail: () => needsText(hit, related, c.row.interests) };
    },
  };
}

interface Taught {
  topic: string;
  weight: number;
  serves: { need: string; credit: number; dependent: boolean }[];
}

const NO_OVERLAP = say(
  '兴趣与项目均与培训内容无重合',
  'Neither interests nor projects match the content',
  'དོ་སྣང་དང་ལས་གཞི་གཉིས་ཀ་སྦྱོང་བརྡར་ནང་དོན་དང་མི་མཐུན',
);

/** "其项目需要：电子商务；兴趣与培训内容相符：市场营销" (project topics first: they decide most). */
function needsText(
  hit: string[],
  related: [need: string, offer: string][],
  interests: string | null | undefined,
): Texts {
  if (!hit.length && !related.length) return NO_OVERLAP;
  const own = interestTopics(interests);
  const parts: Texts[] = [];
  const fromProjects = hit.filter((t) => !own.has(t));
  const fromInterests = hit.filter((t) => own.has(t));
  if (fromProjects.length)
    parts.push(
      labelled(
        'topic',
        fromProjects,
        (l) => `其项目需要：${l}`,
        (l) => `Their project needs: ${l}`,
        (l) => `ཁོང་གི་ལས་གཞིའི་དགོས་མཁོ: ${l}`,
      ),
    );
  if (fromInterests.length)
    parts.push(
      labelled(
        'topic',
        fromInterests,
        (l) => `兴趣与培训内容相符：${l}`,
        (l) => `Interests match the content: ${l}`,
        (l) => `དོ་སྣང་དང་སྦྱོང་བརྡར་ནང་དོན་མཐུན་པ: ${l}`,
      ),
    );
  if (related.length) parts.push(relatedText(related));
  return say(
    parts.map((p) => p.zh).join('；'),
    parts.map((p) => p.en).join('; '),
    list(
      'bo',
      parts.map((p) => p.bo),
    ),
  );
}
