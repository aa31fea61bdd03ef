// The coverage "map": one tile per area, drawn by the server as SVG. Prefectures sit roughly where they
// lie (Ngari in the west, Chamdo in the east, the southern valley in a row); counties of one prefecture
// in code order. Each tile says its rate against the 50 % line in text as well as colour, "no target"
// when there is none, and flags counties without a center and missed deadlines.
import type { Lang } from '../../../models/enums.ts';
import type { Coverage, CoverageItem } from '../../statistics/coverage.ts';
import type { Ui } from '../ui.ts';

/** Column and row of each prefecture on a 4 × 2 tile map. */
const PLACES: Record<string, [number, number]> = {
  '542500': [0, 0],
  '540600': [1, 0],
  '540300': [3, 0],
  '540200': [0, 1],
  '540100': [1, 1],
  '540500': [2, 1],
  '540400': [3, 1],
};
const W = 240;
const H = 200;
const GAP = 12;
const COLS = 4;

const shortName = (item: CoverageItem, lang: Lang) => {
  const name = item.name[lang];
  return lang === 'en' ? name.replace(/ (District|County|City|Prefecture)$/, '') : name;
};
const percent = (rate: number) => `${Math.round(rate * 100)}%`;

export type TileState = 'meets' | 'below' | 'none';
export const tileState = (item: CoverageItem): TileState =>
  item.meetsTarget === null ? 'none' : item.meetsTarget ? 'meets' : 'below';

/** The tile's status in words (never colour alone). */
export function statusText(ui: Ui, item: CoverageItem): string {
  if (item.target === 'missing') return ui.t('cov.noTarget');
  if (item.target === 'zero') return ui.t('cov.zeroTarget');
  return item.meetsTarget ? `≥50% ${ui.t('cov.meets')}` : `<50% ${ui.t('cov.below')}`;
}

export const missedDeadline = (item: CoverageItem) =>
  item.deadlines.some((d) => d.met === false) || (item.countiesMissedDeadline?.length ?? 0) > 0;

function Tile(props: { ui: Ui; item: CoverageItem; x: number; y: number }) {
  const { ui, item, x, y } = props;
  const { lang } = ui;
  const state = tileState(item);
  const name = shortName(item, lang);
  // Long names are squeezed into the tile rather than cut.
  const wide = [...name].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 30 : 16), 0) > W - 24;
  const flags: string[] = [];
  if (item.level === 'prefecture' && item.countiesWithoutCenter?.length)
    flags.push(`⚠ ${ui.t('cov.noCenterCounties', { count: item.countiesWithoutCenter.length })}`);
  if (item.level === 'county' && item.operatingCenters === 0) flags.push(`⚠ ${ui.t('cov.noCenter')}`);
  if (missedDeadline(item)) flags.push(`✗ ${ui.t('cov.missed')}`);
  const bar = W - 32;
  return (
    <g transform={`translate(${x} ${y})`} class={`cov-tile cov-${state}`}>
      <title>{`${item.name[lang]}: ${item.rate === null ? '—' : percent(item.rate)} ${statusText(ui, item)}`}</title>
      <rect width={W} height={H} rx="10" class="cov-bg" />
      <text x="16" y="36" class="cov-name" textLength={wide ? W - 32 : undefined} lengthAdjust="spacingAndGlyphs">
        {name}
      </text>
      <text x="16" y="82" class="cov-rate">
        {item.rate === null ? '—' : percent(item.rate)}
      </text>
      <text x="16" y="112" class="cov-status">
        {statusText(ui, item)}
      </text>
      <rect x="16" y="124" width={bar} height="12" rx="3" class="cov-track" />
      {item.rate !== null && (
        <rect x="16" y="124" width={Math.max(0, Math.min(1, item.rate)) * bar} height="12" rx="3" class="cov-fill" />
      )}
      <line x1={16 + bar / 2} x2={16 + bar / 2} y1="118" y2="142" class="cov-line" />
      {flags.slice(0, 2).map((f, i) => (
        <text
          x="16"
          y={166 + i * 24}
          class="cov-flag"
          textLength={f.length > 14 && lang !== 'zh' ? W - 32 : undefined}
          lengthAdjust="spacingAndGlyphs"
        >
          {f}
        </text>
      ))}
    </g>
  );
}

export function CoverageGrid(props: { ui: Ui; coverage: Coverage; regionName: string }) {
  const { ui, coverage } = props;
  const items = coverage.items;
  const mapped = coverage.level === 'prefecture' && items.every((i) => PLACES[i.regionCode]) && items.length > 1;
  const place = (item: CoverageItem, i: number): [number, number] =>
    mapped ? PLACES[item.regionCode] : [i % COLS, Math.floor(i / COLS)];
  const cols = mapped ? COLS : Math.min(COLS, items.length);
  const rows = Math.max(1, ...items.map((it, i) => place(it, i)[1] + 1));
  const width = cols * W + (cols - 1) * GAP;
  const height = rows * H + (rows - 1) * GAP;
  const title = ui.t('cov.grid', { region: props.regionName, asOf: coverage.asOf });
  return (
    <svg
      class="cov-grid"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby="cov-grid-title cov-grid-desc"
      style={`max-width:${Math.min(width, 1000)}px`}
    >
      <title id="cov-grid-title">{title}</title>
      <desc id="cov-grid-desc">{ui.t('cov.grid.desc')}</desc>
      {items.map((item, i) => {
        const [c, r] = place(item, i);
        return <Tile ui={ui} item={item} x={c * (W + GAP)} y={r * (H + GAP)} />;
      })}
    </svg>
  );
}
