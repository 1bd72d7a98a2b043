import { Resvg } from '@resvg/resvg-js';
import type { ChartSpec } from '../answer/index.ts';
import { type Anchor, GlyphWriter, resolveChartFont } from './_glyphs.ts';
import { escapeHtml } from './html.ts';

export { resolveChartFont };

const WIDTH = 900;
const HEIGHT = 520;
const PLOT = { left: 80, right: 30, top: 70, bottom: 70 };
/** Colour-blind-safe series colours (Okabe–Ito), the first the single-series colour. */
const PALETTE = ['#3b6fb6', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9', '#000000'];

interface Series {
  name: string;
  values: (number | null)[];
}

/** A round axis maximum with 4–5 ticks. */
function niceMax(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= raw) ?? raw;
  return { top: Math.ceil(max / step) * step, step };
}

/** Label text shortened for the axis; the caption carries the full names. */
function shortenLabel(label: string, slots: number): string {
  const max = Math.max(4, Math.floor(slots / 16));
  if (label.length <= max) return label;
  // 人民政府 adds nothing on an axis of agencies.
  const short = label.replace(/人民政府$/, '').replace(/人民政府/, '政府');
  return short.length > max ? `${short.slice(0, max - 1)}…` : short;
}

function formatTick(value: number): string {
  return Number(value.toFixed(2)).toLocaleString('en-US');
}

/** Axis labels without the prefix they all share (平潭综合实验区…), so the differing part shows. */
function axisLabels(labels: readonly string[]): string[] {
  if (labels.length < 2) return [...labels];
  let common = 0;
  const first = labels[0]!;
  while (common < first.length && labels.every((l) => l[common] === first[common])) common++;
  // keep whole labels when they differ only at the end (2023年 / 2024年) or share little
  if (common < 2 || labels.some((l) => l.length - common < 2)) return [...labels];
  return labels.map((l) => l.slice(common));
}

function seriesOf(spec: ChartSpec): Series[] {
  return spec.series && spec.series.length > 0 ? spec.series : [{ name: '', values: spec.values }];
}

/** Builds the chart as SVG markup; text is drawn as glyph outlines (pure, no markup from the data). */
export function buildChartSvg(spec: ChartSpec, fontFile = resolveChartFont()): string {
  const glyphs = new GlyphWriter(fontFile);
  const text = (s: string, x: number, y: number, size: number, fill: string, anchor: Anchor) =>
    glyphs.text(s, x, y, size, fill, anchor);
  const series = seriesOf(spec);
  const plotW = WIDTH - PLOT.left - PLOT.right;
  const plotH = HEIGHT - PLOT.top - PLOT.bottom;
  const n = Math.max(spec.labels.length, ...series.map((s) => s.values.length), 1);
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const { top, step } = niceMax(Math.max(0, ...all));
  const y = (v: number) => PLOT.top + plotH - (Math.max(v, 0) / top) * plotH;
  const slot = plotW / n;
  const x = (i: number) => PLOT.left + slot * i + slot / 2;
  const parts: string[] = [
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    text(spec.title, WIDTH / 2, 38, 24, '#222', 'middle'),
    text(spec.unit, PLOT.left - 10, PLOT.top - 14, 14, '#555', 'end'),
  ];
  for (let t = 0; t <= top + step / 2; t += step) {
    parts.push(
      `<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${y(t)}" y2="${y(t)}" stroke="#e2e2e2"/>`,
      text(formatTick(t), PLOT.left - 10, y(t) + 5, 14, '#555', 'end'),
    );
  }
  axisLabels(spec.labels).forEach((label, i) => {
    parts.push(text(shortenLabel(label, slot), x(i), PLOT.top + plotH + 26, 15, '#222', 'middle'));
  });
  const labelValues = series.length === 1;
  series.forEach((s, k) => {
    const colour = PALETTE[k % PALETTE.length]!;
    const points: string[] = [];
    s.values.forEach((value, i) => {
      if (value === null) return;
      if (spec.kind === 'bar') {
        const w = Math.min(slot * 0.6, 90);
        parts.push(
          `<rect x="${x(i) - w / 2}" y="${y(value)}" width="${w}" height="${PLOT.top + plotH - y(value)}" fill="${colour}"/>`,
        );
      } else {
        points.push(`${x(i)},${y(value)}`);
        parts.push(`<circle cx="${x(i)}" cy="${y(value)}" r="5" fill="${colour}"/>`);
      }
      if (labelValues) parts.push(text(formatTick(value), x(i), y(value) - 8, 15, '#222', 'middle'));
    });
    if (points.length > 1) {
      parts.push(`<polyline points="${points.join(' ')}" fill="none" stroke="${colour}" stroke-width="3"/>`);
    }
  });
  if (series.length > 1) parts.push(legend(series, glyphs));
  parts.push(
    `<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${PLOT.top + plotH}" y2="${PLOT.top + plotH}" stroke="#888"/>`,
  );
  // the title element keeps the chart's name readable by tools; glyphs carry what is seen
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><title>${escapeHtml(spec.title)}</title>${glyphs.defs()}${parts.join('')}</svg>`;
}

/** One row of swatches and names under the title, right-aligned. */
function legend(series: readonly Series[], glyphs: GlyphWriter): string {
  const size = 13;
  const names = series.map((s) => shortenLabel(s.name, 160));
  const widths = names.map((name) => 18 + glyphs.measure(name, size) + 14);
  let xPos = WIDTH - PLOT.right - widths.reduce((a, b) => a + b, 0);
  const out: string[] = [];
  names.forEach((name, k) => {
    const colour = PALETTE[k % PALETTE.length]!;
    out.push(
      `<rect x="${xPos}" y="50" width="12" height="12" fill="${colour}"/>`,
      glyphs.text(name, xPos + 18, 61, size, '#333', 'start'),
    );
    xPos += widths[k]!;
  });
  return out.join('');
}

/** Renders the chart to PNG bytes with resvg; no font is loaded by the rasteriser. */
export function renderChart(spec: ChartSpec, fontFile = resolveChartFont()): Buffer {
  const resvg = new Resvg(buildChartSvg(spec, fontFile), {
    font: { loadSystemFonts: false },
    fitTo: { mode: 'original' },
  });
  return resvg.render().asPng();
}
