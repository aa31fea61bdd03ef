// Reviews of an application by the staff of its center (and admins): one per reviewer, replaced by
// a second call until the decision; every criterion of the form scored 1..scale.
//
// The aggregate corrects for reviewers who score everything high or low:
//   1. Each review r gets its weighted mean m_r = Σ_c w_c·s_c / Σ_c w_c over the form's criteria c
//      (weights w_c, scores s_c ∈ 1..scale; a criterion the review lacks is left out of both sums).
//   2. For the review's reviewer v, take the weighted means of all of v's reviews of applications to
//      the same center: mean μ_v and population standard deviation σ_v. With at least 2 of them and
//      σ_v > 0 the review's z-score is z_r = (m_r − μ_v) / σ_v, mapped back to the scale with the
//      center's mean μ_C and population standard deviation σ_C over all its reviews' weighted means:
//      c_r = clamp(μ_C + z_r·σ_C, 1, scale). Otherwise (fewer than 2 reviews, or no spread) c_r = m_r.
//   3. score = mean of c_r over the application's reviews; spread = population standard deviation of
//      their raw m_r (how much the reviewers disagree); reviews = their number. No reviews: null.
import { and, asc, eq } from 'drizzle-orm';
import { applicationReviewsTable, reviewBodySchema, type ReviewBody } from '../../models/application-reviews/index.ts';
import { applicationsTable } from '../../models/applications/table.ts';
import type { AdmissionCriterion } from '../../models/admission-forms/table.ts';
import type { Recommendation } from '../../models/enums.ts';
import { actorLabel, type Actor } from '../auth/actor.ts';
import { audit } from '../audit/record.ts';
import type { Db } from '../db/client.ts';
import { conflict, forbidden, unprocessable, type FieldIssue } from '../errors.ts';
import type { Executor } from '../resources/types.ts';
import { managesCenter, parseBody } from './access.ts';
import { loadForm, type AdmissionFormView } from './admission-form.ts';
import { lockedApplication, visibleApplicationRow } from './applications.ts';

