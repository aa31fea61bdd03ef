// A spec laid out as the report shows it: groups (sheets) with their rows and total line, the report's
// total, rates computed from their numerator and denominator, and small counts of people suppressed.
//
// Suppression: a count of PEOPLE from 1 to SMALL_COUNT_MAX is shown as "<5" (primary). Where a shown
// total would let the reader work such a cell out by subtraction (exactly one suppressed cell among
// the parts of a total and the total), the smallest other part of at least 5 is hidden too ("×",
// secondary); the rule runs over the group lines and over the totals sheet until nothing changes,
// so a prefecture total hidden on the totals sheet is hidden on its own sheet as well. A rate, or a
// column that depends on a suppressed cell, is hidden with it. Counts of centers, targets and money
// are never suppressed: they identify nobody.
import { REGION_ROOT } from '../../../models/regions/codes.ts';
import type { ReportColumn, ReportSpec, Value, Values } from './spec.ts';

/** The largest count of people that is suppressed (1…SMALL_COUNT_MAX show as "<SMALL_COUNT_MAX+1"). */
export const SMALL_COUNT_MAX = 4;
export const SMALL_MARK = `<${SMALL_COUNT_MAX + 1}`;
/** A cell hidden so that a suppressed one cannot be worked out, or a rate of a suppressed count. */
export const HIDDEN_MARK = '×';

export type Mark = 'small' | 'hidden';

export interface Line {
  values: Values;
  marks: Record<string, Mark>;
}

export interface Group {
  /** A prefecture code, or REGION_ROOT for records of the region as a whole. */
  code: string;
  rows: Line[];
  total: Line;
}

export interface Table {
  columns: ReportColumn[];
  groups: Group[];
  total: Line;
}

const isNumeric = (c: ReportColumn) => c.kind === 'people' || c.kind === 'count' || c.kind === 'money';
const num = (v: Value): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The sum of numeric columns over lines (null when every part is null); text and rates left empty. */
function summed(columns: ReportColumn[], lines: Values[]): Values {
  const out: Values = {};
  for (const c of columns) {
    if (!isNumeric(c)) continue;
    let sum: number | null = null;
    for (const l of lines) {
      const n = num(l[c.key] ?? null);
      if (n !== null) sum = (sum ?? 0) + n;
    }
    out[c.key] = sum;
  }
  return out;
}

const line = (values: Values): Line => ({ values: { ...values }, marks: {} });

/** Groups in the order of the spec's `groups`, then of their first row (the region's own records last). */
function groupOrder(spec: ReportSpec): string[] {
  const order = [...(spec.groups ?? [])];
  for (const r of spec.rows) if (!order.includes(r.group)) order.push(r.group);
  const own = order.indexOf(REGION_ROOT);
  if (own >= 0 && own < order.length - 1) order.push(...order.splice(own, 1));
  return order;
}

export function layOut(spec: ReportSpec): Table {
  const { columns } = spec;
  const groups: Group[] = groupOrder(spec).map((code) => {
    const rows = spec.rows.filter((r) => r.group === code).map((r) => line(r.values));
    const given = spec.groupTotals?.[code];
    return {
      code,
      rows,
      total: line(
        given ??
          summed(
            columns,
            rows.map((r) => r.values),
          ),
      ),
    };
  });
  const total = line(
    spec.total ??
      summed(
        columns,
        groups.map((g) => g.total.values),
      ),
  );
  const table: Table = { columns, groups, total };
  suppress(table);
  fillRates(table);
  return table;
}

function allLines(t: Table): Line[] {
  return [...t.groups.flatMap((g) => [...g.rows, g.total]), t.total];
}

/** A sum and its parts: subtracting the shown parts from a shown sum tells the one hidden part. */
interface Equation {
  sum: Line;
  parts: Line[];
}

function suppress(t: Table): void {
  const people = t.columns.filter((c) => c.kind === 'people').map((c) => c.key);
  for (const l of allLines(t))
    for (const k of people) {
      const n = num(l.values[k] ?? null);
      if (n !== null && n >= 1 && n <= SMALL_COUNT_MAX) l.marks[k] = 'small';
    }
  const equations: Equation[] = [
    ...t.groups.map((g) => ({ sum: g.total, parts: g.rows })),
    { sum: t.total, parts: t.groups.map((g) => g.total) },
  ];
  for (const k of people) {
    for (let changed = true; changed; ) {
      changed = false;
      for (const e of equations) {
        const members = [e.sum, ...e.parts];
        if (members.filter((l) => l.marks[k]).length !== 1) continue;
        // The smallest shown part that cannot itself be a small count: the hidden pair then leaves
        // the small one anywhere between 1 and SMALL_COUNT_MAX.
        const candidate = e.parts
          .filter((l) => !l.marks[k] && (num(l.values[k] ?? null) ?? 0) > SMALL_COUNT_MAX)
          .sort((a, b) => (num(a.values[k] ?? null) ?? 0) - (num(b.values[k] ?? null) ?? 0))[0];
        const target = candidate ?? (e.sum.marks[k] ? null : e.sum);
        if (!target) continue;
        target.marks[k] = 'hidden';
        changed = true;
      }
    }
  }
  // Columns that would tell a suppressed cell (a rate of it, "meets the target").
  for (const l of allLines(t))
    for (const c of t.columns) {
      const deps = [...(c.dependsOn ?? []), ...(c.kind === 'rate' ? [c.numerator!, c.denominator!] : [])];
      if (!l.marks[c.key] && deps.some((d) => l.marks[d])) l.marks[c.key] = 'hidden';
    }
}

/** rate = numerator / denominator; no rate (null) without a positive denominator. */
export const rateOf = (n: Value, d: Value): number | null => {
  const a = num(n);
  const b = num(d);
  return a !== null && b !== null && b > 0 ? a / b : null;
};

function fillRates(t: Table): void {
  for (const l of allLines(t))
    for (const c of t.columns)
      if (c.kind === 'rate') l.values[c.key] = rateOf(l.values[c.numerator!] ?? null, l.values[c.denominator!] ?? null);
}

/** A line's cell as shown: the suppression mark, or the value. */
export const shown = (l: Line, key: string): Value =>
  l.marks[key] === 'small' ? SMALL_MARK : l.marks[key] === 'hidden' ? HIDDEN_MARK : (l.values[key] ?? null);
