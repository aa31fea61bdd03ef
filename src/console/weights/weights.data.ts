// The weights form: which journeys and criteria it shows, how its fields become a weight set (checked
// by the domain's own schema), and the names of the candidates a preview lists.
import { inArray } from 'drizzle-orm';
import type { Translate } from '../../i18n/t.ts';
import { JOURNEYS as REGISTRY, journeyById } from '../../matching/journeys.ts';
import { PREVIEWABLE, type WeightSet, weightSetSchema } from '../../matching/weights.ts';
import { resourceDefs } from '../../resources/index.ts';
import { Repository } from '../../resources/repository.ts';
import type { ReadContext } from '../../resources/types.ts';
import type { AppDeps } from '../../http/app.ts';
import { type FieldErrors, field, zodFieldErrors } from '../forms.ts';

/** The journeys in the order of the tabs, each with its criteria (the recipe's features). */
export const JOURNEYS = REGISTRY.map((j) => ({ id: j.id, features: Object.keys(j.recipe.defaultWeights) }));
export const DEFAULT_JOURNEY = JOURNEYS[0].id;
export const journeyOf = (id: string | undefined) => JOURNEYS.find((j) => j.id === id) ?? JOURNEYS[0];

/** Bounds of one weight, read from weightSetSchema (every criterion of every journey has the same). */
type Bounded = { minValue: number | null; maxValue: number | null };
type JourneySchema = { unwrap(): { shape: Record<string, { unwrap(): Bounded }> } };
const firstWeight = (() => {
  const journey = (weightSetSchema.shape as unknown as Record<string, JourneySchema>)[JOURNEYS[0].id].unwrap();
  return journey.shape[JOURNEYS[0].features[0]].unwrap();
})();
export const WEIGHT_MIN = firstWeight.minValue ?? 0;
export const WEIGHT_MAX = firstWeight.maxValue ?? 1;

/** Projects of the center a preview compares (two match computations each). */
export const PREVIEW_SAMPLE = 5;

/** Whether the form offers a preview of the journey (a project's journeys: the domain's PREVIEWABLE). */
export const canPreview = (journey: string) => PREVIEWABLE.includes(journey);

/** The journey's fields as typed (kept for a redraw). */
export type WeightValues = Record<string, string>;

export const valuesOf = (weights: Record<string, number>, features: string[]): WeightValues =>
  Object.fromEntries(features.map((f) => [f, String(weights[f] ?? 0)]));

export function readWeights(form: Record<string, string | string[]>, features: string[]): WeightValues {
  // Accept a decimal comma and full-width digits, as Chinese phone keyboards may type them.
  const norm = (s: string) =>
    s
      .trim()
      .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
      .replace(/[，,．。]/g, '.');
  return Object.fromEntries(features.map((f) => [f, norm(field(form, f))]));
}

/** The journey's weights as numbers, or the errors to show beside each field. */
export function parseWeights(
  journey: string,
  features: string[],
  values: WeightValues,
  t: Translate,
): { weights: Record<string, number>; errors?: undefined } | { weights?: undefined; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const weights: Record<string, number> = {};
  for (const f of features) {
    const raw = values[f] ?? '';
    if (raw === '') errors[f] = t('field.required');
    else if (!/^-?(\d+\.?\d*|\.\d+)$/.test(raw)) errors[f] = t('field.notNumber');
    else weights[f] = Number(raw);
  }
  if (Object.keys(errors).length) return { errors };
  const parsed = weightSetSchema.safeParse({ [journey]: weights });
  if (!parsed.success) {
    // Paths are "<journey>.<feature>": the field is the feature.
    for (const [path, message] of Object.entries(zodFieldErrors(parsed.error, t)))
      errors[path.startsWith(`${journey}.`) ? path.slice(journey.length + 1) : ''] ??= message;
    return { errors };
  }
  if (features.every((f) => weights[f] === 0)) return { errors: { '': t('weights.allZero') } };
  return { weights };
}

/** The full set to store: the center's current weights with this journey's replaced (the domain stores the whole set). */
export const withJourney = (current: WeightSet, journey: string, weights: Record<string, number>): WeightSet => ({
  ...current,
  [journey]: weights,
});

/** Names of the ranked candidates, read as the actor may read them (mentors, investors, trainings, services are public). */
export async function candidateNames(
  deps: AppDeps,
  ctx: ReadContext,
  journey: string,
  ids: string[],
): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  // The resource whose table holds the journey's candidates.
  const table = journeyById(journey)?.recipe.candidateTable;
  const def = resourceDefs.find((d) => d.table === table);
  if (!def) return new Map();
  const repo = new Repository(def, deps.database.db, deps.embeddingHooks);
  const rows = await repo.readAll(ctx, inArray(def.table.id, ids));
  return new Map(rows.map((r) => [r.id as string, (r.name ?? r.title ?? r.id) as string]));
}