export interface ReviewView {
  id: string;
  applicationId: string;
  reviewer: string;
  scores: Record<string, number>;
  recommendation: Recommendation;
  comment: string | null;
  /** This review's weighted mean on the form's scale. */
  weightedMean: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Aggregate {
  /** Mean of the reviewer-corrected weighted means, on 1..scale. */
  score: number;
  /** Population standard deviation of the reviews' weighted means. */
  spread: number;
  reviews: number;
}

/** Σ w·s / Σ w over the criteria the review scored; null when it scored none of them. */
export function weightedMean(scores: Record<string, number>, criteria: AdmissionCriterion[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const s = scores[c.id];
    if (typeof s !== 'number') continue;
    sum += c.weight * s;
    weights += c.weight;
  }
  return weights > 0 ? sum / weights : null;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const stdDev = (xs: number[]) => {
  if (xs.length === 0) return 0;
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};

/** A review as the aggregate needs it: who, and its weighted mean. */
export interface ScoredReview {
  applicationId: string;
  reviewer: string;
  mean: number;
}

/**
 * The aggregate of one application's reviews (pure: see the formula at the top). `centerReviews`:
 * every review of applications to the same center (the application's own included).
 */
export function aggregateOf(applicationId: string, centerReviews: ScoredReview[], scale: number): Aggregate | null {
  const own = centerReviews.filter((r) => r.applicationId === applicationId);
  if (!own.length) return null;
  const all = centerReviews.map((r) => r.mean);
  const muC = mean(all);
  const sigmaC = stdDev(all);
  const byReviewer = new Map<string, number[]>();
  for (const r of centerReviews) byReviewer.set(r.reviewer, [...(byReviewer.get(r.reviewer) ?? []), r.mean]);
  const corrected = own.map((r) => {
    const xs = byReviewer.get(r.reviewer)!;
    const sigmaV = stdDev(xs);
    if (xs.length < 2 || sigmaV === 0) return r.mean;
    const z = (r.mean - mean(xs)) / sigmaV;
    return Math.min(scale, Math.max(1, muC + z * sigmaC));
  });
  return { score: mean(corrected), spread: stdDev(own.map((r) => r.mean)), reviews: own.length };
}

/** Every scored review of a center's applications, with the form's current weights. */
export async function centerScoredReviews(db: Executor, centerId: string, form: AdmissionFormView) {
  const rows = await db
    .select({
      applicationId: applicationReviewsTable.applicationId,
      reviewer: applicationReviewsTable.reviewer,
      scores: applicationReviewsTable.scores,
    })
    .from(applicationReviewsTable)
    .innerJoin(applicationsTable, eq(applicationsTable.id, applicationReviewsTable.applicationId))
    .where(eq(applicationsTable.centerId, centerId));
  const out: ScoredReview[] = [];
  for (const r of rows) {
    const m = weightedMean(r.scores, form.criteria);
    if (m !== null) out.push({ applicationId: r.applicationId, reviewer: r.reviewer, mean: m });
  }
  return out;
}

/** The aggregate of an application (reads the center's reviews). */
export async function aggregateFor(
  db: Executor,
  application: { id: string; centerId: string },
  form?: AdmissionFormView,
): Promise<Aggregate | null> {
  const f = form ?? (await loadForm(db, application.centerId));
  return aggregateOf(application.id, await centerScoredReviews(db, application.centerId, f), f.scale);
}

export async function reviewsOf(db: Executor, applicationId: string, form: AdmissionFormView): Promise<ReviewView[]> {
  const rows = await db
    .select()
    .from(applicationReviewsTable)
    .where(eq(applicationReviewsTable.applicationId, applicationId))
    .orderBy(asc(applicationReviewsTable.createdAt), asc(applicationReviewsTable.id));
  return rows.map((r) => ({
    id: r.id,
    applicationId: r.applicationId,
    reviewer: r.reviewer,
    scores: r.scores,
    recommendation: r.recommendation,
    comment: r.comment,
    weightedMean: weightedMean(r.scores, form.criteria),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

/** Every criterion scored, none unknown, each a whole number in 1..scale (422 naming each path). */
export function checkScores(scores: Record<string, number>, form: AdmissionFormView): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const ids = new Set(form.criteria.map((c) => c.id));
  for (const c of form.criteria)
    if (scores[c.id] === undefined)
      issues.push({ path: `scores.${c.id}`, message: 'every criterion must be scored / 每项标准都要评分' });
  for (const [id, s] of Object.entries(scores)) {
    if (!ids.has(id)) issues.push({ path: `scores.${id}`, message: 'unknown criterion / 未知的评审标准' });
    else if (!Number.isInteger(s) || s < 1 || s > form.scale)
      issues.push({
        path: `scores.${id}`,
        message: `must be a whole number from 1 to ${form.scale} / 评分须为 1 到 ${form.scale} 的整数`,
      });
  }
  return issues;
}

/**
 * `POST /v1/applications/{id}/reviews`: the center's staff or an admin (an application of another
 * center: 404; its founder: 403); 409 once decided; the reviewer's earlier review is replaced.
 */
export async function submitReview(
  db: Db,
  actor: Actor,
  applicationId: string,
  input: ReviewBody,
): Promise<ReviewView> {
  const seen = await visibleApplicationRow(db, actor, applicationId);
  if (!managesCenter(actor, seen.centerId))
    throw forbidden('only the staff of the center review its applications / 只有该双创中心的工作人员可以评审');
  const body = parseBody(reviewBodySchema, input);
  const reviewer = actorLabel(actor);
  await db.transaction(async (tx) => {
    // The application's row lock orders reviews after a decision that holds it (then: 409).
    const app = await lockedApplication(tx, applicationId);
    if (app.status !== 'submitted')
      throw conflict(
        'the application is already decided; reviews can no longer change / 该申请已作出决定，评审不能再修改',
      );
    const form = await loadForm(tx, app.centerId);
    const issues = checkScores(body.scores, form);
    if (issues.length)
      throw unprocessable(
        issues,
        `scores must be 1 to ${form.scale} for every criterion / 每项评分须在 1 到 ${form.scale} 之间`,
      );
    const values = {
      scores: body.scores,
      recommendation: body.recommendation,
      comment: body.comment ?? null,
      updatedAt: new Date(),
    };
    await tx
      .insert(applicationReviewsTable)
      .values({ applicationId, reviewer, ...values })
      .onConflictDoUpdate({
        target: [applicationReviewsTable.applicationId, applicationReviewsTable.reviewer],
        set: values,
      });
    await audit(tx, actor, [
      {
        action: 'application.reviewed',
        entityKind: 'application',
        entityId: applicationId,
        centerId: app.centerId,
        detail: { recommendation: body.recommendation },
      },
    ]);
  });
  const form = await loadForm(db, seen.centerId);
  const [mine] = (await reviewsOf(db, applicationId, form)).filter((r) => r.reviewer === reviewer);
  return mine;
}

/** The reviews of a reviewer (e.g. the console's "my reviews"), newest first. */
export async function reviewsBy(db: Db, actor: Actor, applicationId: string) {
  const rows = await db
    .select()
    .from(applicationReviewsTable)
    .where(
      and(
        eq(applicationReviewsTable.applicationId, applicationId),
        eq(applicationReviewsTable.reviewer, actorLabel(actor)),
      ),
    );
  return rows[0] ?? null;
}
