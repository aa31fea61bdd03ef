// What a figure hands the report engine (issue 22, "Reports"): a title, its filters in words, the as-of
// time, typed columns and rows grouped by prefecture. The engine adds totals, rates, suppression of
// small counts of people, the cover sheet, and writes XLSX or CSV. Figures are aggregates, so the
// spec is held in memory; the bytes are streamed.
import type { Lang } from '../../../models/enums.ts';
import type { MessageKey } from '../../i18n/t.ts';

/**
 * people: a count of persons (small ones are suppressed); count: anything else counted (centers,
 * projects, seats, a target); money: CNY; rate: numerator / denominator of two other columns; text.
 */
export type ColumnKind = 'people' | 'count' | 'money' | 'rate' | 'text';

export interface ReportColumn {
  key: string;
  /** Header: a message key, or the three languages' words (an enumeration's label). */
  label: MessageKey | Record<Lang, string>;
  kind: ColumnKind;
  /** rate: the columns of its numerator and denominator (written beside it). */
  numerator?: string;
  denominator?: string;
  /** Columns whose suppression hides this one too (a "meets the target" that would tell a small count). */
  dependsOn?: string[];
  /** What an empty cell means, written in its place (e.g. "no target set"). */
  whenNull?: MessageKey;
}

export type Value = number | string | null;
export type Values = Record<string, Value>;

export interface ReportRow {
  /** The sheet it goes on: a prefecture code, or the region's code for records of the region as a whole. */
  group: string;
  values: Values;
}

export interface ReportSpec {
  /** The file's base name: `coverage` → coverage-2026-12-07.xlsx. */
  figure: string;
  title: MessageKey;
  /** The filters in words, already in the report's language. */
  filters: { label: MessageKey; value: string }[];
  /** As-of date (YYYY-MM-DD) or period (`from – to`). */
  asOf: string;
  columns: ReportColumn[];
  /** Rows in display order; the groups appear in the order of their first row. */
  rows: ReportRow[];
  /**
   * Totals of a group and of the whole report, when the figure has them (the parts need not add up
   * to them: a prefecture's target is not the sum of its counties'). Missing: numeric columns summed.
   */
  groupTotals?: Record<string, Values>;
  total?: Values;
  /** Figure-specific notes for the cover sheet. */
  notes?: MessageKey[];
  /** The groups to write even without rows (every prefecture of the scope, so an empty one is seen). */
  groups?: string[];
}
