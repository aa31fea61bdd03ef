// A line chart drawn on the server (no script, no chart library): a value per day, gaps where a day
// was never recorded, axes with a few round ticks and dates. The SVG scales with its box (viewBox);
// <title>/<desc> name it for screen readers and the page's table holds every value.
import type { Lang } from '../../../i18n/lang.ts';
import { formatNumber } from '../../format.ts';

export interface ChartPoint {
  day: string;
  value: number | null;
}

const W = 400;
const H = 220;
const PAD = { left: 44, right: 12, top: 12, bottom: 30 };

/** A round step for about `n` ticks up to `max` (1, 2, 5 × 10^k). */
export function niceStep(max: number, n = 4): number {
  if (max <= 0) return 1;
  const raw = max / n;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  return Math.max(1, step);
}

/** Runs of consecutive recorded days: each drawn as one line. */
function segments(points: ChartPoint[]): { i: number; v: number }[][] {
  const out: { i: number; v: number }[][] = [];
  let run: { i: number; v: number }[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (run.length) out.push(run);
      run = [];
    } else run.push({ i, v: p.value });
  });
  if (run.length) out.push(run);
  return out;
}

export function LineChart(props: { points: ChartPoint[]; title: string; desc: string; lang: Lang; id: string }) {
  const { points, lang } = props;
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const step = niceStep(Math.max(0, ...values));
  const top = Math.max(step, Math.ceil(Math.max(0, ...values) / step) * step);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length > 1 ? (i / (points.length - 1)) * plotW : plotW / 2);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  // About five dates along the axis, first and last included.
  const every = Math.max(1, Math.ceil((points.length - 1) / 4));
  const dateTicks = points.map((_, i) => i).filter((i) => i % every === 0 || i === points.length - 1);
  if (dateTicks.length > 1 && dateTicks.at(-1)! - dateTicks.at(-2)! < every / 2) dateTicks.splice(-2, 1);
  const short = (day: string) => (points.length > 400 ? day.slice(0, 7) : day.slice(5));
  return (
    <svg
      class="trend-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.desc}</desc>
      <g class="grid">
        {ticks.map((v) => (
          <g>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text x={PAD.left - 6} y={y(v) + 4} text-anchor="end">
              {formatNumber(v, lang)}
            </text>
          </g>
        ))}
      </g>
      <g class="axis">
        <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} />
        {dateTicks.map((i) => (
          <text x={x(i)} y={H - 10} text-anchor={i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle'}>
            {short(points[i]!.day)}
          </text>
        ))}
      </g>
      {segments(points).map((run) =>
        run.length === 1 ? (
          <circle class="line-dot" cx={x(run[0]!.i)} cy={y(run[0]!.v)} r="2.5" />
        ) : (
          <polyline class="line" points={run.map((p) => `${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ')} />
        ),
      )}
    </svg>
  );
}
