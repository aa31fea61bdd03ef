// The text each entity is embedded from and keyworded from (the semantic and lexical channels): its
// prose only. Declared tags (sector, needs, expertise, stages, category) are counted once, by the
// topic/sector/stage features: spelled out here as well they were counted again by both channels and
// made every candidate ticking the same tag look alike. Cross-lingual reach comes from the model and
// the lexicon's concepts (lexical.ts), not from label text. Founders have no prose of their own.
import type { EmbeddedKind } from '../../models/embeddings/table.ts';
import { labels } from '../../seeds/reference/labels.ts';

type Row = Record<string, any>;
type LabelGroup = Record<string, { zh: string; en: string }>;

const words = (group: LabelGroup, values: string[] | string | null | undefined): string => {
  const list = values == null ? [] : Array.isArray(values) ? values : [values];
  return list.map((v) => (group[v] ? `${group[v].zh} ${group[v].en}` : v)).join('; ');
};

const join = (...parts: (string | null | undefined)[]) => parts.filter((p) => p?.trim()).join('\n');

/**
 * A founder's projects, attached by src/matching/linked-profile.ts (withLinkedProjects) wherever a
 * founder's text is built: what a founder needs is said by the projects more than by the interests.
 */
const linkedProjects = (r: Row): Row[] => r.projects ?? [];
/**
 * A linked project as its founders' text carries it: its prose, sector and ticked needs. Not its stage:
 * a stage label is a generic word every project has one of (it lowered nDCG on both judged sets); the
 * trainer sees the stages beside each item instead (training-founders `present`).
 */
const projectText = (p: Row) =>
  join(p.title, p.description, words(labels.sector, p.sector), words(labels.topic, p.needs));

/**
 * The fields each kind's embedding text is built from: the embedding job reads only these (and a
 * founder's linked projects, which it attaches as the write path does).
 */
export const TEXT_FIELDS = {
  project: ['title', 'description'],
  founder: ['interests', 'groups'],
  mentor: ['bio'],
  investor: ['thesis'],
  training: ['title', 'description'],
  service: ['name', 'description'],
} as const satisfies Record<EmbeddedKind, readonly string[]>;

export function entityText(kind: EmbeddedKind, r: Row): string {
  switch (kind) {
    case 'founder':
      return join(r.interests, words(labels.founderGroup, r.groups), ...linkedProjects(r).map(projectText));
    default:
      return entityProse(kind, r);
  }
}

/** The entity's own prose (no labels): what topics and sectors are inferred from. */
export function entityProse(kind: EmbeddedKind, r: Row): string {
  switch (kind) {
    case 'project':
      return join(r.title, r.description);
    case 'founder':
      return join(
        r.interests,
        ...linkedProjects(r).map((p) => join(p.title, p.description, words(labels.topic, p.needs))),
      );
    case 'mentor':
      return join(r.bio);
    case 'investor':
      return join(r.thesis);
    case 'training':
      return join(r.title, r.description);
    case 'service':
      return join(r.name, r.description);
  }
}
