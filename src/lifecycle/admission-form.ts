// A center's admission form: the questions it asks applicants and the criteria, weights and scale
// its reviewers score on, the reviews needed before a decision and the planned incubation length.
// Staff of the center and admins write it; founders read it to apply (they need the questions).
// A center without a saved form has the default one (no questions, one overall criterion).
import { eq } from 'drizzle-orm';
import {
  admissionFormBodySchema,
  admissionFormsTable,
  DEFAULT_GRADUATION_CRITERIA,
  type AdmissionCriterion,
  type GraduationCriterion,
  type AdmissionFormInput,
  type AdmissionQuestion,
} from '../../models/admission-forms/index.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import { audit } from '../audit/record.ts';
import type { Db } from '../db/client.ts';
import { notFound } from '../errors.ts';
import type { Executor } from '../resources/types.ts';
import { centerFor, managedCenter, managesCenter, parseBody } from './access.ts';

export interface AdmissionFormView {
  centerId: string;
  questions: AdmissionQuestion[];
  criteria: AdmissionCriterion[];
  /** What the center graduates a project on (the keys a graduation's criteriaMet may use). */
  graduationCriteria: GraduationCriterion[];
  scale: number;
  minReviews: number;
  plannedMonths: number;
  /** null: never saved (the default form). */
  updatedAt: Date | null;
}

export const DEFAULT_CRITERIA: AdmissionCriterion[] = [
  { id: 'overall', name: { zh: '综合评价', en: 'Overall', bo: 'ཡོངས་ཁྱབ་ཀྱི་དཔྱད་བརྗོད' }, weight: 1 },
];
export const defaultForm = (centerId: string): AdmissionFormView => ({
  centerId,
  questions: [],
  criteria: DEFAULT_CRITERIA,
  graduationCriteria: DEFAULT_GRADUATION_CRITERIA,
  scale: 5,
  minReviews: 2,
  plannedMonths: 24,
  updatedAt: null,
});

/** The stored or default form of a center, without access checks (for the domain's own use). */
export async function loadForm(db: Executor, centerId: string): Promise<AdmissionFormView> {
  const [row] = await db.select().from(admissionFormsTable).where(eq(admissionFormsTable.centerId, centerId));
  if (!row) return defaultForm(centerId);
  return {
    centerId,
    questions: row.questions,
    criteria: row.criteria,
    graduationCriteria: row.graduationCriteria,
    scale: row.scale,
    minReviews: row.minReviews,
    plannedMonths: row.plannedMonths,
    updatedAt: row.updatedAt,
  };
}

/** `GET /v1/centers/{id}/admission-form`: the center's staff, admins and founders (to apply); others 404. */
export async function getAdmissionForm(db: Db, actor: Actor, centerId: string): Promise<AdmissionFormView> {
  if (!managesCenter(actor, centerId) && actor.role !== 'founder') throw notFound('center');
  await centerFor(db, centerId);
  return loadForm(db, centerId);
}

/** `PUT /v1/centers/{id}/admission-form`: staff of the center, admins (others 404); 422 for a bad form. */
export async function putAdmissionForm(
  db: Db,
  actor: Actor,
  centerId: string,
  input: AdmissionFormInput,
): Promise<AdmissionFormView> {
  await managedCenter(db, actor, centerId);
  const body = parseBody(admissionFormBodySchema, input);
  const values = { ...body, updatedAt: new Date(), updatedBy: actorLabel(actor) };
  await db.transaction(async (tx) => {
    await tx
      .insert(admissionFormsTable)
      .values({ centerId, ...values })
      .onConflictDoUpdate({ target: admissionFormsTable.centerId, set: values });
    await audit(tx, actor, [
      {
        action: 'admission_form.saved',
        entityKind: 'center',
        entityId: centerId,
        centerId,
        detail: {
          questions: body.questions.length,
          criteria: body.criteria.length,
          graduationCriteria: body.graduationCriteria.length,
          scale: body.scale,
        },
      },
    ]);
  });
  return loadForm(db, centerId);
}
