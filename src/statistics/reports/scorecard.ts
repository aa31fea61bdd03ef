// The scorecard report: per prefecture sheet one line per center (name, region, status), the enabled
// indicators as columns and the weighted score; an indicator without data reads "not collected" (a
// text cell, never a 0). Jobs, hires and mentors are counts of people (suppressed when small);
// projects and activities are counts of events, funding is money. Totals: the sums over the centers,
// without a score. Query checked as GET /v1/stats/scorecard (422, scope 404).
import { z } from 'zod';
import type { Lang } from '../../../models/enums.ts';
import { prefectureOf } from '../../../models/regions/codes.ts';
import type { ScorecardIndicatorKey } from '../../../models/scorecard-indicators/index.ts';
import type { Actor } from '../../auth/actor.ts';
import { enumLabel, regionName } from '../../i18n/labels.ts';
import type { Executor } from '../../resources/types.ts';
import { scorecardQueryFor } from '../funnel-query.ts';
import { type Scorecard, scorecard } from '../scorecard.ts';
import type { ColumnKind, ReportColumn, ReportSpec, Values } from './spec.ts';

export const scorecardReportQuery = z.object({
  regionCode: z.string().optional().describe("the area (default: the caller's region, else 540000)"),
  centerId: z.string().optional().describe('one center (center staff: their own)'),
  period: z.string().optional().describe('YYYY, YYYY-Qn or YYYY-MM (default: the current year; checked: 422)'),
});
export type ScorecardReportQuery = z.infer<typeof scorecardReportQuery>;

/** What an indicator counts: persons are suppressed when few, events and money never. */
export const INDICATOR_KINDS: Record<ScorecardIndicatorKey, ColumnKind> = {
  admittedProjects: 'count',
  graduatedProjects: 'count',
  jobsCreated: 'people',
  graduatesHired: 'people',
  localHires: 'people',
  mentorsEngaged: 'people',
  coachingActivities: 'count',
  fundingRaisedCny: 'money',
  satisfaction: 'count',
};

export function scorecardColumns(card: Scorecard): ReportColumn[] {
  return [
    { key: 'center', label: 'reports2.col.center', kind: 'text' },
    { key: 'region', label: 'reports2.col.region', kind: 'text' },
    { key: 'status', label: 'reports2.col.status', kind: 'text' },
    ...card.indicators.map(
      (i): ReportColumn => ({
        key: i.key,
        label: `funnels.ind.${i.key}`,
        kind: INDICATOR_KINDS[i.key],
        whenNull: 'reports2.notCollected',
      }),
    ),
    { key: 'score', label: 'reports2.col.score', kind: 'count', whenNull: 'reports2.noScore' },
  ];
}

const groupOf = (code: string) => `${prefectureOf(code)}00`;

export async function scorecardReport(
  db: Executor,
  actor: Actor,
  q: ScorecardReportQuery,
  lang: Lang,
): Promise<ReportSpec> {
  const card = await scorecard(db, await scorecardQueryFor(db, actor, q));
  const rows = card.items.map((item) => {
    const v: Values = {
      center: item.name,
      region: regionName(item.regionCode, lang),
      status: enumLabel(lang, 'centerStatus', item.status),
      score: item.score,
    };
    for (const i of card.indicators) v[i.key] = item.values[i.key]?.value ?? null;
    return { group: groupOf(item.regionCode), values: v };
  });
  // Sums over the centers; an indicator no center collected stays "not collected"; no score.
  const sum = (lines: Values[]): Values => {
    const out: Values = { score: null };
    for (const i of card.indicators) {
      const ns = lines.map((l) => l[i.key]).filter((n): n is number => typeof n === 'number');
      out[i.key] = ns.length ? ns.reduce((a, b) => a + b, 0) : null;
    }
    return out;
  };
  const groups = [...new Set(rows.map((r) => r.group))];
  const groupTotals = Object.fromEntries(
    groups.map((g) => [g, sum(rows.filter((r) => r.group === g).map((r) => r.values))]),
  );
  const center = card.centerId ? card.items[0] : null;
  return {
    figure: 'scorecard',
    title: 'reports2.title.scorecard',
    filters: [
      { label: 'reports.filter.region', value: regionName(card.regionCode, lang) },
      ...(center ? [{ label: 'reports.filter.center' as const, value: center.name }] : []),
      { label: 'reports2.filter.period', value: `${card.period} (${card.from} – ${card.to})` },
    ],
    asOf: card.period,
    columns: scorecardColumns(card),
    groups,
    rows,
    groupTotals,
    total: sum(rows.map((r) => r.values)),
    notes: ['reports2.note.scorecard'],
  };
}
