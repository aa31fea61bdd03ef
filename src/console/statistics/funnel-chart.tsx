// A funnel drawn by the server as SVG: one bar per step, its width against the group's first step,
// the count and the conversion from the step before. The table beside it is the accessible
// alternative (and what a screen reader reads); the SVG carries a title and a description too.
import type { Lang } from '../../i18n/lang.ts';
import { formatNumber } from '../format.ts';

export interface FunnelStep {
  label: string;
  value: number;
}

/** Conversion from the step before, as a percentage string, or '–' when the step before is 0. */
export const conversion = (steps: FunnelStep[], i: number, lang: Lang): string => {
  if (i === 0) return '';
  const before = steps[i - 1].value;
  if (!before) return '–';
  return `${formatNumber(Math.round((steps[i].value / before) * 1000) / 10, lang)}%`;
};

export function FunnelChart(props: { id: string; title: string; desc: string; steps: FunnelStep[]; lang: Lang }) {
  const { steps, lang } = props;
  const width = 320;
  const row = 46;
  const height = steps.length * row + 4;
  const max = Math.max(1, ...steps.map((s) => s.value));
  return (
    <svg
      class="funnel-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${props.id}-t ${props.id}-d`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${props.id}-t`}>{props.title}</title>
      <desc id={`${props.id}-d`}>{props.desc}</desc>
      {steps.map((s, i) => {
        const w = Math.max(2, Math.round((s.value / max) * width));
        const y = i * row;
        const conv = conversion(steps, i, lang);
        return (
          <g>
            <text x="0" y={y + 14} class="funnel-label">
              {s.label}
              {conv ? ` · ${conv}` : ''}
            </text>
            <rect x={(width - w) / 2} y={y + 20} width={w} height="20" rx="3" class="funnel-bar" />
            <text x={width / 2} y={y + 35} text-anchor="middle" class="funnel-value">
              {formatNumber(s.value, lang)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
